import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATTERS } from '@/lib/exports/export-formatters';
import { exportInWorker } from '@/lib/exports/export-in-worker';
import { loadReviewHeader } from '@/lib/exports/load-review-header';
import { reviewClaimBatches } from '@/lib/exports/review-claim-batches';
import type { ReviewFilter, ReviewHeader } from '@/lib/exports/review-types';
import { assess } from '@/tests/support/assess';
import { createDocument, createUser } from '@/tests/support/fixtures';

const APP_URL = 'https://review.example.org';
const ALL: ReviewFilter = { only: null, sectionId: null };
const sentences = Array.from(
  { length: 120 },
  (_, i) => `Claim ${i + 1} says “LDN” lowers κ by ${i}–${i + 2} %.`,
);

let documentId: string;
let header: ReviewHeader;
const source = () => ({ documentId, filter: ALL, appUrl: APP_URL });

async function bytesOf(chunks: AsyncIterable<string | Uint8Array>) {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

beforeAll(async () => {
  const document = await createDocument(`Worker export\n\n${sentences.join(' ')}\n`);
  documentId = document.id;
  const reviewer = await createUser();
  await assess({ claimId: document.claims[0]!.id, reviewerId: reviewer.id, verdict: 'SUPPORTED' });
  header = await loadReviewHeader({
    documentId,
    reader: { role: 'VIEWER' },
    filter: ALL,
    appUrl: APP_URL,
    exportedAt: new Date(),
  });
});

describe('exportInWorker', () => {
  it.each(['md', 'csv', 'json', 'jsonld', 'annotations'] as const)(
    'writes %s byte for byte as the formatter does on this thread',
    async (format) => {
      const here = await bytesOf(EXPORT_FORMATTERS[format](header, reviewClaimBatches(source())));
      const there = await bytesOf(exportInWorker(format, header, source()));
      expect(there.length).toBeGreaterThan(500);
      expect(there.equals(here)).toBe(true);
    },
  );

  it('writes a PDF with every claim in it', async () => {
    const pdf = await bytesOf(exportInWorker('pdf', header, source()));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
  });

  it('makes room for a text export when both workers are idle PDF workers, and the other way round', async () => {
    const [first, second] = await Promise.all([
      bytesOf(exportInWorker('pdf', header, source())),
      bytesOf(exportInWorker('pdf', header, source())),
    ]);
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(second.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [csv, md] = await Promise.all([
      bytesOf(exportInWorker('csv', header, source())),
      bytesOf(exportInWorker('md', header, source())),
    ]);
    expect(csv.toString('utf8')).toContain('Claim 120 says');
    expect(md.toString('utf8')).toContain('Claim 120 says');
    const pdf = await bytesOf(exportInWorker('pdf', header, source()));
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
  });

  it('goes on exporting after a download is cancelled half-way and after the claims fail to load', async () => {
    const cancelled = exportInWorker('pdf', header, source())[Symbol.asyncIterator]();
    expect((await cancelled.next()).done).toBe(false);
    await cancelled.return?.(undefined);

    // The header was read, then the document went away: the worker's own read fails, and says why.
    const gone = { ...source(), documentId: '00000000-0000-7000-8000-000000000000' };
    await expect(bytesOf(exportInWorker('csv', header, gone))).rejects.toThrow(
      /^The csv export could not be written: .*not found/i,
    );

    const csv = (await bytesOf(exportInWorker('csv', header, source()))).toString('utf8');
    expect(csv).toContain('Claim 120 says “LDN” lowers κ by 119–121 %.');
  });
});
