// Seeds the benchmark's database in a few bulk statements: one 2,000-claim document, three reviewers who
// assessed every claim (about one claim in ten in conflict), a bench reviewer who has assessed nothing yet, an
// admin, and about 1,000 comments. Users go through the real createUser, so their argon2 hashes sign in.
import crypto from 'node:crypto';
import pg from 'pg';
import { disconnectPrisma } from '@/lib/db/prisma';
import { createUser } from '@/lib/users/create-user';
import { type BenchArticle, buildArticle } from './article';
import { newId } from './baseline-review';
import { sessionCookieFor } from './baseline-session';
import { bulkInsert } from './bulk-insert';
import { COMMENTS, reviewRows } from './review-rows';

export type Account = { id: string; name: string; email: string; password: string };

export type Seeded = {
  documentId: string;
  /** Live claim ids in document order; the bench reviewer has assessed none of them. */
  claimIds: string[];
  bench: Account;
  counts: Record<string, number>;
};

const CLAIMS = 2_000;
const SECTIONS = 40;

export async function seedWorkspace(url: string): Promise<Seeded> {
  const article = buildArticle({ sections: SECTIONS, sentences: CLAIMS });
  const accounts = await createAccounts(url);
  const [reviewerA, reviewerB, reviewerC, bench, admin] = accounts as [
    Account,
    Account,
    Account,
    Account,
    Account,
  ];

  const documentId = newId();
  const sectionIds = article.sections.map(() => newId());
  const claimIds = article.claims.map(() => newId());
  const { assessments, consensus, comments, audit } = reviewRows({
    documentId,
    claims: article.claims,
    claimIds,
    reviewers: [reviewerA, reviewerB, reviewerC],
    adminId: admin.id,
  });

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await insertDocument(client, { documentId, article, adminId: admin.id });
    await bulkInsert(
      client,
      'Section',
      ['id uuid', `documentId = '${documentId}'::uuid`, 'heading text', 'start int', 'end int'],
      article.sections.map((s, i) => [sectionIds[i], s.heading, s.start, s.end]),
    );
    await bulkInsert(
      client,
      'Claim',
      [
        'id uuid',
        // Each claim's number for life, 1..n in document order, as an import gives them.
        'number int',
        `documentId = '${documentId}'::uuid`,
        'sectionId uuid',
        'text text',
        'quote text',
        'start int',
        'end int',
        'prefix text',
        'suffix text',
        'kind text::"ClaimKind"',
        'hedged bool',
        'consensusVerdict text::"Verdict"',
        'consensusEvidenceLevel text::"EvidenceLevel"',
        'consensusAt = CASE WHEN u."consensusVerdict" IS NULL THEN NULL ELSE now() END',
        'updatedAt = now()',
      ],
      article.claims.map((claim, i) => [
        claimIds[i],
        i + 1,
        sectionIds[claim.sectionIndex],
        // One claim in thirty was reworded by a reviewer, so the page carries some edited texts.
        i % 30 === 29 ? `${claim.quote.replace(/\.$/, '')} (reworded by a reviewer).` : claim.quote,
        claim.quote,
        claim.start,
        claim.end,
        claim.prefix,
        claim.suffix,
        claim.kind,
        claim.hedged,
        consensus[i]?.verdict ?? null,
        consensus[i]?.evidenceLevel ?? null,
      ]),
    );
    await bulkInsert(
      client,
      'Assessment',
      [
        'id uuid',
        'claimId uuid',
        'reviewerId uuid',
        'verdict text::"Verdict"',
        'evidenceLevel text::"EvidenceLevel"',
        'certainty text::"Certainty"',
        'downgradeReasons text::"GradeDomain"[]',
        'rationale text',
        'updatedAt = now()',
      ],
      assessments,
    );
    await bulkInsert(
      client,
      'Comment',
      [
        'id uuid',
        'claimId uuid',
        'authorId uuid',
        'parentId uuid',
        'body text',
        'resolvedById uuid',
        'resolvedAt = CASE WHEN u."resolvedById" IS NULL THEN NULL ELSE now() END',
        'updatedAt = now()',
      ],
      comments,
    );
    await bulkInsert(
      client,
      'AuditEvent',
      [
        'id uuid',
        'actorId uuid',
        'action text',
        'entityType text',
        'entityId text',
        'documentId uuid',
        'claimId uuid',
        'after text::jsonb',
      ],
      audit,
    );
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return { documentId, claimIds, bench, counts: await checkSeed(client, documentId) };
  } finally {
    await client.end();
  }
}

