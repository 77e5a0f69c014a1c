import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/documents/[id]/export/route';
import { prisma } from '@/lib/db/prisma';
import { assess } from '@/tests/support/assess';
import { createDocument, createUser } from '@/tests/support/fixtures';
import { signedIn } from '@/tests/support/signed-in';

// Each request carries a real session cookie, and the route's own guard reads it from the database.
const cookies: Record<'REVIEWER' | 'VIEWER', string> = { REVIEWER: '', VIEWER: '' };

let documentId: string;
let slug: string;
let claimIds: string[];

beforeAll(async () => {
  cookies.REVIEWER = (await signedIn('REVIEWER')).cookie;
  cookies.VIEWER = (await signedIn('VIEWER')).cookie;
  const document = await createDocument(
    'Export route\n\nLDN may reduce fatigue. It is cheap. It cures everything.\n',
  );
  documentId = document.id;
  claimIds = document.claims.map((c) => c.id);
  slug = (await prisma.document.findUniqueOrThrow({ where: { id: documentId } })).slug;
  const [ana, ben] = [await createUser(), await createUser()];
  await assess({ claimId: claimIds[0]!, reviewerId: ana.id, verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2' });
  await assess({ claimId: claimIds[1]!, reviewerId: ana.id, verdict: 'SUPPORTED' });
  await assess({ claimId: claimIds[1]!, reviewerId: ben.id, verdict: 'UNSUPPORTED' });
  await assess({ claimId: claimIds[2]!, reviewerId: ben.id, verdict: 'UNSUPPORTED', evidenceLevel: 'NONE' });
});

function get(query: string, id = documentId, cookie: string | null = cookies.VIEWER) {
  return GET(
    new Request(`http://localhost:3000/documents/${id}/export?${query}`, {
      headers: cookie ? { cookie } : {},
    }),
    { params: Promise.resolve({ id }) },
  );
}

describe('GET /documents/[id]/export', () => {
  it('answers 401 to a signed-out caller before looking at anything else', async () => {
    for (const cookie of [null, 'better-auth.session_token=forged.c2lnbmF0dXJl']) {
      const response = await get('format=nope&only=maybe', '00000000-0000-7000-8000-000000000000', cookie);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        ok: false,
        code: 'UNAUTHENTICATED',
        message: 'Sign in to continue.',
      });
    }
  });

  it('answers 400 with the valid formats for an unknown format', async () => {
    const response = await get('format=xlsx&only=maybe');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ok: false,
      code: 'BAD_REQUEST',
      message: 'Unknown export format "xlsx". Use one of: md, csv, json, jsonld, annotations, pdf.',
    });
  });

  it('answers 400 for a filter it cannot read', async () => {
    const response = await get('format=csv&only=maybe');
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/only="maybe".*only=conflicts or only=unsupported/);
  });

  it('answers 400 for ClaimReview JSON-LD under only=conflicts, which could never hold a claim', async () => {
    const response = await get('format=jsonld&only=conflicts');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ok: false,
      code: 'BAD_REQUEST',
      message:
        'ClaimReview JSON-LD publishes only claims with a consensus verdict, and claims in conflict have none yet. Leave out only=conflicts, or use another format: md, csv, json, annotations, pdf.',
    });
  });

  it('serves an empty ClaimReview JSON-LD while no claim shown has a consensus: the next one may', async () => {
    const { id } = await createDocument();
    const response = await get('format=jsonld', id);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ '@context': 'https://schema.org', '@graph': [] });
  });

  it('answers 404 for an unknown or malformed document', async () => {
    expect((await get('format=csv', '00000000-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await get('format=csv', 'not-a-uuid')).status).toBe(404);
  });

  it('answers 403 to a reviewer while the review is blind, and lets a viewer export', async () => {
    await prisma.document.update({ where: { id: documentId }, data: { reviewMode: 'BLIND' } });
    try {
      const response = await get('format=csv', documentId, cookies.REVIEWER);
      expect(response.status).toBe(403);
      expect((await response.json()).message).toMatch(/^This document is under blind review/);
      expect((await get('format=csv')).status).toBe(200);
    } finally {
      await prisma.document.update({ where: { id: documentId }, data: { reviewMode: 'OPEN' } });
    }
  });

  it.each([
    ['md', 'text/markdown; charset=utf-8', 'md'],
    ['csv', 'text/csv; charset=utf-8; header=present', 'csv'],
    ['json', 'application/json', 'json'],
    ['jsonld', 'application/ld+json', 'jsonld'],
    ['annotations', 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', 'annotations.jsonld'],
    ['pdf', 'application/pdf', 'pdf'],
  ])('serves %s as a download with its type and a clear file name', async (format, type, extension) => {
    const response = await get(`format=${format}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${slug}-review.${extension}"`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(0);
    if (format === 'pdf') expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    else if (format !== 'md' && format !== 'csv') JSON.parse(new TextDecoder().decode(bytes));
  });

  it('carries the filter into the content and the file name', async () => {
    const response = await get('format=csv&only=conflicts');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${slug}-review-conflicts.csv"`,
    );
    const [head, ...rows] = parse(await response.text(), { bom: true }) as string[][];
    expect(rows.map((r) => r[head!.indexOf('claim id')])).toEqual([claimIds[1]]);
    expect(rows[0]?.[head!.indexOf('number')]).toBe('2');
  });

  it("links claims to APP_URL, or to the request's own address when it is unset", async () => {
    const saved = process.env.APP_URL;
    try {
      delete process.env.APP_URL;
      const own = await (await get('format=json')).json();
      expect(own.appDocumentUrl).toBe(`http://localhost:3000/documents/${documentId}`);
      expect(own.claims[0].url).toBe(`http://localhost:3000/documents/${documentId}?claim=${claimIds[0]}`);
      process.env.APP_URL = 'https://review.example.org/';
      const configured = await (await get('format=json')).json();
      expect(configured.claims[0].url).toBe(
        `https://review.example.org/documents/${documentId}?claim=${claimIds[0]}`,
      );
    } finally {
      if (saved === undefined) delete process.env.APP_URL;
      else process.env.APP_URL = saved;
    }
  });
});
