import pg from 'pg';

// Lets DATABASE_URL name a database that does not exist yet: it is created on the same server.
export async function createDatabaseIfMissing(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return true;
  } catch (e) {
    // Two starts at once may race to create it; the loser finds it there (42P04), or, when both got past the
    // check at the same moment, trips on the catalogue's unique index (23505).
    const code = (e as { code?: string }).code;
    if (code === '42P04' || code === '23505') return false;
    throw e;
  } finally {
    await client.end();
  }
}
