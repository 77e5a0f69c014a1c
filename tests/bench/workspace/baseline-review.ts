// The review rules the baseline needs, written for it alone as a competitor serving the same product would
// write them: the vocabulary as the database spells it, when a consensus forms, what blind review hides, and
// time-ordered ids. The seed uses them too, so the data it writes follows the same rules.
import crypto from 'node:crypto';

export const VERDICTS = ['SUPPORTED', 'SPECULATIVE', 'UNSUPPORTED'] as const;
/** Strongest first, then NONE ("no evidence offered"). */
export const LEVELS = ['LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4', 'LEVEL_5', 'NONE'] as const;
export const CERTAINTIES = ['HIGH', 'MODERATE', 'LOW', 'VERY_LOW'] as const;

export type Verdict = (typeof VERDICTS)[number];
export type Level = (typeof LEVELS)[number];
export type Certainty = (typeof CERTAINTIES)[number];

export type Judgement = {
  verdict: Verdict | null;
  evidenceLevel: Level | null;
  certainty: Certainty | null;
  /** GRADE domains (RISK_OF_BIAS, IMPRECISION…): the column's enum type is the list the database accepts. */
  downgradeReasons: string[];
  rationale: string | null;
};

export type Outcome = {
  state: 'UNREVIEWED' | 'IN_REVIEW' | 'AGREED' | 'CONFLICT' | 'ADJUDICATED';
  verdict: Verdict | null;
  evidenceLevel: Level | null;
};

export const UNREVIEWED: Outcome = { state: 'UNREVIEWED', verdict: null, evidenceLevel: null };

/**
 * A claim's outcome from its reviewers' verdicts: until the project's required number of reviewers gave one it
 * is in review; then one verdict shared by all who gave one is agreed, at the weakest level any of them gave
 * (the last in LEVELS order); two different verdicts are a conflict.
 */
export function outcomeOf(
  judgements: ReadonlyArray<{ verdict: Verdict | null; evidenceLevel: Level | null }>,
  required = 1,
): Outcome {
  let agreed: Verdict | null = null;
  let weakest = -1;
  let given = 0;
  for (const { verdict, evidenceLevel } of judgements) {
    if (verdict === null) continue;
    given += 1;
    if (agreed !== null && verdict !== agreed)
      return { state: 'CONFLICT', verdict: null, evidenceLevel: null };
    agreed = verdict;
    if (evidenceLevel !== null) weakest = Math.max(weakest, LEVELS.indexOf(evidenceLevel));
  }
  if (agreed === null) return UNREVIEWED;
  if (given < required) return { state: 'IN_REVIEW', verdict: null, evidenceLevel: null };
  return { state: 'AGREED', verdict: agreed, evidenceLevel: LEVELS[weakest] ?? null };
}

/** Blind review: a reviewer sees how others judged a claim only once they have judged it themselves. */
export function keptBlind(reviewMode: string, role: string, myVerdict: string | null): boolean {
  return reviewMode === 'BLIND' && role === 'REVIEWER' && myVerdict === null;
}

/** The last id's millisecond × 4096 plus its count within that millisecond: one number that only goes up. */
let lastStamp = 0;

/**
 * A UUIDv7: the millisecond, then a count within it, then random bits, so rows written together (a save's
 * audit events) sort in the order they were made, as the history lists them.
 */
export function newId(): string {
  lastStamp = Math.max(lastStamp + 1, Date.now() * 4096);
  const tail = crypto.randomBytes(8);
  tail[0] = 0x80 | ((tail[0] as number) & 0x3f);
  const hex =
    Math.floor(lastStamp / 4096)
      .toString(16)
      .padStart(12, '0') +
    (0x7000 + (lastStamp % 4096)).toString(16) +
    tail.toString('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}
