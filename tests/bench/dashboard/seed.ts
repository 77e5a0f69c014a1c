// Seeds the dashboard benchmark's database in a few set-based statements: 200 projects of 25 documents each
// (5,000; one in five under blind review, a few removed), 16 claims a document (80,000; a few removed), and two
// reviewers' assessments of the first twelve claims of each, agreeing on ten and in conflict on two. The bench
// reviewer is a member of every project (lead of some, viewer of some, reviewer of the rest); the bench admin
// leads 20 and sees the other 180 in admin view.
import pg from 'pg';

export const PROJECTS = 200;
export const DOCUMENTS_PER_PROJECT = 25;
export const CLAIMS_PER_DOCUMENT = 16;

export type DashboardSeed = { reviewerId: string; adminId: string; counts: Record<string, number> };

export async function seedDashboard(url: string): Promise<DashboardSeed> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const users = await client.query<{ id: string; email: string }>(
      `INSERT INTO "User" (id, name, email, role, "updatedAt")
       VALUES (gen_random_uuid(), 'Bench Reviewer', 'bench-reviewer@bench.test', 'REVIEWER', now()),
         (gen_random_uuid(), 'Bench Admin', 'bench-admin@bench.test', 'ADMIN', now()),
         (gen_random_uuid(), 'Reviewer A', 'reviewer-a@bench.test', 'REVIEWER', now()),
         (gen_random_uuid(), 'Reviewer B', 'reviewer-b@bench.test', 'REVIEWER', now())
       RETURNING id, email`,
    );
    const id = (email: string) => users.rows.find((u) => u.email === email)?.id as string;
    const [reviewerId, adminId, a, b] = [
      id('bench-reviewer@bench.test'),
      id('bench-admin@bench.test'),
      id('reviewer-a@bench.test'),
      id('reviewer-b@bench.test'),
    ];
    await client.query(
      `INSERT INTO "Project" (id, name, description, "updatedAt")
       SELECT gen_random_uuid(), 'Bench project ' || lpad(i::text, 3, '0'),
         'A review team of the dashboard bench, number ' || i || '.', now()
       FROM generate_series(1, $1::int) i`,
      [PROJECTS],
    );
    await client.query(
      `WITH numbered AS (SELECT id, row_number() OVER (ORDER BY name) AS n FROM "Project")
       INSERT INTO "ProjectMember" ("projectId", "userId", role)
       SELECT id, $1::uuid, (CASE WHEN n % 10 = 0 THEN 'LEAD' WHEN n % 10 = 1 THEN 'VIEWER' ELSE 'REVIEWER' END)::"ProjectRole"
         FROM numbered
       UNION ALL SELECT id, $2::uuid, 'LEAD' FROM numbered WHERE n % 10 = 5
       UNION ALL SELECT id, $3::uuid, 'REVIEWER' FROM numbered
       UNION ALL SELECT id, $4::uuid, 'REVIEWER' FROM numbered`,
      [reviewerId, adminId, a, b],
    );
    await client.query(
      `WITH numbered AS (SELECT id, row_number() OVER (ORDER BY name) AS n FROM "Project")
       INSERT INTO "Document" (id, slug, title, body, "projectId", "reviewMode", "createdAt", "updatedAt", "deletedAt")
       SELECT gen_random_uuid(), 'bench-' || p.n || '-' || j, 'Bench document ' || p.n || '.' || j, 'A body.',
         p.id, (CASE WHEN j % 5 = 0 THEN 'BLIND' ELSE 'OPEN' END)::"ReviewMode",
         now() - make_interval(mins => j), now(), CASE WHEN j = $2 AND p.n % 2 = 1 THEN now() END
       FROM numbered p, generate_series(1, $1::int) j`,
      [DOCUMENTS_PER_PROJECT, DOCUMENTS_PER_PROJECT],
    );
    // Claims 1–6 supported, 7–8 speculative, 9–10 unsupported (both reviewers agree), 11–12 in conflict,
    // 13–16 unreviewed; claim 16 removed in one document in seven.
    await client.query(
      `INSERT INTO "Claim" (id, "documentId", number, text, quote, start, "end", "consensusVerdict", "updatedAt",
         "deletedAt")
       SELECT gen_random_uuid(), d.id, k, 'Claim ' || k, 'A body', 0, 6,
         (CASE WHEN k <= 6 THEN 'SUPPORTED' WHEN k <= 8 THEN 'SPECULATIVE' WHEN k <= 10 THEN 'UNSUPPORTED' END)::"Verdict",
         now(), CASE WHEN k = 16 AND abs(hashtext(d.slug)) % 7 = 0 THEN now() END
       FROM "Document" d, generate_series(1, $1::int) k`,
      [CLAIMS_PER_DOCUMENT],
    );
    await client.query(
      `INSERT INTO "Assessment" (id, "claimId", "reviewerId", verdict, "updatedAt")
       SELECT gen_random_uuid(), c.id, r.id,
         (CASE WHEN c.number > 10 THEN (CASE WHEN r.id = $1::uuid THEN 'SUPPORTED' ELSE 'UNSUPPORTED' END)
           ELSE c."consensusVerdict"::text END)::"Verdict",
         now()
       FROM "Claim" c, (VALUES ($1::uuid), ($2::uuid)) r(id)
       WHERE c.number <= 12`,
      [a, b],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE');
    const { rows } = await client.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM "Project") AS projects,
         (SELECT count(*)::int FROM "Document") AS documents,
         (SELECT count(*)::int FROM "Claim") AS claims,
         (SELECT count(*)::int FROM "Assessment") AS assessments`,
    );
    const counts = rows[0] as Record<string, number>;
    const documents = PROJECTS * DOCUMENTS_PER_PROJECT;
    if (counts.projects !== PROJECTS || counts.documents !== documents) {
      throw new Error(`Seeded ${counts.projects} projects and ${counts.documents} documents.`);
    }
    return { reviewerId, adminId, counts };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}
