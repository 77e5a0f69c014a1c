// A few signed-in clients writing and reading over HTTP while the database goes away and comes back. Each save
// and import records what it was answered, so that afterwards every write answered 2xx can be looked for in the
// database, and every answer given while the database was away can be checked.
import type pg from 'pg';

export type Outcome = {
  kind: 'save' | 'import' | 'health' | 'page';
  started: number;
  ms: number;
  /** null: no HTTP answer at all (a reset, or the 30 s client timeout). */
  status: number | null;
  body?: unknown;
  error?: string;
};

const ARTICLE = [
  'Low-dose naltrexone and mood',
  '',
  'A small open-label study reported that low-dose naltrexone improved depressive symptoms within eight weeks.',
  'Larger randomised trials have not yet confirmed the effect.',
].join('\n');

export function startLoad(options: { url: string; cookie: string; claimIds: string[]; runId: string }) {
  let running = true;
  const outcomes: Outcome[] = [];
  const ackedImports: string[] = [];
  const lastAckedSave = new Map<string, number>();

  const request = async (kind: Outcome['kind'], path: string, init: RequestInit = {}) => {
    const started = Date.now();
    try {
      const res = await fetch(`${options.url}${path}`, {
        ...init,
        headers: { cookie: options.cookie, ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
        signal: AbortSignal.timeout(30_000),
        redirect: 'manual',
      });
      const text = await res.text();
      const body = res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
      outcomes.push({ kind, started, ms: Date.now() - started, status: res.status, body });
      return { status: res.status, body };
    } catch (e) {
      outcomes.push({ kind, started, ms: Date.now() - started, status: null, error: String(e) });
      return null;
    }
  };
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  // Each saver owns one claim and saves it again and again with a numbered rationale, keeping the version the
  // server last told it (a 409 tells it too, when a save whose answer was lost had gone through).
  const saver = async (claimId: string, worker: number) => {
    let version = 0;
    for (let n = 1; running; n++) {
      const answer = await request('save', `/api/claims/${claimId}/assessment`, {
        method: 'PUT',
        body: JSON.stringify({
          verdict: n % 2 ? 'SUPPORTED' : 'SPECULATIVE',
          evidenceLevel: null,
          rationale: `load ${options.runId} ${worker} ${n}`,
          version,
        }),
      });
      if (answer?.status === 200) {
        version = answer.body.data.version;
        lastAckedSave.set(claimId, n);
      } else if (answer?.status === 409) {
        version = answer.body.details.current.version;
      }
      await pause(50);
    }
  };
  const importer = async () => {
    for (let n = 1; running; n++) {
      const answer = await request('import', '/api/documents', {
        method: 'POST',
        body: JSON.stringify({ title: `Load ${options.runId} ${n}`, format: 'TEXT', text: ARTICLE }),
      });
      if (answer?.status === 201) ackedImports.push(answer.body.id);
      await pause(150);
    }
  };
  const reader = async () => {
    for (let n = 0; running; n++) {
      await (n % 4 ? request('health', '/api/health') : request('page', '/'));
      await pause(100);
    }
  };

  const workers = [...options.claimIds.map(saver), importer(), reader()];
  return {
    outcomes,
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
    /** Acknowledged writes missing from the database: none, or what was lost. */
    lostWrites: async (db: pg.Client): Promise<string[]> => {
      const lost: string[] = [];
      const { rows: documents } = await db.query<{ id: string }>(
        'SELECT id FROM "Document" WHERE id = ANY($1::uuid[])',
        [ackedImports],
      );
      const found = new Set(documents.map((d) => d.id));
      for (const id of ackedImports) if (!found.has(id)) lost.push(`imported document ${id}`);
      for (const [worker, claimId] of options.claimIds.entries()) {
        const acked = lastAckedSave.get(claimId) ?? 0;
        const { rows } = await db.query<{ rationale: string | null }>(
          'SELECT rationale FROM "Assessment" WHERE "claimId" = $1',
          [claimId],
        );
        // A later save than the last acknowledged one may have gone through with its answer lost; an earlier one
        // would mean an acknowledged save was lost.
        const saved = Number(
          rows[0]?.rationale?.match(new RegExp(`^load ${options.runId} ${worker} (\\d+)$`))?.[1] ?? 0,
        );
        if (saved < acked) lost.push(`save ${acked} of claim ${claimId} (the database has save ${saved})`);
      }
      return lost;
    },
    acknowledged: () => ({ imports: ackedImports.length, saves: [...lastAckedSave.values()] }),
    /**
     * Answers that break the promise: while the database is away, an API route answers 503 and a page an error
     * page, each promptly (no hang, no reset); from a second after it serves again, everything succeeds.
     */
    badAnswers: (servingAgainAt: number): string[] =>
      outcomes.filter((o) => !acceptable(o, servingAgainAt)).map((o) => JSON.stringify(o).slice(0, 300)),
    failed: () => outcomes.filter((o) => !succeeded(o)),
  };
}

const succeeded = (o: Outcome) => o.status === 200 || o.status === 201 || o.status === 409;

function acceptable(o: Outcome, servingAgainAt: number): boolean {
  if (o.ms > 15_000) return false;
  if (succeeded(o)) return true;
  if (o.started > servingAgainAt + 1_000 || o.status === null) return false;
  if (o.kind === 'page') return o.status >= 500;
  return o.status === 503 && (o.kind === 'health' || (o.body as { ok?: boolean })?.ok === false);
}

/** Polls until the app serves a read and a write again; resolves with when it first did. */
export async function untilServing(url: string, cookie: string, claimId: string, limitMs: number) {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    const health = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
    if (health?.ok) {
      // A stale version is fine: a 409 means the save's transaction ran to its end.
      const save = await fetch(`${url}/api/claims/${claimId}/assessment`, {
        method: 'PUT',
        headers: { cookie, 'Content-Type': 'application/json' },
        body: JSON.stringify({ verdict: null, evidenceLevel: null, version: 0 }),
        signal: AbortSignal.timeout(5_000),
      }).catch(() => null);
      if (save && (save.ok || save.status === 409)) return Date.now();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}
