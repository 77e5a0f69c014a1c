// The review the benchmark's three reviewers left on the document, as rows ready for bulk insertion: their
// assessments (about one claim in ten in conflict), the consensus each claim gets by the rules in
// baseline-review.ts, about 1,000 comments gathered on conflicts, and the audit trail of it all.
import type { BenchClaim } from './article';
import { CERTAINTIES, type Level, newId, outcomeOf, VERDICTS, type Verdict } from './baseline-review';

export const COMMENTS = 1_000;
const CONFLICT_SHARE = 0.1;

const LEVELS_OF: Record<Verdict, Level[]> = {
  SUPPORTED: ['LEVEL_1', 'LEVEL_2', 'LEVEL_3'],
  SPECULATIVE: ['LEVEL_4', 'LEVEL_5'],
  UNSUPPORTED: ['LEVEL_5', 'NONE'],
};
const RATIONALES = [
  'Consistent with the cited randomised trial.',
  'The only source is a small open-label series.',
  'Mechanistic reasoning only; no outcome data.',
  'The effect size quoted does not match the paper (p < 0.05 was for a secondary outcome).',
];
const COMMENT_BODIES = [
  'Which trial is this from? I could not find the figure in the abstract.',
  'The dose differs from the protocol & the registered outcome.',
  'Agree with the verdict, but the evidence level looks one step too high.',
  'This reads like a press release. Is there a primary source?',
  'Resolved after checking the full text: the numbers match Table 2.',
];

export type ReviewRows = {
  /** [id, claimId, reviewerId, verdict, evidenceLevel, certainty, downgradeReasons literal, rationale] */
  assessments: unknown[][];
  /** Per claim, in the claims' order. */
  consensus: Array<{ verdict: Verdict | null; evidenceLevel: Level | null }>;
  /** [id, claimId, authorId, parentId, body, resolvedById] */
  comments: unknown[][];
  /** [id, actorId, action, entityType, entityId, documentId, claimId, after] */
  audit: unknown[][];
};

export function reviewRows(options: {
  documentId: string;
  claims: readonly BenchClaim[];
  claimIds: readonly string[];
  reviewers: ReadonlyArray<{ id: string }>;
  adminId: string;
}): ReviewRows {
  const { documentId, claimIds, reviewers } = options;
  let state = 7;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const assessments: unknown[][] = [];
  const consensus: ReviewRows['consensus'] = [];
  const audit: unknown[][] = [];
  const conflicts: number[] = [];
  const lastReviewer = reviewers.at(-1)?.id ?? options.adminId;
  const event = (
    actorId: string,
    action: string,
    entity: [string, string],
    claimId: string,
    after: unknown,
  ) =>
    audit.push([newId(), actorId, action, entity[0], entity[1], documentId, claimId, JSON.stringify(after)]);

  options.claims.forEach((claim, i) => {
    const claimId = claimIds[i] as string;
    const base: Verdict = claim.hedged
      ? pick(['SPECULATIVE', 'SPECULATIVE', 'SPECULATIVE', 'SUPPORTED', 'UNSUPPORTED'])
      : pick(['SUPPORTED', 'SUPPORTED', 'SUPPORTED', 'SPECULATIVE', 'UNSUPPORTED']);
    const baseLevel = pick(LEVELS_OF[base]);
    const dissenter = random() < CONFLICT_SHARE ? Math.floor(random() * 3) : -1;
    const levelOff = random() < 0.15 ? Math.floor(random() * 3) : -1;
    const given = reviewers.map((reviewer, r) => {
      const verdict = r === dissenter ? pick(VERDICTS.filter((v) => v !== base)) : base;
      const evidenceLevel = r === dissenter || r === levelOff ? pick(LEVELS_OF[verdict]) : baseLevel;
      const certainty = random() < 0.3 ? pick(CERTAINTIES) : null;
      const reasons =
        certainty === 'LOW' || certainty === 'VERY_LOW'
          ? [pick(['RISK_OF_BIAS', 'INCONSISTENCY']), 'IMPRECISION']
          : [];
      const rationale = random() < 0.2 ? pick(RATIONALES) : null;
      const id = newId();
      assessments.push([
        id,
        claimId,
        reviewer.id,
        verdict,
        evidenceLevel,
        certainty,
        `{${reasons}}`,
        rationale,
      ]);
      event(reviewer.id, 'assessment.created', ['Assessment', id], claimId, {
        verdict,
        evidenceLevel,
        certainty,
        downgradeReasons: reasons,
        rationale,
      });
      return { verdict, evidenceLevel };
    });
    const outcome = outcomeOf(given);
    consensus.push(outcome);
    if (outcome.state === 'CONFLICT') conflicts.push(i);
    // The consensus formed when the last reviewer saved.
    event(lastReviewer, 'consensus.changed', ['Claim', claimId], claimId, outcome);
  });

  // Discussion gathers on conflicts; replies join a thread's first comment, and some threads are resolved.
  const comments: unknown[][] = [];
  const threadOf = new Map<number, string>();
  for (let c = 0; c < COMMENTS; c++) {
    const claimIndex =
      random() < 0.5 && conflicts.length ? pick(conflicts) : Math.floor(random() * options.claims.length);
    const claimId = claimIds[claimIndex] as string;
    const author = pick([...reviewers, { id: options.adminId }]);
    const root = threadOf.get(claimIndex);
    const parentId = root && random() < 0.6 ? root : null;
    const id = newId();
    if (!root) threadOf.set(claimIndex, id);
    const resolved = !parentId && random() < 0.2;
    comments.push([
      id,
      claimId,
      author.id,
      parentId,
      pick(COMMENT_BODIES),
      resolved ? options.adminId : null,
    ]);
    event(author.id, 'comment.added', ['Comment', id], claimId, { parentId });
  }
  return { assessments, consensus, comments, audit };
}
