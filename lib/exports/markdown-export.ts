import { describeAgreement } from '@/lib/agreement/describe-agreement';
import { citationReference } from '@/lib/citations/citation-words';
import { CLAIM_STATUSES } from '@/lib/consensus/consensus';
import { sectionLabel } from '@/lib/domain/sections';
import {
  CERTAINTY_LABEL,
  EVIDENCE_LEVELS,
  GRADE_DOMAIN_LABEL,
  VERDICT_LABEL,
  VERDICTS,
} from '@/lib/domain/vocabulary';
import { consensusRuleWords, versionWords } from '@/lib/summary/header-words';
import { CHART_LEVEL_LABEL } from '@/lib/summary/verdict-chart';
import type { ReviewClaimRow, ReviewHeader } from './review-types';
import { claimStatusWords, evidenceLevelCell, reviewerVerdicts, STATUS_WORDS } from './review-words';
import { textChunks } from './text-chunks';
import {
  NO_CHANGE_WORDS,
  orphanConsensusWords,
  versionChangeCounts,
  versionChangesTitle,
} from './version-change-words';

const CLAIMS_TABLE = [
  '| # | Section | Claim | Verdict | Evidence level | Certainty | Downgrade reasons | Rationale | Citations | Open threads |',
  '| ---: | --- | --- | --- | --- | --- | --- | --- | --- | ---: |',
];

/**
 * The review summary as Markdown, in the order of the summary page: the document and its review, counts by
 * status, verdict by evidence level, agreement, then one table row per claim. The header is written first, then
 * the claims in small chunks as their batches arrive.
 */
export async function* markdownExport(
  header: ReviewHeader,
  batches: AsyncIterable<ReviewClaimRow[]>,
): AsyncIterable<string> {
  yield documentPart(header);
  yield versionChangesPart(header);
  yield '## Claims\n\n';
  let rows = 0;
  for await (const batch of batches) {
    if (rows === 0) yield `${CLAIMS_TABLE.join('\n')}\n`;
    yield* textChunks(batch.map((claim) => `${claimRow(claim)}\n`));
    rows += batch.length;
  }
  if (rows === 0)
    yield `${header.counts.total === 0 && isUnfiltered(header) ? '_This document has no claims._' : '_No claims match this filter._'}\n`;
}

// Only a web address becomes a link. Imports once stored other schemes (`javascript:`, `data:`); such a value is
// shown as text, which no Markdown renderer turns into a link.
function sourceLink(url: string): string {
  return /^https?:\/\//i.test(url) ? `<${url.replace(/[<>\s]/g, encodeURIComponent)}>` : markdownInline(url);
}

function documentPart(header: ReviewHeader): string {
  const { document, counts } = header;
  const facts = [
    document.sourceUrl && `Source: ${sourceLink(document.sourceUrl)}`,
    document.author && `Author: ${markdownInline(document.author)}`,
    document.publishedOn && `Published: ${document.publishedOn}`,
    versionWords(document),
    `Review mode: ${document.reviewMode === 'BLIND' ? 'blind' : 'open'}`,
    `Consensus rule: ${consensusRuleWords(header.reviewersRequired).toLowerCase()}`,
    `Reviewers: ${header.reviewers.map((r) => markdownInline(r.name)).join(', ') || 'none yet'}`,
    `Review period: ${reviewPeriod(header.reviewPeriod)}`,
    `Reviewed by: ${markdownInline(header.organisation.name)}${header.organisation.url ? ` <${header.organisation.url}>` : ''}`,
    `Claims shown: ${filterText(header)}`,
    `Exported: ${header.exportedAt.slice(0, 16).replace('T', ' ')} UTC`,
  ].filter(Boolean);
  const levels = [...EVIDENCE_LEVELS, 'UNSET'] as const;
  return [
    `# Review summary: ${markdownInline(document.title)}`,
    '',
    facts.join('  \n'),
    '',
    '## Counts by verdict',
    '',
    '| Verdict | Claims |',
    '| --- | ---: |',
    ...CLAIM_STATUSES.map((s) => `| ${STATUS_WORDS[s]} | ${counts[s]} |`),
    `| **Total** | **${counts.total}** |`,
    '',
    '## Verdict by evidence level',
    '',
    `| Verdict | ${levels.map((l) => CHART_LEVEL_LABEL[l]).join(' | ')} |`,
    `| --- |${' ---: |'.repeat(levels.length)}`,
    ...VERDICTS.map((v) => `| ${VERDICT_LABEL[v]} | ${levels.map((l) => header.chart[v][l]).join(' | ')} |`),
    '',
    '## Agreement',
    '',
    `Over all ${header.agreement.claimsAssessed} assessed claims of the document.`,
    '',
    ...describeAgreement(header.agreement).map(
      (f) =>
        `- ${f.measure}: ${f.value === null ? f.detail : `${f.statistic} ${f.value}, ${f.label.toLowerCase()} agreement; ${f.detail}`}`,
    ),
    '',
    '',
  ].join('\n');
}

