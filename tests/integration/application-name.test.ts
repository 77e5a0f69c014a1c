import os from 'node:os';
import { expect, it } from 'vitest';
import { applicationName } from '@/lib/db/application-name';
import { prisma } from '@/lib/db/prisma';

// A DBA (and npm run bench:instances) tells instances apart in pg_stat_activity by these names alone.
it("names this process's pool connections after the instance, and the listener apart from them", async () => {
  const [row] = await prisma.$queryRaw<Array<{ name: string }>>`
    SELECT application_name AS name FROM pg_stat_activity WHERE pid = pg_backend_pid()`;
  // No PORT under Vitest: the process id stands in for it.
  const instance = `${os.hostname()}:${process.env.PORT ?? `pid${process.pid}`}`;
  expect(row?.name).toBe(`evidence-review ${instance}`);
  expect(applicationName('live')).toBe(`evidence-review live ${instance}`);
});
