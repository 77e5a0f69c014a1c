import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/prisma';
import { loadReviewHeader } from '@/lib/exports/load-review-header';
import { markdownExport } from '@/lib/exports/markdown-export';
import { drawPdfExport } from '@/lib/exports/pdf-export';
import { reviewClaimBatches } from '@/lib/exports/review-claim-batches';
import { getDocumentVersion } from '@/lib/versions/get-document-version';
import { importNewVersion } from '@/lib/versions/import-new-version';
import { listDocumentVersions } from '@/lib/versions/list-document-versions';
import { assess } from '@/tests/support/assess';
import { createDocument, createUser } from '@/tests/support/fixtures';

// Issue 22: the old version stays readable with its review as it was, and the Markdown and the PDF say what
// changed since it.

const APP_URL = 'http://localhost:3000';
const NO_FILTER = { only: null, sectionId: null } as const;
const UNKNOWN = '00000000-0000-7000-8000-000000000000';

const TITLE = 'Supplements and the heart';
const KEPT = 'Omega-3 supplements reduce triglycerides in most adults within eight weeks.';
const REWORDED = 'Vitamin D lowers the risk of falls in older adults by a fifth.';
const REWORDING = 'Vitamin D lowers the risk of falls in older adults by a quarter.';
const DELETED = 'Green tea extract causes weight loss of <b>several</b> kilograms a year.';
const ADDED = 'Magnesium improves sleep quality in people with insomnia | [link](x).';

let documentId: string;
let ids: Record<'kept' | 'reworded' | 'deleted', string>;
let admin: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  admin = await createUser('ADMIN');
  const reviewer = await createUser('REVIEWER');
  const document = await createDocument([TITLE, KEPT, REWORDED, DELETED].join('\n\n'));
  documentId = document.id;
  const find = (quote: string) => {
    const claim = document.claims.find((c) => c.quote === quote);
    if (!claim) throw new Error(`No claim “${quote}”`);
    return claim.id;
  };
  ids = { kept: find(KEPT), reworded: find(REWORDED), deleted: find(DELETED) };
  await assess({
    claimId: ids.kept,
    reviewerId: reviewer.id,
    verdict: 'SUPPORTED',
    evidenceLevel: 'LEVEL_1',
  });
  await assess({
    claimId: ids.reworded,
    reviewerId: reviewer.id,
    verdict: 'SPECULATIVE',
    evidenceLevel: 'LEVEL_2',
  });
  await assess({
    claimId: ids.deleted,
    reviewerId: reviewer.id,
    verdict: 'UNSUPPORTED',
    evidenceLevel: 'NONE',
  });
  await prisma.citation.create({
    data: {
      claimId: ids.kept,
      kind: 'PMID',
      identifier: '12345678',
      relation: 'SUPPORTS',
      createdById: reviewer.id,
    },
  });
  await prisma.comment.create({
    data: { claimId: ids.deleted, authorId: reviewer.id, body: 'Which trial?' },
  });

  const counts = await importNewVersion({
    documentId,
    text: [TITLE, KEPT, REWORDING, ADDED].join('\n\n'),
    format: 'TEXT',
    actorId: admin.id,
    appUrl: APP_URL,
  });
  expect(counts).toMatchObject({ version: 2, changed: 1, orphaned: 1, added: 1 });
});