/**
 * "Changes since version n", for a document past its first version: the counts, then the changed claims (the
 * quote as assessed → the new one), the orphaned ones with their consensus as it was, and the new ones.
 */
function versionChangesPart(header: ReviewHeader): string {
  const { changes } = header.document;
  const list = header.changeList;
  if (!changes || !list) return '';
  const counts = versionChangeCounts(changes);
  const items = <T>(rows: T[], empty: string, line: (row: T) => string) =>
    rows.length === 0 ? [`_${empty}_`] : rows.map((row) => `- ${line(row)}`);
  return [
    `## ${versionChangesTitle(changes)}`,
    '',
    `| ${counts.map((c) => c.label).join(' | ')} |`,
    `|${' ---: |'.repeat(counts.length)}`,
    `| ${counts.map((c) => c.count).join(' | ')} |`,
    '',
    '### Changed claims',
    '',
    ...items(
      list.changed,
      NO_CHANGE_WORDS.changed,
      (c) => `Claim ${c.number}: “${markdownInline(c.before)}” → “${markdownInline(c.after)}”`,
    ),
    '',
    '### Orphaned claims',
    '',
    ...items(
      list.orphaned,
      NO_CHANGE_WORDS.orphaned,
      (c) =>
        `Claim ${c.number}: “${markdownInline(c.quote)}” (consensus as it was: ${orphanConsensusWords(c)})`,
    ),
    '',
    '### New claims',
    '',
    ...items(list.added, NO_CHANGE_WORDS.added, (c) => `Claim ${c.number}: “${markdownInline(c.quote)}”`),
    '',
    '',
  ].join('\n');
}

function claimRow(claim: ReviewClaimRow): string {
  const cells = [
    String(claim.number),
    markdownCell(claim.section),
    markdownCell(claim.text) + (claim.citesStudy ? ' *(cites a study)*' : ''),
    verdictCell(claim),
    evidenceLevelCell(claim.status, claim.consensus.evidenceLevel),
    claim.certainty ? CERTAINTY_LABEL[claim.certainty] : '',
    claim.downgradeReasons.map((d) => GRADE_DOMAIN_LABEL[d]).join(', '),
    markdownCell(claim.rationale ?? ''),
    claim.citations.map(citationCell).join('<br>'),
    String(claim.openComments),
  ];
  return `| ${cells.join(' | ')} |`;
}

// A citation as its link; a looked-up source also as a reference, escaped as reviewers' text is, since it came
// from PubMed or Crossref.
function citationCell(citation: ReviewClaimRow['citations'][number]): string {
  const link = `<${citation.url.replace(/[<>\s|]/g, encodeURIComponent)}>`;
  const reference = citationReference(citation);
  return reference ? `${markdownCell(reference)} ${link}` : link;
}

// A conflict has no verdict of its own, so each reviewer's is listed under it, as on the summary page and in
// the PDF; their reasons are in the rationale cell.
function verdictCell(claim: ReviewClaimRow): string {
  const status = claimStatusWords(claim);
  if (claim.status === 'CONFLICT')
    return [status, ...reviewerVerdicts(claim.assessments).map(markdownCell)].join('<br>');
  return claim.consensus.adjudicated ? `${status} (adjudicated)` : status;
}

function reviewPeriod(period: ReviewHeader['reviewPeriod']): string {
  if (!period.first || !period.last) return 'no assessments yet';
  const [first, last] = [period.first.slice(0, 10), period.last.slice(0, 10)];
  return first === last ? first : `${first} to ${last}`;
}

function filterText(header: ReviewHeader): string {
  const parts = [
    header.filter.only === 'conflicts' && 'only claims in conflict',
    header.filter.only === 'unsupported' && 'only unsupported claims',
    header.filter.sectionId &&
      `only the section "${markdownInline(sectionLabel(header.sections, header.filter.sectionId) ?? '')}"`,
  ].filter(Boolean);
  return parts.length === 0 ? 'all' : parts.join('; ');
}

function isUnfiltered(header: ReviewHeader): boolean {
  return header.filter.only === null && header.filter.sectionId === null;
}

// Reviewer-typed text in Markdown: the characters that start Markdown or HTML markup are escaped, so the text
// reads as typed and cannot inject links, tables or tags. Other punctuation stays readable in the raw file.
const MARKUP = /([\\`*_[\]|<>#])/g;

/** Text on one line, e.g. in a heading or list item. */
function markdownInline(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(MARKUP, '\\$1')
    .trim();
}

/**
 * Text in a table cell. A `|` would end the cell and a line break the row, so pipes are escaped and line breaks
 * become <br>, which GitHub, GitLab and pandoc render inside cells.
 */
function markdownCell(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim().replace(MARKUP, '\\$1'))
    .join('<br>')
    .replace(/^(<br>)+|(<br>)+$/g, '');
}
