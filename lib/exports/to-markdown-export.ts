import { CLAIM_STATUSES, type ClaimStatus } from '@/lib/consensus/claim-status';
import { EVIDENCE_LEVEL_SHORT, VERDICT_LABEL } from '@/lib/domain/vocabulary';
import type { JsonExport } from './to-json-export';

const STATUS_LABEL: Record<ClaimStatus, string> = {
  ...VERDICT_LABEL,
  CONFLICT: 'In conflict',
  UNREVIEWED: 'Unreviewed',
};

/** A readable review summary: counts by verdict, then each claim with its verdict, evidence level and comments. */
export function toMarkdownExport(review: JsonExport): string {
  const { document, counts, claims } = review;
  const out: string[] = [`# Review summary: ${inline(document.title)}`, ''];
  if (document.sourceUrl) out.push(`Source: <${document.sourceUrl}>  `);
  if (document.author) out.push(`Author: ${inline(document.author)}  `);
  if (document.publishedOn) out.push(`Published: ${document.publishedOn}  `);
  out.push(`Exported: ${review.exportedAt.slice(0, 16).replace('T', ' ')} UTC`, '');
  out.push('## Counts by verdict', '', '| Verdict | Claims |', '| --- | ---: |');
  for (const status of CLAIM_STATUSES) out.push(`| ${STATUS_LABEL[status]} | ${counts[status]} |`);
  out.push(`| **Total** | **${claims.length}** |`, '', '## Claims', '');
  if (claims.length === 0) out.push('_This document has no claims._', '');
  let section: string | null | undefined;
  claims.forEach((claim, i) => {
    if (claim.section !== section) {
      section = claim.section;
      out.push(`### ${inline(section ?? 'Before the first heading')}`, '');
    }
    out.push(`${i + 1}. ${inline(claim.text)}`);
    const level = claim.evidenceLevel ? EVIDENCE_LEVEL_SHORT[claim.evidenceLevel] : 'not set';
    out.push(`   - Verdict: **${STATUS_LABEL[claim.status]}**; evidence level: ${level}`);
    for (const c of claim.comments) {
      out.push(`   - Comment by ${inline(c.author)}${c.resolved ? ' (resolved)' : ''}: ${inline(c.body)}`);
    }
    out.push('');
  });
  return out.join('\n');
}

// User text goes on one line with the characters that start Markdown or HTML markup escaped, so it reads as
// typed and cannot inject links, tables or tags. Other punctuation stays readable in the raw file.
function inline(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/([\\`*_[\]|<>])/g, '\\$1')
    .trim();
}
