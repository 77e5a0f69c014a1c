import { beforeAll, describe, expect, it } from 'vitest';
import { PUT } from '@/app/api/claims/[id]/assessment/route';
import { POST } from '@/app/api/documents/route';
import { prisma } from '@/lib/db/prisma';
import { createDocument } from '@/tests/support/fixtures';
import { importedDocumentId } from '@/tests/support/imported-document';
import { signedIn } from '@/tests/support/signed-in';

// Text from users reaches PostgreSQL only through the shared input schemas, which clean it; what they cannot
// clean (a file with NUL bytes, a source that is not a web address) is refused with a 4xx that says why.
let reviewer: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  reviewer = await signedIn('REVIEWER');
});

const importJson = (body: Record<string, unknown>) =>
  POST(
    new Request('http://localhost:3000/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: reviewer.cookie },
      body: JSON.stringify(body),
    }),
  );

const importFile = (name: string, content: string, fields: Record<string, string> = {}) => {
  const form = new FormData();
  form.set('file', new File([content], name));
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return POST(
    new Request('http://localhost:3000/api/documents', {
      method: 'POST',
      headers: { cookie: reviewer.cookie },
      body: form,
    }),
  );
};

describe('import', () => {
  it('stores text, title and author with a NUL character cleaned out, instead of failing', async () => {
    const response = await importJson({
      format: 'TEXT',
      title: 'Nul\u0000 title',
      author: 'Ada\u0000 Lovelace',
      text: 'Nul article\r\n\r\nLDN may\u0000 reduce fatigue.\u0007 It is cheap.\r\n',
    });
    const id = await importedDocumentId(response, reviewer.cookie);
    const document = await prisma.document.findUniqueOrThrow({ where: { id } });
    expect(document).toMatchObject({ title: 'Nul title', author: 'Ada Lovelace' });
    expect(document.body).toBe('Nul article\n\nLDN may reduce fatigue. It is cheap.\n');
  });

  it('refuses a file with a NUL byte after the first 64 KB, saying why', async () => {
    const response = await importFile('long.txt', `${'LDN may help. '.repeat(6_000)}\u0000`);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: expect.stringContaining('This file contains NUL bytes'),
    });
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://files.example/a'])(
    'refuses the source %s from a multipart upload and from JSON alike',
    async (sourceUrl) => {
      for (const response of [
        await importFile('a.txt', 'A title\n\nLDN may help.\n', { sourceUrl }),
        await importJson({ format: 'TEXT', text: 'A title\n\nLDN may help.\n', sourceUrl }),
      ]) {
        expect(response.status).toBe(422);
        expect(await response.json()).toMatchObject({
          code: 'VALIDATION',
          fieldErrors: { sourceUrl: 'Enter a web address starting with http:// or https://.' },
        });
      }
    },
  );

  it('accepts an https source from a multipart upload', async () => {
    const response = await importFile('a.txt', 'Sourced\n\nLDN may help.\n', {
      sourceUrl: 'https://a.example/ldn',
    });
    const id = await importedDocumentId(response, reviewer.cookie);
    expect((await prisma.document.findUniqueOrThrow({ where: { id } })).sourceUrl).toBe(
      'https://a.example/ldn',
    );
  });

  it('imports five documents with the same title at once, each under its own slug', async () => {
    const title = `Same title ${Date.now()}`;
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => importJson({ format: 'TEXT', title, text: 'Same\n\nLDN may help.\n' })),
    );
    await Promise.all(responses.map((r) => importedDocumentId(r, reviewer.cookie)));
    const documents = await prisma.document.findMany({ where: { title }, select: { slug: true } });
    expect(new Set(documents.map((d) => d.slug)).size).toBe(5);
  });
});

describe('saving an assessment', () => {
  it('stores a rationale with a NUL character cleaned out, instead of failing', async () => {
    const { claims } = await createDocument();
    const claimId = claims[0]!.id;
    const response = await PUT(
      new Request(`http://localhost:3000/api/claims/${claimId}/assessment`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie: reviewer.cookie },
        body: JSON.stringify({
          verdict: 'SUPPORTED',
          evidenceLevel: 'LEVEL_2',
          rationale: 'One\u0000 small trial.\r\nNo control.',
          version: 0,
        }),
      }),
      { params: Promise.resolve({ id: claimId }) },
    );
    expect(response.status).toBe(200);
    const saved = await prisma.assessment.findFirstOrThrow({
      where: { claimId, reviewerId: reviewer.user.id },
    });
    expect(saved.rationale).toBe('One small trial.\nNo control.');
  });
});
