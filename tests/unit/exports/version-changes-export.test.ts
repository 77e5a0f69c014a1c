import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { jsonExport } from '@/lib/exports/json-exports';
import { markdownExport } from '@/lib/exports/markdown-export';
import { drawPdfExport } from '@/lib/exports/pdf-export';
import type { ReviewClaimRow, ReviewHeader } from '@/lib/exports/review-types';
import { orphanConsensusWords } from '@/lib/exports/version-change-words';
import { collectText, inBatches, reviewHeader, sampleRows } from './review-fixture';

// "Changes since version n" in the Markdown and the PDF: the counts and the claims behind them, user text escaped.

function secondVersion(rows: ReviewClaimRow[]): ReviewHeader {
  const base = reviewHeader(rows);
  return {
    ...base,
    document: {
      ...base.document,
      version: 2,
      changes: { since: 1, kept: 2, moved: 1, changed: 1, orphaned: 1, added: 1 },
    },
    changeList: {
      changed: [{ number: 2, before: 'Effects on the κ receptor', after: 'Effects on the μ receptor | <b>' }],
      orphaned: [
        {
          number: 7,
          quote: 'A *deleted* [claim](javascript:x) # here',
          verdict: 'SUPPORTED',
          evidenceLevel: 'LEVEL_2',
        },
      ],
      added: [{ number: 9, quote: '<script>alert(1)</script> is new' }],
    },
  };
}

async function markdownOf(header: ReviewHeader, rows: ReviewClaimRow[]) {
  return (await collectText(markdownExport(header, inBatches(rows)))).text;
}

describe('the changes since the version before', () => {
  it('has a Markdown section before the claims with the counts and each list, markup escaped', async () => {
    const rows = sampleRows();
    const md = await markdownOf(secondVersion(rows), rows);
    const section = md.slice(md.indexOf('## Changes since version 1'), md.indexOf('## Claims'));
    expect(md.indexOf('## Agreement')).toBeLessThan(md.indexOf('## Changes since version 1'));
    expect(section).toContain(
      '| Kept | Moved | Changed | Orphaned | Added |\n| ---: | ---: | ---: | ---: | ---: |\n| 2 | 1 | 1 | 1 | 1 |',
    );
    expect(section).toContain(
      '- Claim 2: “Effects on the κ receptor” → “Effects on the μ receptor \\| \\<b\\>”',
    );
    expect(section).toContain(
      '- Claim 7: “A \\*deleted\\* \\[claim\\](javascript:x) \\# here” (consensus as it was: Supported, CEBM 2)',
    );
    expect(section).toContain('- Claim 9: “\\<script\\>alert(1)\\</script\\> is new”');
    expect(section).not.toContain('<script>');
    // The claims table follows unchanged.
    expect(md).toMatch(/## Claims\n\n\| # \| Section/);
  });

  it('says so when a list is empty, and has no section at all for version 1', async () => {
    const rows = sampleRows();
    const header = secondVersion(rows);
    const md = await markdownOf({ ...header, changeList: { changed: [], orphaned: [], added: [] } }, rows);
    expect(md).toContain('_No claim’s words changed._');
    expect(md).toContain('_Every claim was found in the new text._');
    expect(md).toContain('_No new claims._');
    expect(await markdownOf(reviewHeader(rows), rows)).not.toContain('Changes since');
  });

  it('prints the section in the PDF, after the agreement and before the claims table', async () => {
    const rows = sampleRows();
    const chunks: Uint8Array[] = [];
    for await (const chunk of drawPdfExport(secondVersion(rows), inBatches(rows))) chunks.push(chunk);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.concat(chunks))), {
      mergePages: true,
    });
    const all = text.replace(/\s+/g, '');
    const at = (s: string) => all.indexOf(s.replace(/\s+/g, ''));
    expect(at('Changes since version 1')).toBeGreaterThan(at('Agreement between reviewers'));
    expect(at('Changes since version 1')).toBeLessThan(at('Claims (4)'));
    for (const expected of [
      'Claim 2',
      '“Effects on the κ receptor” → “Effects on the μ receptor | <b>”',
      '(consensus as it was: Supported, CEBM 2)',
      '“<script>alert(1)</script> is new”',
    ]) {
      expect(at(expected), expected).toBeGreaterThan(0);
    }
  });

  it('sends a long list on in pieces as it is drawn, every claim in it', async () => {
    const rows = sampleRows();
    const base = secondVersion(rows);
    const added = Array.from({ length: 450 }, (_, i) => ({ number: 10 + i, quote: `New claim ${10 + i}.` }));
    const header = { ...base, changeList: { changed: [], orphaned: [], added } };
    const chunks: Uint8Array[] = [];
    for await (const chunk of drawPdfExport(header, inBatches([]))) chunks.push(chunk);
    // The summary's pages, then one piece per hundred claims listed, then the rest.
    expect(chunks.length).toBeGreaterThanOrEqual(5);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.concat(chunks))), {
      mergePages: true,
    });
    const all = text.replace(/\s+/g, '');
    expect(all).toContain('Claim459“Newclaim459.”');
    expect(all).toContain('Claim10“Newclaim10.”');
  });

  it('leaves the list out of the JSON export, whose schema is closed', async () => {
    const rows = sampleRows();
    const json = JSON.parse((await collectText(jsonExport(secondVersion(rows), inBatches(rows)))).text);
    expect(json).not.toHaveProperty('changeList');
    expect(json.document.changes).toMatchObject({ since: 1, orphaned: 1 });
  });

  it('words an orphan’s consensus as it was', () => {
    expect(orphanConsensusWords({ verdict: 'SPECULATIVE', evidenceLevel: null })).toBe('Speculative');
    expect(orphanConsensusWords({ verdict: null, evidenceLevel: null })).toBe('no consensus');
  });
});
