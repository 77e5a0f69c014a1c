// Environment, validated once. A wrong value stops the start with a message that says what to fix.
import { z } from 'zod';

/** Inside the checkout; as root, kept elsewhere if the postgres user cannot reach it (lib/db/embedded-postgres-files.ts). */
export const DEFAULT_EMBEDDED_POSTGRES_DIR = '.data/postgres';

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/[^/]+\/[^/?]+/, 'must look like postgresql://user@host:5432/database');

const POOL_SIZE = 'must be a whole number of connections from 2 to 200, like 10';

const schema = z
  .object({
    DATABASE_URL: postgresUrl.optional(),
    // A streaming replica of DATABASE_URL's server, for the summary's and the exports' reads (ADR 0024).
    DATABASE_REPLICA_URL: postgresUrl.optional(),
    // Connections each instance keeps to each server: several instances on one PostgreSQL share its max_connections.
    DATABASE_POOL_SIZE: z.coerce
      .number(POOL_SIZE)
      .int(POOL_SIZE)
      .min(2, POOL_SIZE)
      .max(200, POOL_SIZE)
      .default(10),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    EMBEDDED_POSTGRES_DIR: z.string().min(1).default(DEFAULT_EMBEDDED_POSTGRES_DIR),
    EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
    APP_URL: z.url('must be the address people use, like https://review.example.org').optional(),
    AUTH_SECRET: z
      .string()
      .min(32, 'must be at least 32 characters (try: openssl rand -base64 32)')
      .optional(),
    TRUST_PROXY: z.enum(['0', '1']).default('0'),
    // Several instances behind one load balancer must agree on both, or a page from one cannot call a Server
    // Action on another: the key fixes the actions' ids and what they encrypt, the build id the pages' version.
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
      .string()
      .refine(
        (key) =>
          /^[A-Za-z0-9+/]+={0,2}$/.test(key) && [16, 24, 32].includes(Buffer.from(key, 'base64').length),
        {
          message: 'must be 16, 24 or 32 random bytes in base64 (try: openssl rand -base64 32)',
        },
      )
      .optional(),
    APP_BUILD_ID: z
      .string()
      .regex(
        /^[A-Za-z0-9._-]{1,64}$/,
        'must be 1 to 64 letters, digits, dots, dashes or underscores, like a commit hash',
      )
      .optional(),
    // The reviewing organisation: the author of the ClaimReview export and the name on every summary.
    REVIEW_ORGANISATION_NAME: z.string().trim().min(1).max(200).default('Evidence Review Dashboard'),
    REVIEW_ORGANISATION_URL: z
      .url({
        protocol: /^https?$/,
        error: "must be the organisation's web address, like https://example.org",
      })
      .optional(),
    // Invitations are sent by mail only when both are set; without them the lead copies the link instead.
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: 'must look like smtp://user:password@mail.example.org:587' })
      .optional(),
    SMTP_FROM: z.string().trim().min(3).max(320).optional(),
    // Where cited PMIDs and DOIs are looked up (lib/citations); a mirror or a recorded replay can stand in.
    PUBMED_BASE_URL: z
      .url({
        protocol: /^https?$/,
        error: 'must be an address like https://eutils.ncbi.nlm.nih.gov/entrez/eutils',
      })
      .default('https://eutils.ncbi.nlm.nih.gov/entrez/eutils'),
    CROSSREF_BASE_URL: z
      .url({ protocol: /^https?$/, error: 'must be an address like https://api.crossref.org' })
      .default('https://api.crossref.org'),
  })
  .refine((env) => !env.DATABASE_REPLICA_URL || env.DATABASE_URL, {
    path: ['DATABASE_REPLICA_URL'],
    message: 'needs DATABASE_URL: a replica copies a primary, and the embedded server has none',
  })
  .refine((env) => !env.SMTP_URL || env.SMTP_FROM, {
    path: ['SMTP_FROM'],
    message: 'must be set when SMTP_URL is: the sender, like "Evidence review <review@example.org>"',
  });

export type Env = z.infer<typeof schema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const blankAsUnset = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`The environment is not valid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
