import { beforeAll, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/api/documents/route';
import { GET } from '@/app/api/imports/[id]/route';
import { prisma } from '@/lib/db/prisma';
import { extractImport } from '@/lib/documents/import-input';
import { enqueueImport } from '@/lib/imports/enqueue-import';
import { failImportJob } from '@/lib/imports/fail-import-job';
import { wakeImportRunner } from '@/lib/imports/import-runner';
import { CLAIMS_PER_BATCH, claimsOf, writeDocument } from '@/lib/imports/write-document';
import { fixtureProject } from '@/tests/support/fixtures';
import { importedDocumentId } from '@/tests/support/imported-document';
import { makePdf, makeScannedPdf } from '@/tests/support/make-pdf';
import { signedIn } from '@/tests/support/signed-in';

// Imports run as jobs (ADR 0016): written in batches with the document hidden until the last, removed on
// failure, refused before any write when too large, and picked up again when the instance running them died.
let reviewer: Awaited<ReturnType<typeof signedIn>>;
let projectId: string;

beforeAll(async () => {
  reviewer = await signedIn('REVIEWER');
  projectId = await fixtureProject();
});

const importJson = (body: Record<string, unknown>, cookie = reviewer.cookie) =>
  POST(
    new Request('http://localhost:3000/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    }),
  );

const jobOf = (id: string, cookie: string) =>
  GET(new Request(`http://localhost:3000/api/imports/${id}`, { headers: { cookie } }), {
    params: Promise.resolve({ id }),
  });

/** An article of `n` one-sentence claims under one heading. */
const article = (title: string, n: number) =>
  `${title}\n\nResults\n\n${Array.from({ length: n }, (_, i) => `Dose ${i + 1} lowered pain by ${i % 50} points.`).join(' ')}\n`;

const extracted = (text: string) => {
  const result = extractImport({ text, format: 'TEXT' });
  if (!result.ok) throw new Error(result.error);
  return result.extraction;
};

const fields = (title: string, actorId: string) => ({
  title,
  sourceUrl: null,
  author: null,
  publishedOn: null,
  importFormat: 'TEXT' as const,
  actorId,
  projectId,
});

describe('import jobs', () => {
  it('writes claims in batches, numbered in order, with the document hidden until the last batch', async () => {
    const title = `Batched ${Date.now()}`;
    const extraction = extracted(article(title, CLAIMS_PER_BATCH * 2 + 10));
    const seenWhileSaving: number[] = [];
    const { id, claims } = await writeDocument({
      extraction,
      claims: claimsOf(extraction),
      fields: fields(title, reviewer.user.id),
      job: {
        started: async () => {},
        saved: async () => {
          seenWhileSaving.push(await prisma.document.count({ where: { title, deletedAt: null } }));
        },
        finished: async () => {},
      },
    });
    expect(claims).toBe(CLAIMS_PER_BATCH * 2 + 10);
    expect(seenWhileSaving).toEqual([0, 0, 0]);
    expect(await prisma.document.count({ where: { id, deletedAt: null } })).toBe(1);
    const stored = await prisma.claim.findMany({
      where: { documentId: id },
      orderBy: { number: 'asc' },
      select: { number: true, quote: true, start: true, sectionId: true },
    });
    expect(stored.map((c) => c.number)).toEqual(stored.map((_, i) => i + 1));
    expect(stored.map((c) => c.quote)).toEqual(extraction.claims.map((c) => c.quote));
    expect(stored.every((c) => c.sectionId)).toBe(true);
  });

  it('leaves nothing behind when an import fails part-way', async () => {
    const title = `Fails part-way ${Date.now()}`;
    const { jobId } = await enqueueImport({
      fileName: 'fails.txt',
      format: 'TEXT',
      input: article(title, 10),
      fields: {},
      actorId: reviewer.user.id,
      projectId,
    });
    const extraction = extracted(article(title, CLAIMS_PER_BATCH * 3));
    const failure = writeDocument({
      extraction,
      claims: claimsOf(extraction),
      fields: fields(title, reviewer.user.id),
      job: {
        started: async (tx, documentId) => {
          await tx.importJob.update({ where: { id: jobId }, data: { documentId } });
        },
        saved: async (done) => {
          if (done > CLAIMS_PER_BATCH) throw new Error('The database went away');
        },
        finished: async () => {},
      },
    });
    await expect(failure).rejects.toThrow('The database went away');
    const { documentId } = await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(await prisma.claim.count({ where: { documentId: documentId as string } })).toBe(
      CLAIMS_PER_BATCH * 2,
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    await failImportJob({ jobId, error: new Error('The database went away') });
    // Logged for the administrator; the person who imported reads a message without the details.
    expect(logged).toHaveBeenCalledWith(`Import ${jobId} failed:`, expect.any(Error));
    expect(await prisma.document.count({ where: { title } })).toBe(0);
    expect(await prisma.claim.count({ where: { documentId: documentId as string } })).toBe(0);
    const job = await (await jobOf(jobId, reviewer.cookie)).json();
    expect(job).toMatchObject({ status: 'failed', documentId: null });
    expect(job.error).toMatch(/error on the server\. Try again/);
  });

  it('refuses a text of more than 20,000 claims before writing anything, and says so', async () => {
    const before = await prisma.document.count();
    const response = await importJson({ format: 'TEXT', title: 'Doses', text: '1.2 mg. '.repeat(240_000) });
    // Refused within the request's wait, or by its job when the import worker was still starting.
    let message: string;
    if (response.status === 202) {
      const { jobId } = await response.json();
      await expect
        .poll(async () => (await (await jobOf(jobId, reviewer.cookie)).json()).status, { timeout: 30_000 })
        .toBe('failed');
      message = (await (await jobOf(jobId, reviewer.cookie)).json()).error;
    } else {
      expect(response.status).toBe(422);
      message = (await response.json()).message;
    }
    expect(message).toMatch(/more than 20,000 claims.*Split it/);
    expect(await prisma.document.count()).toBe(before);
  });

  it('picks up a job whose instance went away, and removes what that instance had written', async () => {
    const title = `Left behind ${Date.now()}`;
    const { jobId } = await enqueueImport({
      fileName: 'left.txt',
      format: 'TEXT',
      input: article(title, 12),
      fields: {},
      actorId: reviewer.user.id,
      projectId,
    });
    const partial = await prisma.document.create({
      data: { slug: `partial-${jobId}`, title, body: 'Half', deletedAt: new Date(), projectId },
    });
    await prisma.importJob.update({
      where: { id: jobId },
      data: {
        status: 'RUNNING',
        attempts: 1,
        documentId: partial.id,
        heartbeatAt: new Date(Date.now() - 5 * 60_000),
      },
    });
    wakeImportRunner();
    await expect
      .poll(async () => (await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } })).status, {
        timeout: 30_000,
      })
      .toBe('DONE');
    const job = await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ attempts: 2, claims: 12, input: new Uint8Array() });
    expect(await prisma.document.count({ where: { id: partial.id } })).toBe(0);
    expect(await prisma.document.count({ where: { id: job.documentId as string, deletedAt: null } })).toBe(1);
  });

  it('shows a job only to the person who started it (and admins); for anyone else it does not exist', async () => {
    const response = await importJson({ format: 'TEXT', title: 'Mine', text: article('Mine', 3) });
    await importedDocumentId(response.clone(), reviewer.cookie);
    const [job] = await prisma.importJob.findMany({
      where: { createdById: reviewer.user.id, fileName: 'Mine' },
      select: { id: true },
    });
    const jobId = job?.id as string;
    const other = await signedIn('REVIEWER');
    expect((await jobOf(jobId, other.cookie)).status).toBe(404);
    const admin = await signedIn('ADMIN');
    expect((await jobOf(jobId, admin.cookie)).status).toBe(200);
    expect((await jobOf('not-a-uuid', reviewer.cookie)).status).toBe(422);
    const viewer = await signedIn('VIEWER');
    expect((await jobOf(jobId, viewer.cookie)).status).toBe(404);
  });

  it('imports a PDF in a job, keeps the file, and refuses a cut-short, a scanned and a locked one, each with its own message', async () => {
    const text =
      'Low-dose naltrexone eased pain in a small trial. Sleep improved in most patients. Side effects were mild.';
    const pdf = new Uint8Array(await makePdf({ columns: 2, title: 'A PDF trial', text }));
    const runJob = async (input: Uint8Array) => {
      const { jobId } = await enqueueImport({
        fileName: 'trial.pdf',
        format: 'PDF',
        input,
        fields: {},
        actorId: reviewer.user.id,
        projectId,
      });
      wakeImportRunner();
      await expect
        .poll(async () => (await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } })).status, {
          timeout: 60_000,
        })
        .toMatch(/DONE|FAILED/);
      return prisma.importJob.findUniqueOrThrow({ where: { id: jobId } });
    };
    const done = await runJob(pdf);
    expect(done).toMatchObject({ status: 'DONE', claims: 3, error: null });
    const document = await prisma.document.findUniqueOrThrow({
      where: { id: done.documentId as string },
      include: { file: true, claims: { orderBy: { number: 'asc' } } },
    });
    expect(document).toMatchObject({ title: 'A PDF trial', format: 'PDF', deletedAt: null });
    expect(document.claims.map((c) => c.quote)).toEqual([
      'Low-dose naltrexone eased pain in a small trial.',
      'Sleep improved in most patients.',
      'Side effects were mild.',
    ]);
    expect(document.file).toMatchObject({ fileName: 'trial.pdf', mediaType: 'application/pdf' });
    expect(Buffer.compare(Buffer.from(document.file?.bytes ?? []), Buffer.from(pdf))).toBe(0);

    // Each refusal says what is wrong with this file, and what to do about it.
    const refusals = [
      [pdf.slice(0, 400), /This PDF is incomplete/],
      [new Uint8Array(await makeScannedPdf()), /no text layer; it looks scanned\. Run it through OCR/],
      [
        new Uint8Array(await makePdf({ columns: 1, text, userPassword: 'secret' })),
        /protected by a password/,
      ],
    ] as const;
    for (const [input, message] of refusals) {
      const failed = await runJob(input);
      expect(failed).toMatchObject({ status: 'FAILED', documentId: null });
      expect(failed.error).toMatch(message);
    }
  });
});
