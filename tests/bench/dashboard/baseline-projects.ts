// The baseline a competitor would write for the dashboard's project list, with pg alone and its own SQL
// (importing nothing from lib/): the projects the user belongs to, or every one for an instance admin, with
// document and claim counts per project and review mode, folded into one entry per project; under blind review
// a reviewer's verdict mix leaves out those documents.
import pg from 'pg';

type Mix = {
  total: number;
  reviewed: number;
  supported: number;
  speculative: number;
  unsupported: number;
  inReview: number;
  conflicts: number;
};

export type BaselineProject = {
  id: string;
  name: string;
  description: string;
  projectRole: 'LEAD' | 'REVIEWER' | 'VIEWER' | null;
  adminView: boolean;
  documents: number;
  total: number;
  reviewed: number;
  verdictMix: Mix | null;
  blindDocuments: number;
};

type Row = Omit<BaselineProject, 'adminView' | 'verdictMix' | 'blindDocuments'> &
  Mix & { reviewMode: 'OPEN' | 'BLIND' | null };

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
    count(c.id) FILTER (WHERE c.assessed > 0)::int AS reviewed,
    count(c.id) FILTER (WHERE c."consensusVerdict" = 'SUPPORTED')::int AS supported,
    count(c.id) FILTER (WHERE c."consensusVerdict" = 'SPECULATIVE')::int AS speculative,
    count(c.id) FILTER (WHERE c."consensusVerdict" = 'UNSUPPORTED')::int AS unsupported,
    count(c.id) FILTER (WHERE c.assessed BETWEEN 1 AND v.required - 1 AND c."consensusVerdict" IS NULL)::int
      AS "inReview",
    count(c.id) FILTER (WHERE c.assessed >= greatest(v.required, 1) AND c."consensusVerdict" IS NULL)::int
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

export async function baselineProjects(
  pool: pg.Pool,
  user: { id: string; role: 'ADMIN' | 'REVIEWER' | 'VIEWER' },
): Promise<BaselineProject[]> {
  const { rows } = await pool.query<Row>(SQL, [user.id, user.role === 'ADMIN']);
  const byId = new Map<string, BaselineProject>();
  for (const row of rows) {
    const project = byId.get(row.id) ?? {
      id: row.id,
      name: row.name,
      description: row.description,
      projectRole: row.projectRole,
      adminView: row.projectRole === null,
      documents: 0,
      total: 0,
      reviewed: 0,
      verdictMix: null,
      blindDocuments: 0,
    };
    byId.set(row.id, project);
    if (row.reviewMode === null) {
      project.verdictMix = Object.fromEntries(MIX_KEYS.map((k) => [k, 0])) as Mix;
      continue;
    }
    project.documents += row.documents;
    project.total += row.total;
    project.reviewed += row.reviewed;
    // A reviewer judges blind; a lead runs the review and a viewer judges nothing, so both see the mix.
    if (row.reviewMode === 'BLIND' && row.projectRole === 'REVIEWER') {
      project.blindDocuments += row.documents;
      continue;
    }
    const mix = project.verdictMix ?? (Object.fromEntries(MIX_KEYS.map((k) => [k, 0])) as Mix);
    for (const key of MIX_KEYS) mix[key] += row[key];
    project.verdictMix = mix;
  }
  return [...byId.values()];
}
