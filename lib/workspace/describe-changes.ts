import {
  CERTAINTY_LABEL,
  CITATION_RELATION_LABEL,
  EVIDENCE_LEVEL_SHORT,
  GRADE_DOMAIN_LABEL,
  VERDICT_LABEL,
} from '@/lib/domain/vocabulary';

export type Change = { field: string; from: string | null; to: string | null };

// What someone did, as the history and the live notices say it after their name ("Rob adjudicated").
const ACTION_WORDS: Record<string, string> = {
  'assessment.created': 'assessed',
  'assessment.updated': 'changed their assessment',
  'consensus.changed': 'consensus changed',
  'claim.adjudicated': 'adjudicated',
  'comment.added': 'commented',
  'comment.resolved': 'resolved a comment',
  'comment.reopened': 'reopened a comment',
  'citation.added': 'cited a source',
  'citation.removed': 'removed a citation',
  'claim.edited': 'edited the claim',
  'claim.split': 'split the claim',
  'claim.merged': 'merged claims',
  'claim.created': 'added the claim',
  'claim.deleted': 'deleted the claim',
  'document.review-mode-changed': 'changed the review mode',
  'document.version-imported': 'imported a new version of the document',
  'claim.text-changed': 'imported a new version that changed the claim’s words',
  'claim.orphaned': 'imported a new version without the claim',
  'claim.orphan-attached': 'attached the orphaned claim to new text',
};

/** The words for an audit event's action, if it has some. */
export function actionWords(action: string): string | null {
  return ACTION_WORDS[action] ?? null;
}

const FIELD_LABEL: Record<string, string> = {
  verdict: 'Verdict',
  evidenceLevel: 'Evidence level',
  certainty: 'Certainty',
  downgradeReasons: 'Downgraded for',
  rationale: 'Rationale',
  state: 'State',
  note: 'Note',
  body: 'Comment',
  text: 'Text',
  number: 'Number',
  identifier: 'Source',
  relation: 'Relation',
  reviewMode: 'Review mode',
  resolved: 'Resolved',
  resolvedAt: 'Resolved',
  mode: 'Review mode',
};

const LABELS: Record<string, Record<string, string>> = {
  verdict: VERDICT_LABEL,
  evidenceLevel: EVIDENCE_LEVEL_SHORT,
  certainty: CERTAINTY_LABEL,
  downgradeReasons: GRADE_DOMAIN_LABEL,
  relation: CITATION_RELATION_LABEL,
};

/** An audit event's before and after as readable field changes; unchanged fields are left out. */
export function describeChanges(before: unknown, after: unknown): Change[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (f) => !f.endsWith('Id') && f !== 'id',
  );
  return fields.flatMap((field) => {
    const from = b === NONE ? null : show(field, b[field]);
    const to = show(field, a[field]);
    if (from === to) return [];
    return [{ field: FIELD_LABEL[field] ?? field, from, to }];
  });
}

const NONE: Record<string, unknown> = {};
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : NONE;
}

function show(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const labels = LABELS[field];
  if (Array.isArray(value)) return value.map((v) => labels?.[String(v)] ?? String(v)).join(', ') || null;
  if (typeof value === 'string' && ISO_TIME.test(value))
    return `${value.slice(0, 10)} ${value.slice(11, 16)} UTC`;
  if (typeof value === 'string') return labels?.[value] ?? value;
  return String(value);
}
