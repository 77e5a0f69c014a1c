// The baseline a competitor would write for the dashboard's project list, with pg alone and its own SQL (it
// imports no code from lib/, only the type of the answer both must give): the projects the user belongs to, or
// every one for an instance admin, with document and claim counts per project and review mode, folded into one
// entry per project; under blind review a reviewer's verdict mix leaves out those documents.
import pg from 'pg';
import type { ProjectListItem, ProjectVerdictMix } from '@/lib/projects/list-projects';

/** One row per project and review mode of its documents; a project without documents has one row, mode null. */
type Row = Pick<ProjectListItem, 'id' | 'name' | 'description' | 'projectRole'> &
  ProjectVerdictMix & { reviewMode: 'OPEN' | 'BLIND' | null; documents: number };

const SQL = `
  WITH visible AS (
    SELECT p.id, p.name, p.description, p."reviewersRequired" AS required, m.role, m."userId" IS NULL AS admin_view
    FROM "Project" p
    LEFT JOIN "ProjectMember" m ON m."projectId" = p.id AND m."userId" = $1
    WHERE m."userId" IS NOT NULL OR $2
  ), claims AS (
    SELECT c.id, c."documentId", c."consensusVerdict",
      (SELECT count(*) FROM "Assessment" a WHERE a."claimId" = c.id AND a.verdict IS NOT NULL) AS assessed
    FROM "Claim" c
    JOIN "Document" d ON d.id = c."documentId"
    WHERE c."deletedAt" IS NULL AND d."deletedAt" IS NULL AND d."projectId" IN (SELECT id FROM visible)
  )
  SELECT v.id::text, v.name, v.description, v.role::text AS "projectRole", d."reviewMode"::text AS "reviewMode",
    count(DISTINCT d.id)::int AS documents,
    count(c.id)::int AS total,
    count(CASE WHEN c.assessed > 0 THEN 1 END)::int AS reviewed,
    count(CASE c."consensusVerdict" WHEN 'SUPPORTED' THEN 1 END)::int AS supported,
    count(CASE c."consensusVerdict" WHEN 'SPECULATIVE' THEN 1 END)::int AS speculative,
    count(CASE c."consensusVerdict" WHEN 'UNSUPPORTED' THEN 1 END)::int AS unsupported,
    count(CASE WHEN c."consensusVerdict" IS NULL AND c.assessed BETWEEN 1 AND v.required - 1 THEN 1 END)::int
      AS "inReview",
    count(CASE WHEN c."consensusVerdict" IS NULL AND c.assessed >= greatest(v.required, 1) THEN 1 END)::int
      AS conflicts
  FROM visible v
  LEFT JOIN "Document" d ON d."projectId" = v.id AND d."deletedAt" IS NULL
  LEFT JOIN claims c ON c."documentId" = d.id
  GROUP BY v.id, v.name, v.description, v.required, v.role, v.admin_view, d."reviewMode"
  ORDER BY v.admin_view, v.name, v.id`;

/**
 * The baseline's pool, as big as the app's, with PostgreSQL's JIT off: compiling this query's plan takes longer
 * than running it, as the app found too.
 */
export function baselinePool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
}

const MIX_KEYS = [
  'total',
  'reviewed',
  'supported',
  'speculative',
  'unsupported',
  'inReview',
  'conflicts',
] as const;

const sum = (rows: Row[], key: keyof ProjectVerdictMix | 'documents') =>
  rows.reduce((n, row) => n + row[key], 0);

export async function baselineProjects(
  pool: pg.Pool,
  user: { id: string; role: 'ADMIN' | 'REVIEWER' | 'VIEWER' },
): Promise<ProjectListItem[]> {
  const { rows } = await pool.query<Row>(SQL, [user.id, user.role === 'ADMIN']);
  const byProject = new Map<string, Row[]>();
  for (const row of rows) byProject.set(row.id, [...(byProject.get(row.id) ?? []), row]);
  return [...byProject.values()].map((group) => {
    // Every group holds at least the row that made it.
    const { id, name, description, projectRole } = group[0] as Row;
    const withDocuments = group.filter((row) => row.reviewMode !== null);
    // A reviewer judges blind; a lead runs the review and a viewer judges nothing, so both see the mix.
    const blind = withDocuments.filter((row) => row.reviewMode === 'BLIND' && projectRole === 'REVIEWER');
    const open = withDocuments.filter((row) => !blind.includes(row));
    const allBlind = withDocuments.length > 0 && open.length === 0;
    return {
      id,
      name,
      description,
      projectRole,
      adminView: projectRole === null,
      documents: sum(withDocuments, 'documents'),
      total: sum(withDocuments, 'total'),
      reviewed: sum(withDocuments, 'reviewed'),
      verdictMix: allBlind
        ? null
        : (Object.fromEntries(MIX_KEYS.map((key) => [key, sum(open, key)])) as ProjectVerdictMix),
      blindDocuments: sum(blind, 'documents'),
    };
  });
}