async function createAccounts(url: string): Promise<Account[]> {
  // createUser talks through the app's Prisma client, which reads DATABASE_URL when it is first used.
  process.env.DATABASE_URL = url;
  const people = [
    ['Reviewer A', 'REVIEWER'],
    ['Reviewer B', 'REVIEWER'],
    ['Reviewer C', 'REVIEWER'],
    ['Bench Reviewer', 'REVIEWER'],
    ['Bench Admin', 'ADMIN'],
  ] as const;
  try {
    return await Promise.all(
      people.map(async ([name, role]) => {
        const email = `${name.toLowerCase().replace(' ', '-')}@bench.test`;
        const password = crypto.randomBytes(12).toString('base64url');
        const user = await createUser({ name, email, role, password, actorId: null });
        return { id: user.id, name, email, password };
      }),
    );
  } finally {
    await disconnectPrisma();
  }
}

async function insertDocument(
  client: pg.ClientBase,
  options: { documentId: string; article: BenchArticle; adminId: string },
) {
  // Every bench user is a member of the document's project, with the project role of their rank.
  const project = await client.query<{ id: string }>(
    `INSERT INTO "Project" (id, name, "updatedAt") VALUES (gen_random_uuid(), 'Bench project', now())
       ON CONFLICT (name) DO UPDATE SET "updatedAt" = now() RETURNING id`,
  );
  const projectId = project.rows[0]?.id;
  await client.query(
    `INSERT INTO "ProjectMember" ("projectId", "userId", role)
     SELECT $1, id, (CASE role WHEN 'ADMIN' THEN 'LEAD' ELSE role::text END)::"ProjectRole" FROM "User"
     ON CONFLICT DO NOTHING`,
    [projectId],
  );
  await client.query(
    `INSERT INTO "Document" (id, slug, title, "sourceUrl", author, "publishedOn", body, "createdById", "projectId", "updatedAt")
     VALUES ($1, 'bench-workspace', $2, 'https://example.org/ldn-review', 'Bench Author', '2023-03-29', $3, $4, $5, now())`,
    [options.documentId, options.article.title, options.article.body, options.adminId, projectId],
  );
}

/** Row counts, and a check that every claim's selectors point at its quote in the stored body. */
async function checkSeed(client: pg.ClientBase, documentId: string) {
  const { rows } = await client.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM "User") AS users,
       (SELECT count(*)::int FROM "Section" WHERE "documentId" = $1) AS sections,
       (SELECT count(*)::int FROM "Claim" WHERE "documentId" = $1) AS claims,
       (SELECT count(*)::int FROM "Claim" WHERE "documentId" = $1 AND text <> quote) AS "edited claims",
       (SELECT count(*)::int FROM "Claim" WHERE "documentId" = $1 AND hedged) AS "hedged claims",
       (SELECT count(*)::int FROM "Assessment") AS assessments,
       (SELECT count(*)::int FROM "Claim" c WHERE c."documentId" = $1 AND c."consensusVerdict" IS NULL
          AND EXISTS (SELECT 1 FROM "Assessment" a WHERE a."claimId" = c.id)) AS conflicts,
       (SELECT count(*)::int FROM "Comment") AS comments,
       (SELECT count(*)::int FROM "AuditEvent") AS "audit events"`,
    [documentId],
  );
  const counts = rows[0] as Record<string, number>;
  const body = (await client.query('SELECT body FROM "Document" WHERE id = $1', [documentId])).rows[0].body;
  const claims = await client.query<{
    quote: string;
    start: number;
    end: number;
    prefix: string;
    suffix: string;
  }>('SELECT quote, start, "end", prefix, suffix FROM "Claim" WHERE "documentId" = $1', [documentId]);
  const wrong = claims.rows.filter(
    (c) =>
      body.slice(c.start, c.end) !== c.quote ||
      body.slice(Math.max(0, c.start - 32), c.start) !== c.prefix ||
      body.slice(c.end, c.end + 32) !== c.suffix,
  );
  if (wrong.length > 0) throw new Error(`${wrong.length} seeded claims do not match the body.`);
  const expected = {
    users: 5,
    sections: SECTIONS,
    claims: CLAIMS,
    assessments: 3 * CLAIMS,
    comments: COMMENTS,
  };
  for (const [name, value] of Object.entries(expected)) {
    if (counts[name] !== value) throw new Error(`Seeded ${counts[name]} ${name}, expected ${value}.`);
  }
  return counts;
}

/** A session made directly in the database, for --baseline-only runs where there is no app to sign in to. */
export async function createSession(url: string, userId: string, secret: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const token = crypto.randomBytes(24).toString('base64url');
    await client.query(
      `INSERT INTO "Session" (id, token, "userId", "expiresAt", "ipAddress", "userAgent", "updatedAt")
       VALUES ($1, $2, $3, now() + interval '12 hours', '127.0.0.1', 'workspace bench', now())`,
      [newId(), token, userId],
    );
    return sessionCookieFor(token, secret);
  } finally {
    await client.end();
  }
}
