// Seeds the live bench's database in a few statements: a project with one short document of a few claims, a
// writer, and 1,000 reviewers who are members, each with a session of their own (the browsers of a large review
// team, one tab each). Sessions are made directly in the database and signed with the app's secret, as Better
// Auth would sign them, so the app accepts their cookies.
import crypto from 'node:crypto';
import pg from 'pg';
import { sessionCookieFor } from '../workspace/baseline-session';

export type SeededLive = {
  documentId: string;
  claimIds: string[];
  writerId: string;
  /** One Cookie header per reader, each for a reader of their own. */
  cookies: string[];
};

const CLAIMS = 20;

export async function seedLive(url: string, options: { readers: number; authSecret: string }) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const projectId = crypto.randomUUID();
    await client.query(`INSERT INTO "Project" (id, name, "updatedAt") VALUES ($1, 'Live bench', now())`, [
      projectId,
    ]);
    const writerId = crypto.randomUUID();
    await client.query(
      `INSERT INTO "User" (id, name, email, role, "updatedAt")
       VALUES ($1, 'Bench Writer', 'writer@bench.test', 'REVIEWER', now())`,
      [writerId],
    );
    const readers = await client.query<{ id: string }>(
      `INSERT INTO "User" (id, name, email, role, "updatedAt")
       SELECT gen_random_uuid(), 'Reader ' || i, 'reader-' || i || '@bench.test', 'REVIEWER', now()
       FROM generate_series(1, $1) AS i RETURNING id`,
      [options.readers],
    );
    await client.query(
      `INSERT INTO "ProjectMember" ("projectId", "userId", role)
       SELECT $1, id, 'REVIEWER' FROM "User"`,
      [projectId],
    );
    const tokens = readers.rows.map(() => crypto.randomBytes(24).toString('base64url'));
    await client.query(
      `INSERT INTO "Session" (id, token, "userId", "expiresAt", "ipAddress", "userAgent", "updatedAt")
       SELECT gen_random_uuid(), t.token, t."userId", now() + interval '12 hours', '127.0.0.1', 'live bench', now()
       FROM unnest($1::text[], $2::uuid[]) AS t(token, "userId")`,
      [tokens, readers.rows.map((r) => r.id)],
    );

    const sentences = Array.from({ length: CLAIMS }, (_, i) => `Claim ${i + 1} says something checkable.`);
    const heading = 'Findings';
    const body = `Live bench article\n\n${heading}\n\n${sentences.join(' ')}\n`;
    const documentId = crypto.randomUUID();
    await client.query(
      `INSERT INTO "Document" (id, slug, title, body, "createdById", "projectId", "updatedAt")
       VALUES ($1, 'live-bench', 'Live bench article', $2, $3, $4, now())`,
      [documentId, body, writerId, projectId],
    );
    const sectionId = crypto.randomUUID();
    const sectionStart = body.indexOf(heading);
    await client.query(
      `INSERT INTO "Section" (id, "documentId", heading, start, "end") VALUES ($1, $2, $3, $4, $5)`,
      [sectionId, documentId, heading, sectionStart, body.length],
    );
    const claimIds = sentences.map(() => crypto.randomUUID());
    for (const [i, sentence] of sentences.entries()) {
      const start = body.indexOf(sentence);
      await client.query(
        `INSERT INTO "Claim" (id, number, "documentId", "sectionId", text, quote, start, "end", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $5, $6, $7, now())`,
        [claimIds[i], i + 1, documentId, sectionId, sentence, start, start + sentence.length],
      );
    }
    await client.query('COMMIT');
    await client.query('ANALYZE');
    const cookies = tokens.map((token) => sessionCookieFor(token, options.authSecret));
    return { documentId, claimIds, writerId, cookies } satisfies SeededLive;
  } finally {
    await client.end();
  }
}
