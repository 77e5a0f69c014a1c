import { claimStatus, countStatuses } from '@/lib/consensus/claim-status';
import type { ReviewExportData } from './get-review-export';

export const JSON_EXPORT_SCHEMA_VERSION = 1;

/** The complete review as plain JSON; its shape is documented in the README. */
export function toJsonExport(data: ReviewExportData, exportedAt: Date) {
  const claims = data.claims.map((c) => {
    const reviewed = c.assessments.some((a) => a.verdict !== null);
    return {
      id: c.id,
      text: c.text,
      quote: c.quote,
      start: c.start,
      end: c.end,
      prefix: c.prefix,
      suffix: c.suffix,
      section: c.section?.heading ?? null,
      kind: c.kind,
      hedged: c.hedged,
      status: claimStatus({ consensusVerdict: c.consensusVerdict, reviewed }),
      verdict: c.consensusVerdict,
      evidenceLevel: c.consensusEvidenceLevel,
      assessments: c.assessments.map((a) => ({
        reviewer: a.reviewer.name,
        verdict: a.verdict,
        evidenceLevel: a.evidenceLevel,
        certainty: a.certainty,
        downgradeReasons: a.downgradeReasons,
        rationale: a.rationale,
        updatedAt: a.updatedAt.toISOString(),
      })),
      comments: c.comments.map((m) => ({
        id: m.id,
        author: m.author.name,
        body: m.body,
        createdAt: m.createdAt.toISOString(),
        resolved: m.resolvedAt !== null,
      })),
    };
  });
  return {
    schemaVersion: JSON_EXPORT_SCHEMA_VERSION,
    exportedAt: exportedAt.toISOString(),
    document: {
      id: data.id,
      title: data.title,
      sourceUrl: data.sourceUrl,
      author: data.author,
      publishedOn: data.publishedOn?.toISOString().slice(0, 10) ?? null,
      body: data.body,
    },
    counts: countStatuses(
      claims.map((c) => ({ consensusVerdict: c.verdict, reviewed: c.status !== 'UNREVIEWED' })),
    ),
    claims,
  };
}

export type JsonExport = ReturnType<typeof toJsonExport>;
