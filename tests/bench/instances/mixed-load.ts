// The load of a review team, sent through the balancer for a fixed time: reviewers saving assessments as the
// workspace does, readers opening the workspace page and claim panels, event streams held open, and imports and
// exports running one after another, so that every pool an instance has (the server's, the export workers', the
// listener) opens its connections. Every answer is checked; one that is wrong counts as a failure, not as speed.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { importThroughApi, multipartArticle } from '../import/api-import';
import { ARTICLE_TITLE } from '../workspace/article';
import { VERDICTS } from '../workspace/baseline-review';
import { type Reply, type Request, send } from '../workspace/load';
import { saveRequest, saveResult } from '../workspace/measure';

/**
 * The clients of one run; the same in every phase, so only the number of instances behind nginx changes.
 * BENCH_STREAMS sets how many event streams are open on the document (30 unless given).
 */
export const CLIENTS = {
  savers: 6,
  readers: 2,
  streams: Number(process.env.BENCH_STREAMS ?? 30),
  importers: 1,
  exporters: 2,
};
/** An importer or exporter waits this long before its next one: people export now and then, not in a loop. */
export const THINK_MS = 1_000;

export type LoadFigures = {
  /** Each measured save's latency, in ms. */
  saves: number[];
  seconds: number;
  pages: number;
  panels: number;
  imports: number;
  exports: number;
  /** Event streams that were open at the end (of CLIENTS.streams). */
  streamsOpen: number;
  failures: number;
  /** The first few failures, as what was asked and what came back. */
  failureSamples: string[];
};

export type LoadTarget = {
  base: string;
  cookie: string;
  documentId: string;
  claimIds: readonly string[];
  /** The version each claim's assessment by the bench reviewer is at; kept across runs. */
  versions: Map<string, number>;
  /** The article each import uploads. */
  importText: string;
};

/** Runs the mixed load for `seconds`. */
export async function runMixedLoad(target: LoadTarget, seconds: number): Promise<LoadFigures> {
  const figures: LoadFigures = {
    saves: [],
    seconds,
    pages: 0,
    panels: 0,
    imports: 0,
    exports: 0,
    streamsOpen: 0,
    failures: 0,
    failureSamples: [],
  };
  const fail = (what: string) => {
    figures.failures++;
    if (figures.failureSamples.length < 5) figures.failureSamples.push(what);
  };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const running = () => performance.now() < deadline;
  // A failure is answered at once; a client that failed waits a moment, so a broken instance is not a busy loop.
  const pause = (ms = 100) => new Promise((resolve) => setTimeout(resolve, ms));
  const ask = async (request: Request, ok: (reply: Reply) => boolean): Promise<Reply | null> => {
    const reply = await send(agent, target.base, request).catch((e: Error) => e);
    if (reply instanceof Error || !ok(reply)) {
      const answer =
        reply instanceof Error
          ? reply.message
          : `${reply.status} ${reply.body.replace(/\s+/g, ' ').slice(0, 120)}`;
      fail(`${request.method} ${request.path}: ${answer}`);
      await pause();
      return null;
    }
    return reply;
  };
  const headers = { Cookie: target.cookie, Origin: target.base };

  const streams = Array.from({ length: CLIENTS.streams }, () => openStream(target, fail));

  const saver = async (index: number) => {
    const mine = target.claimIds.filter((_, i) => i % CLIENTS.savers === index);
    for (let i = 0; running(); i++) {
      const claimId = mine[i % mine.length] as string;
      const version = target.versions.get(claimId) ?? 0;
      const request = saveRequest(target.base, target.cookie, {
        claimId,
        verdict: VERDICTS[(version + index) % VERDICTS.length] ?? null,
        evidenceLevel: 'LEVEL_2',
        certainty: null,
        downgradeReasons: [],
        rationale: null,
        version,
      });
      const at = performance.now();
      const reply = await ask(request, (r) => {
        const result = r.status === 200 ? saveResult(r) : null;
        return result?.ok === true && result.data?.version === version + 1;
      });
      if (!reply) continue;
      target.versions.set(claimId, version + 1);
      if (at < deadline) figures.saves.push(performance.now() - at);
    }
  };

  // A reader opens the workspace, then reads claim after claim in its panel.
  const reader = async (index: number) => {
    for (let i = 0; running(); i++) {
      if (i % 5 === 0) {
        const page = await ask(
          { method: 'GET', path: `/documents/${target.documentId}`, headers },
          (r) => r.status === 200 && r.body.includes(ARTICLE_TITLE),
        );
        if (page) figures.pages++;
      } else {
        const claimId = target.claimIds[(index * 997 + i * 13) % target.claimIds.length] as string;
        const panel = await ask(
          {
            method: 'GET',
            path: `/api/claims/${claimId}`,
            headers: { ...headers, Accept: 'application/json' },
          },
          (r) => r.status === 200 && r.body.includes(claimId),
        );
        if (panel) figures.panels++;
      }
    }
  };

  const importer = async () => {
    for (let i = 0; running(); i++) {
      const outcome = await importThroughApi({
        base: target.base,
        cookie: target.cookie,
        article: multipartArticle(target.importText, { title: `Import under load ${i + 1}` }),
        timeoutMs: 60_000,
      }).catch((e: Error) => ({ kind: 'failed', status: 0, message: e.message }));
      if (outcome.kind === 'finished') figures.imports++;
      else
        fail(`POST /api/documents: ${outcome.status} ${outcome.message.replace(/\s+/g, ' ').slice(0, 120)}`);
      await pause(THINK_MS);
    }
  };

  const exporter = async () => {
    while (running()) {
      const reply = await ask(
        { method: 'GET', path: `/documents/${target.documentId}/export?format=json`, headers },
        (r) => r.status === 200 && r.body.includes(ARTICLE_TITLE),
      );
      if (reply) figures.exports++;
      await pause(THINK_MS);
    }
  };

  try {
    await Promise.all([
      ...Array.from({ length: CLIENTS.savers }, (_, i) => saver(i)),
      ...Array.from({ length: CLIENTS.readers }, (_, i) => reader(i)),
      ...Array.from({ length: CLIENTS.importers }, importer),
      ...Array.from({ length: CLIENTS.exporters }, exporter),
    ]);
  } finally {
    figures.streamsOpen = streams.filter((s) => s.open()).length;
    for (const stream of streams) stream.close();
    agent.destroy();
  }
  figures.seconds = (performance.now() - started) / 1000;
  return figures;
}

/** An event stream, as the workspace holds one open: a failure if it is refused or closed before the end. */
function openStream(target: LoadTarget, fail: (what: string) => void) {
  const path = `/api/documents/${target.documentId}/events`;
  let open = false;
  let closing = false;
  const request = http.get(
    new URL(path, target.base),
    { headers: { Cookie: target.cookie, Accept: 'text/event-stream' }, agent: false },
    (res) => {
      if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/event-stream')) {
        fail(`GET ${path}: ${res.statusCode}`);
        res.resume();
        return;
      }
      open = true;
      res.resume();
      res.on('close', () => {
        open = false;
        if (!closing) fail(`GET ${path}: the stream closed`);
      });
    },
  );
  request.on('error', (e) => {
    if (!closing) fail(`GET ${path}: ${e.message}`);
  });
  return {
    open: () => open,
    close: () => {
      closing = true;
      request.destroy();
    },
  };
}
