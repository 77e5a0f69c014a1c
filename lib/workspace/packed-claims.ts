import { CLAIM_STATUSES, type ClaimStatus } from '@/lib/consensus/consensus';
import { CLAIM_KINDS, EVIDENCE_LEVELS, VERDICTS } from '@/lib/domain/vocabulary';
import type { WorkspaceClaim } from './workspace-types';

// The workspace sends one row per claim to the browser, and a long document has thousands: as objects with
// named fields and a section id each, the rows were most of the page. Packed, a row is a short array whose
// fields are positions (the offset from the claim before, the section's index, one letter per enum).

/**
 * `[id, n, gap, length, section, codes, text?]`: `gap` is the start minus the previous claim's end, `section`
 * the index into the workspace's sections (-1 for none), `codes` one character each for kind, hedged, status,
 * evidence level, my verdict, the reviewers who gave a verdict so far (while in review) and cites-a-study, and `text` only for a claim whose text was edited away from its quote.
 */
export type PackedClaim =
  | [string, number, number, number, number, string]
  | [string, number, number, number, number, string, string];

const KINDS: ReadonlyArray<WorkspaceClaim['kind']> = CLAIM_KINDS;
const STATUSES: ReadonlyArray<ClaimStatus> = CLAIM_STATUSES;
// Position 0 stands for "none" in the two optional fields.
const LEVELS: ReadonlyArray<WorkspaceClaim['level']> = [null, ...EVIDENCE_LEVELS];
const MINE: ReadonlyArray<WorkspaceClaim['mine']> = [null, ...VERDICTS];

export function packClaims(
  claims: ReadonlyArray<WorkspaceClaim>,
  sections: ReadonlyArray<{ id: string }>,
): PackedClaim[] {
  const sectionIndex = new Map(sections.map((s, i) => [s.id, i]));
  let end = 0;
  return claims.map((c) => {
    const codes = [
      KINDS.indexOf(c.kind),
      c.hedged ? 1 : 0,
      STATUSES.indexOf(c.status),
      LEVELS.indexOf(c.level),
      MINE.indexOf(c.mine),
      // One digit: a claim is in review only while fewer reviewers than the rule's most (3) have judged it.
      Math.min(c.assessed, 9),
      c.citesStudy ? 1 : 0,
    ].join('');
    const section = c.sectionId === null ? -1 : (sectionIndex.get(c.sectionId) ?? -1);
    const row: PackedClaim = [c.id, c.n, c.start - end, c.end - c.start, section, codes];
    end = c.end;
    return c.text === null ? row : [...row, c.text];
  });
}

export function unpackClaims(
  packed: ReadonlyArray<PackedClaim>,
  sections: ReadonlyArray<{ id: string }>,
): WorkspaceClaim[] {
  let end = 0;
  return packed.map(([id, n, gap, length, section, codes, text]) => {
    const start = end + gap;
    end = start + length;
    const code = (at: number) => Number(codes[at]);
    return {
      id,
      n,
      start,
      end,
      sectionId: sections[section]?.id ?? null,
      kind: KINDS[code(0)] ?? 'OTHER',
      hedged: code(1) === 1,
      text: text ?? null,
      status: STATUSES[code(2)] ?? 'UNREVIEWED',
      level: LEVELS[code(3)] ?? null,
      mine: MINE[code(4)] ?? null,
      assessed: code(5) || 0,
      citesStudy: code(6) === 1,
    };
  });
}
