// Who holds the database's connections: pg_stat_activity sampled every 200 ms, each connection given to the
// instance and the pool its application_name names (lib/db/application-name.ts), and the server's budget.
import { performance } from 'node:perf_hooks';
import pg from 'pg';

const SAMPLE_MS = 200;
/** The sampler's own name: not one the app's connections could have. */
const SAMPLER_NAME = 'bench:instances sampler';

export type Kind = 'pool' | 'worker' | 'live';
/** One instance's connections at one instant, by pool. */
export type Held = Record<Kind, number>;
export type Sample = { at: number; byInstance: Map<string, Held>; others: number };

const NAME = /^evidence-review (?:(worker|live) )?(\S+)$/;

/** Samples the connections to `url`'s database until stopped. */
export async function sampleConnections(url: string) {
  const client = new pg.Client({ connectionString: url, application_name: SAMPLER_NAME });
  await client.connect();
  const samples: Sample[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const at = performance.now();
      const { rows } = await client.query<{ name: string; n: number }>(
        `SELECT application_name AS name, count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY application_name`,
      );
      const byInstance = new Map<string, Held>();
      let others = 0;
      for (const row of rows) {
        const match = NAME.exec(row.name);
        if (!match) {
          others += row.n;
          continue;
        }
        const instance = match[2] as string;
        const held = byInstance.get(instance) ?? { pool: 0, worker: 0, live: 0 };
        held[(match[1] as Kind | undefined) ?? 'pool'] += row.n;
        byInstance.set(instance, held);
      }
      samples.push({ at, byInstance, others });
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, SAMPLE_MS - (performance.now() - at))));
    }
  })();
  return {
    /** The samples taken between two instants (performance.now()). */
    between: (from: number, to: number) => samples.filter((s) => s.at >= from && s.at <= to),
    stop: async () => {
      stopped = true;
      await loop.catch(() => {});
      await client.end();
    },
  };
}

export const total = (held: Held | undefined) => (held ? held.pool + held.worker + held.live : 0);

/** The most connections `instances` held together at one instant, and the most one of them held. */
export function peaks(samples: readonly Sample[], instances: readonly string[]) {
  let together = 0;
  let single = 0;
  const byKind: Held = { pool: 0, worker: 0, live: 0 };
  let busiest: Held = { pool: 0, worker: 0, live: 0 };
  for (const sample of samples) {
    let sum = 0;
    for (const instance of instances) {
      const held = sample.byInstance.get(instance);
      sum += total(held);
      if (!held) continue;
      if (total(held) > single) {
        single = total(held);
        busiest = held;
      }
      for (const kind of ['pool', 'worker', 'live'] as const)
        byKind[kind] = Math.max(byKind[kind], held[kind]);
    }
    together = Math.max(together, sum);
  }
  return { together, single, busiest, byKind };
}

/** What the server allows: max_connections less the slots kept for superusers (and, from 16 on, for others). */
export async function connectionBudget(url: string) {
  const client = new pg.Client({ connectionString: url, application_name: SAMPLER_NAME });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings
       WHERE name IN ('max_connections', 'superuser_reserved_connections', 'reserved_connections')`,
    );
    const setting = (name: string) => Number(rows.find((r) => r.name === name)?.setting ?? 0);
    const version = (await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`))
      .rows[0]?.v;
    const max = setting('max_connections');
    const reserved = setting('superuser_reserved_connections') + setting('reserved_connections');
    return { version: version ?? '?', max, reserved, available: max - reserved };
  } finally {
    await client.end();
  }
}
