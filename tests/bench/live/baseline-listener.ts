// The baseline: what a competitor who needs no browser would write, a bare pg client that LISTENs on the
// channel and reads each notification's JSON. Its time from commit is the floor any fan-out to browsers adds to.
import { performance } from 'node:perf_hooks';
import pg from 'pg';

export async function openBaselineListener(url: string) {
  const client = new pg.Client({ connectionString: url, application_name: 'live bench baseline' });
  const heard: Array<{ at: number; claimId: string }> = [];
  client.on('notification', (message) => {
    const at = performance.now();
    const payload = JSON.parse(message.payload ?? '{}') as { claimId?: string };
    heard.push({ at, claimId: String(payload.claimId) });
  });
  await client.connect();
  await client.query('LISTEN review_changes');
  return { heard, close: () => client.end() };
}
