import { describe, expect, it } from 'vitest';
import { markdownExport } from '@/lib/exports/markdown-export';
import type { ReviewClaimRow } from '@/lib/exports/review-types';
import { collectText, inBatches, reviewHeader, reviewRow, sampleRows } from './review-fixture';

async function markdownOf(rows = sampleRows(), header = reviewHeader(rows)) {
  return (await collectText(markdownExport(header, inBatches(rows)))).text;
}

/** The cells of a Markdown table row, split on unescaped pipes. */
function cells(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

describe('markdownExport', () => {
  it('writes the header, counts, chart and agreement before the claims', async () => {
    const md = await markdownOf();
    expect(md).toMatch(/^# Review summary: Low-dose naltrexone and depression\n/);
    expect(md).toContain(
      'Source: <https://news.example.com/ldn>  \nAuthor: Dr Jane Doe  \nPublished: 2023-03-29',
    );
    expect(md).toContain('Reviewers: Ana Reviewer, Ben Reviewer');
    expect(md).toContain('Review period: 2026-11-20 to 2026-11-21');
    expect(md).toContain('Review mode: open');
    expect(md).toContain('| In conflict | 1 |');
    expect(md).toContain('| **Total** | **4** |');
    expect(md).toContain('| Supported | 0 | 1 | 0 | 0 | 0 | 0 | 0 |');
    expect(md).toMatch(/- Verdict: .*2 reviewers/);
    expect(md.indexOf('## Agreement')).toBeLessThan(md.indexOf('## Claims'));
  });

  it('links a web address only: a stored javascript: or data: source is text', async () => {
    const rows = sampleRows();
    for (const sourceUrl of ['javascript:alert(1)', 'data:text/html,<script>x</script>']) {
      const base = reviewHeader(rows);
      const md = await markdownOf(rows, { ...base, document: { ...base.document, sourceUrl } });
      const line = md.split('\n').find((l) => l.startsWith('Source:'));
      expect(line).not.toMatch(/<(javascript|data):/);
      expect(line).toMatch(/^Source: (javascript|data):/);
    }
  });

  it('writes one table row per claim in document order, with its summary', async () => {
    const md = await markdownOf();
    const rows = md.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows).toHaveLength(4);
    expect(cells(rows[0] ?? '')).toEqual([
      '1',
      'Low-dose naltrexone and depression',
      'LDN raises “endorphin” levels — by some 20–30 % in one small study.',
      'Supported',
      'CEBM 2',
      'Moderate',
      'Imprecision',
      'Ana Reviewer: A small randomised trial shows it.',
      '<https://pubmed.ncbi.nlm.nih.gov/12345678/>',
      '0',
    ]);
    expect(cells(rows[2] ?? '')).toMatchObject({
      3: 'In conflict<br>Ana Reviewer: Supported<br>Ben Reviewer: Unsupported',
      9: '1',
    });
  });

  it("shows each reviewer's verdict and rationale on a claim in conflict, escaped", async () => {
    const [, , conflict] = sampleRows();
    const row = {
      ...(conflict as ReviewClaimRow),
      rationale: 'Ana Reviewer: One trial | open label.\nBen Reviewer: <b>No</b> control group.',
    };
    row.assessments = row.assessments.map((a) => ({ ...a, reviewer: a.reviewer.replace('Ben', '*Ben*') }));
    const header = reviewHeader([row], { filter: { only: 'conflicts', sectionId: null } });
    const md = await markdownOf([row], header);
    const line = md.split('\n').find((l) => l.startsWith('| 3 |')) ?? '';
    expect(cells(line)[3]).toBe('In conflict<br>Ana Reviewer: Supported<br>\\*Ben\\* Reviewer: Unsupported');
    expect(cells(line)[7]).toBe(
      'Ana Reviewer: One trial \\| open label.<br>Ben Reviewer: \\<b\\>No\\</b\\> control group.',
    );
  });

  it('keeps pipes and line breaks that reviewers typed inside their cell', async () => {
    const row = reviewRow(1, 'LDN cures', {
      text: 'A | B\nC',
      rationale: 'Ana: one | two\r\nBen: <b>*three*</b>',
      section: '# Heading',
    });
    const md = await markdownOf([row]);
    const line = md.split('\n').find((l) => l.startsWith('| 1 |')) ?? '';
    expect(cells(line)).toHaveLength(10);
    expect(cells(line)[1]).toBe('\\# Heading');
    expect(cells(line)[2]).toBe('A \\| B<br>C');
    expect(cells(line)[7]).toBe('Ana: one \\| two<br>Ben: \\<b\\>\\*three\\*\\</b\\>');
    expect(md).not.toMatch(/(^|[^\\])<b>/);
  });

  it('says of a claim that cites a study that it does, in its text cell', async () => {
    const md = await markdownOf([
      reviewRow(1, 'LDN raises', { citesStudy: true }),
      reviewRow(2, 'LDN cures'),
    ]);
    const line = (n: number) => md.split('\n').find((l) => l.startsWith(`| ${n} |`)) ?? '';
    expect(cells(line(1))[2]).toMatch(/ \*\(cites a study\)\*$/);
    expect(cells(line(2))[2]).not.toContain('cites a study');
  });

  it('says so when a document has no claims, or the filter selects none', async () => {
    expect(await markdownOf([], reviewHeader([]))).toContain('_This document has no claims._');
    const filtered = reviewHeader([], { filter: { only: 'conflicts', sectionId: null } });
    const md = await markdownOf([], filtered);
    expect(md).toContain('_No claims match this filter._');
    expect(md).toContain('Claims shown: only claims in conflict');
  });
});
