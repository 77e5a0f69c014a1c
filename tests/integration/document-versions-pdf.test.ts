import { beforeAll, describe, expect, it } from 'vitest';
import { POST as versionRoute } from '@/app/api/documents/[id]/versions/route';
import { prisma } from '@/lib/db/prisma';
import { readInWorker } from '@/lib/imports/extract-in-worker';
import { assess } from '@/tests/support/assess';
import { createDocument } from '@/tests/support/fixtures';
import { makePdf, makeScannedPdf } from '@/tests/support/make-pdf';
import { signedIn } from '@/tests/support/signed-in';

// A PDF as a new version (issue 22): its text is read in the import worker, as an import's is, then re-anchored.

const FIRST = [
  'Low-dose naltrexone eased pain in a small trial.',
  'Sleep improved in most patients.',
  'Side effects were mild.',
].join(' ');
const SECOND = [
  'Low-dose naltrexone eased pain in a small trial.',
  'Sleep improved in nearly all of the patients.',
  'Side effects were mild.',
  'A larger trial is planned for next year.',
].join(' ');

const send = (documentId: string, cookie: string, file: File) => {
  const form = new FormData();
  form.set('file', file);
  return versionRoute(
    new Request(`http://localhost:3000/api/documents/${documentId}/versions`, {
      method: 'POST',
      headers: { cookie },
      body: form,
    }),
    { params: Promise.resolve({ id: documentId }) },
  );
};
const pdfFile = (bytes: Uint8Array, name = 'trial-v2.pdf') =>
  new File([new Uint8Array(bytes)], name, { type: 'application/pdf' });

let reviewer: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  reviewer = await signedIn('REVIEWER');
});

describe('a PDF as a new version', () => {
  it('reads the PDF in the import worker, re-anchors the claims, and keeps the file to download', async () => {
    const document = await createDocument(`A small trial\n\n${FIRST}\n`);
    const pain = document.claims.find((c) => c.quote.startsWith('Low-dose'));
    if (!pain) throw new Error('No claim on pain');
    await assess({
      claimId: pain.id,
      reviewerId: reviewer.user.id,
      verdict: 'SUPPORTED',
      evidenceLevel: 'LEVEL_2',
    });

    const pdf = new Uint8Array(await makePdf({ columns: 2, title: 'A PDF trial', text: SECOND }));
    const response = await send(document.id, reviewer.cookie, pdfFile(pdf));
    const counts = await response.json();
    expect(response.status, JSON.stringify(counts)).toBe(201);
    expect(counts).toMatchObject({ version: 2, changed: 1, orphaned: 0, added: 1 });
    expect(counts.kept + counts.moved).toBe(2);

    const after = await prisma.document.findUniqueOrThrow({
      where: { id: document.id },
      include: { file: true },
    });
    expect(after).toMatchObject({ textVersion: 2, format: 'PDF', title: 'A PDF trial' });
    expect(after.body).toContain('A larger trial is planned for next year.');
    expect(after.file).toMatchObject({ fileName: 'trial-v2.pdf', mediaType: 'application/pdf' });
    expect(Buffer.compare(Buffer.from(after.file?.bytes ?? []), Buffer.from(pdf))).toBe(0);
    // The assessed claim carried its review over into the PDF's text.
    const carried = await prisma.claim.findUniqueOrThrow({
      where: { id: pain.id },
      include: { assessments: true },
    });
    expect(carried).toMatchObject({ deletedAt: null, consensusVerdict: 'SUPPORTED' });
    expect(carried.assessments).toHaveLength(1);
    expect(after.body.slice(carried.start, carried.end)).toBe(carried.quote);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { documentId: document.id, action: 'document.version-imported' },
    });
    expect(audit.after).toMatchObject({ format: 'PDF', version: 2 });

    // A text version after it: the PDF no longer is what the text was read from, so it is not offered.
    const text = new File([`A small trial\n\n${SECOND}\n`], 'trial-v3.txt', { type: 'text/plain' });
    const third = await send(document.id, reviewer.cookie, text);
    expect(third.status, await third.clone().text()).toBe(201);
    expect(await prisma.documentFile.count({ where: { documentId: document.id } })).toBe(0);
  });

  it('refuses a broken PDF and one without a text layer with the import’s own messages, changing nothing', async () => {
    const document = await createDocument(`A small trial\n\n${FIRST}\n`);
    const pdf = new Uint8Array(await makePdf({ columns: 1, text: SECOND }));
    const refusals = [
      [pdf.slice(0, 400), /This PDF is incomplete/],
      [new Uint8Array(await makeScannedPdf()), /no text layer; it looks scanned\. Run it through OCR/],
      [new TextEncoder().encode('not a PDF at all'), /is named as a PDF but is not one/],
    ] as const;
    for (const [bytes, message] of refusals) {
      const response = await send(document.id, reviewer.cookie, pdfFile(bytes));
      expect(response.status).toBe(422);
      expect((await response.json()).message).toMatch(message);
    }
    const after = await prisma.document.findUniqueOrThrow({
      where: { id: document.id },
      include: { file: true },
    });
    expect(after).toMatchObject({ textVersion: 1, format: 'TEXT', file: null });
    expect(await prisma.documentVersion.count({ where: { documentId: document.id } })).toBe(0);
  });

  it('reads a refused request’s body to its end, so no unread bytes stay on a keep-alive connection', async () => {
    const document = await createDocument(`A small trial\n\n${FIRST}\n`);
    const viewer = await signedIn('VIEWER');
    const pdf = new Uint8Array(await makePdf({ columns: 1, text: SECOND }));
    let sent = 0;
    let finished = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= pdf.length) {
          finished = true;
          controller.close();
          return;
        }
        controller.enqueue(pdf.subarray(sent, sent + 1024));
        sent += 1024;
      },
    });
    const response = await versionRoute(
      new Request(`http://localhost:3000/api/documents/${document.id}/versions`, {
        method: 'POST',
        headers: { cookie: viewer.cookie, 'content-type': 'multipart/form-data; boundary=x' },
        body,
        duplex: 'half',
      } as RequestInit),
      { params: Promise.resolve({ id: document.id }) },
    );
    expect(response.status).toBe(403);
    expect(finished).toBe(true);
  });

  it('reads two files sent at once one after the other in the one worker, each getting its own claims', async () => {
    const [one, two] = await Promise.all([
      makePdf({ columns: 1, text: FIRST }),
      makePdf({ columns: 1, text: SECOND }),
    ]);
    const read = await Promise.all(
      [one, two].map((bytes, i) =>
        readInWorker({ input: new Uint8Array(bytes), format: 'PDF', fileName: `${i}.pdf` }),
      ),
    );
    expect(read.map((r) => r.claims.length)).toEqual([3, 4]);
    for (const extraction of read) {
      for (const claim of extraction.claims)
        expect(extraction.body.slice(claim.start, claim.end)).toBe(claim.quote);
    }
  });
});
