import { startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { DEFAULT_EMBEDDED_POSTGRES_DIR, type Env } from '@/lib/env';

const EMBEDDED_DATABASE = 'evidence_review';

/** DATABASE_URL when it is set; otherwise the embedded server, started here, watched, and stopped with the app. */
export async function createEmbeddedOrGivenDatabase(env: Env) {
  if (env.DATABASE_URL) {
    console.log(`Using the PostgreSQL at ${redact(env.DATABASE_URL)}.`);
    return { url: env.DATABASE_URL, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: env.EMBEDDED_POSTGRES_DIR,
    port: env.EMBEDDED_POSTGRES_PORT,
    movableData: env.EMBEDDED_POSTGRES_DIR === DEFAULT_EMBEDDED_POSTGRES_DIR,
  });
  if (server.movedFrom) {
    console.log(
      `PostgreSQL runs as the postgres user, which cannot reach ${server.movedFrom}, so the embedded server's data is kept outside the checkout.`,
    );
  }
  console.log(`Embedded PostgreSQL on 127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}, data in ${server.dataDir}`);
  return { url: server.url(EMBEDDED_DATABASE), stop: server.stop };
}

/** The URL without its password, for logs. */
export function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
