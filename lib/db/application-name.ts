import os from 'node:os';
import { isMainThread } from 'node:worker_threads';

// Every connection an instance opens names the instance in PostgreSQL's pg_stat_activity.application_name, so a
// DBA (and npm run bench:instances) can tell whose connections fill max_connections and which of an instance's
// pools holds them:
//   evidence-review <host>:<port>         the server's pool (lib/db/prisma.ts, at most 10)
//   evidence-review worker <host>:<port>  an export worker's pool (at most 3 each, two workers)
//   evidence-review live <host>:<port>    the one connection that LISTENs (lib/live/review-changes.ts)
// <host> is the machine's (or container's) hostname and <port> the instance's PORT; PostgreSQL keeps the first
// 63 bytes.
export function applicationName(role: 'pool' | 'live'): string {
  // Outside `npm start` (a script, a test) there is no PORT: the process id tells processes apart instead.
  const instance = `${os.hostname()}:${process.env.PORT ?? `pid${process.pid}`}`;
  const kind = role === 'live' ? 'live ' : isMainThread ? '' : 'worker ';
  return `evidence-review ${kind}${instance}`;
}