describe('getDocumentVersion', () => {
  it('reads version 1 as it was: its text, who superseded it, and each claim with its review then', async () => {
    const view = await getDocumentVersion({ documentId, number: '1', reader: { role: 'VIEWER' } });
    expect(view.document).toMatchObject({ id: documentId, textVersion: 2 });
    expect(view.version).toMatchObject({ number: 1, title: TITLE, supersededBy: admin.name });
    expect(view.version.body).toContain(DELETED);
    expect(view.version.body).not.toContain(ADDED);
    expect(view.reviewState).toBe('shown');

    const claims = new Map(view.review?.claims.map((c) => [c.quote, c]));
    expect(claims.get(KEPT)).toMatchObject({
      status: 'SUPPORTED',
      consensus: { verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_1' },
      citations: [{ kind: 'PMID', identifier: '12345678' }],
    });
    // The reworded claim as it was assessed, not back in review as it is now.
    expect(claims.get(REWORDED)).toMatchObject({ status: 'SPECULATIVE' });
    expect(claims.get(DELETED)).toMatchObject({ status: 'UNSUPPORTED', comments: 1, openComments: 1 });
    // Every highlight sits on its quote in the old text.
    for (const claim of view.claims) {
      const frozen = view.review?.claims.find((c) => c.number === claim.number);
      expect(view.version.body.slice(claim.start, claim.end)).toBe(frozen?.quote);
      expect(claim.status).toBe(frozen?.status);
    }
  });

  it('keeps the frozen review from a reviewer while the document is under blind review, and shows the text', async () => {
    await prisma.document.update({ where: { id: documentId }, data: { reviewMode: 'BLIND' } });
    try {
      const reviewer = await getDocumentVersion({ documentId, number: '1', reader: { role: 'REVIEWER' } });
      expect(reviewer.reviewState).toBe('closed');
      expect(reviewer.review).toBeNull();
      expect(reviewer.claims.length).toBeGreaterThanOrEqual(3);
      expect(reviewer.claims.every((c) => c.status === null)).toBe(true);
      expect(JSON.stringify(reviewer)).not.toMatch(/SUPPORTED|SPECULATIVE/);
      // A lead, and a viewer who judges nothing, still read it.
      for (const role of ['ADMIN', 'VIEWER'] as const) {
        expect((await getDocumentVersion({ documentId, number: '1', reader: { role } })).reviewState).toBe(
          'shown',
        );
      }
    } finally {
      await prisma.document.update({ where: { id: documentId }, data: { reviewMode: 'OPEN' } });
    }
  });

  it('answers not found for a version the document never had, the current one, a malformed number and an unknown document', async () => {
    const reader = { role: 'ADMIN' } as const;
    for (const number of ['2', '3', '0', '-1', '1.5', 'abc', '01', '99999999999']) {
      await expect(getDocumentVersion({ documentId, number, reader }), number).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    await expect(getDocumentVersion({ documentId: UNKNOWN, number: '1', reader })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'The document was not found.',
    });
    await expect(getDocumentVersion({ documentId: 'nope', number: '1', reader })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('listDocumentVersions', () => {
  it('lists the earlier versions newest first with their claim counts', async () => {
    const list = await listDocumentVersions({ documentId });
    expect(list.document).toMatchObject({ id: documentId, textVersion: 2 });
    expect(list.versions).toEqual([
      {
        number: 1,
        title: TITLE,
        supersededAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        supersededBy: admin.name,
        claims: 3,
      },
    ]);
    const fresh = await createDocument();
    expect((await listDocumentVersions({ documentId: fresh.id })).versions).toEqual([]);
    await expect(listDocumentVersions({ documentId: UNKNOWN })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the changes since version 1 in the exports', () => {
  async function header() {
    return loadReviewHeader({
      documentId,
      reader: { role: 'ADMIN' },
      filter: NO_FILTER,
      appUrl: APP_URL,
      exportedAt: new Date(),
    });
  }

  it('names the changed, orphaned (with their consensus then) and new claims beside the counts', async () => {
    const loaded = await header();
    expect(loaded.document.changes).toMatchObject({ since: 1, changed: 1, orphaned: 1, added: 1 });
    const numbers = await prisma.claim.findMany({
      where: { documentId },
      select: { id: true, number: true, quote: true },
    });
    const numberOf = (id: string) => numbers.find((c) => c.id === id)?.number;
    expect(loaded.changeList).toEqual({
      changed: [{ number: numberOf(ids.reworded), before: REWORDED, after: REWORDING }],
      orphaned: [
        { number: numberOf(ids.deleted), quote: DELETED, verdict: 'UNSUPPORTED', evidenceLevel: 'NONE' },
      ],
      added: [{ number: Math.max(...numbers.map((c) => c.number)), quote: ADDED }],
    });
    const version1 = await createDocument();
    const first = await loadReviewHeader({
      documentId: version1.id,
      reader: { role: 'ADMIN' },
      filter: NO_FILTER,
      appUrl: APP_URL,
      exportedAt: new Date(),
    });
    expect(first.changeList).toBeNull();
  });

  it('writes the section into the Markdown, user text escaped', async () => {
    const loaded = await header();
    let md = '';
    for await (const part of markdownExport(
      loaded,
      reviewClaimBatches({ documentId, filter: NO_FILTER, appUrl: APP_URL }),
    )) {
      md += part;
    }
    const section = md.slice(md.indexOf('## Changes since version 1'), md.indexOf('## Claims'));
    expect(section).toContain('| 1 | 0 | 1 | 1 | 1 |');
    expect(section).toContain(`“${REWORDED}” → “${REWORDING}”`);
    expect(section).toContain(
      '“Green tea extract causes weight loss of \\<b\\>several\\</b\\> kilograms a year.” (consensus as it was: Unsupported, No evidence)',
    );
    expect(section).toContain(
      '“Magnesium improves sleep quality in people with insomnia \\| \\[link\\](x).”',
    );
  });

  it('draws the section into the PDF', async () => {
    const loaded = await header();
    const chunks: Uint8Array[] = [];
    for await (const chunk of drawPdfExport(
      loaded,
      reviewClaimBatches({ documentId, filter: NO_FILTER, appUrl: APP_URL }),
    )) {
      chunks.push(chunk);
    }
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.concat(chunks))), {
      mergePages: true,
    });
    const squashed = text.replace(/\s+/g, '');
    for (const expected of ['Changes since version 1', 'Orphaned claims', DELETED, REWORDING]) {
      expect(squashed, expected).toContain(expected.replace(/\s+/g, ''));
    }
  });
});
