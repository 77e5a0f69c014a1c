import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/citations');

/**
 * A local stand-in for PubMed's E-utilities and Crossref's REST API that replays the answers in
 * tests/fixtures/citations, and counts the questions. `port`: listen where an earlier one did, to bring "the
 * network" back.
 */
export async function startCitationSourceReplay(options: { port?: number } = {}) {
  const asked: string[] = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://replay');
    asked.push(`${url.pathname}${url.search}`);
    const file = fixtureFor(url);
    const body = file ? await fs.readFile(path.join(FIXTURES, file), 'utf8').catch(() => null) : null;
    if (body === null) {
      // Crossref's answer for a DOI it does not know.
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Resource not found.');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    port: (server.address() as AddressInfo).port,
    urls: { pubmed: `${base}/pubmed`, crossref: `${base}/crossref` },
    asked,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function fixtureFor(url: URL): string | null {
  if (url.pathname === '/pubmed/esummary.fcgi') {
    const id = url.searchParams.get('id') ?? '';
    const wellFormed =
      url.searchParams.get('db') === 'pubmed' &&
      url.searchParams.get('retmode') === 'json' &&
      /^\d+$/.test(id);
    return wellFormed ? `pubmed/esummary-${id}.json` : null;
  }
  const work = /^\/crossref\/works\/(.+)$/.exec(url.pathname);
  if (work?.[1]) return `crossref/${decodeURIComponent(work[1]).toLowerCase().replaceAll('/', '_')}.json`;
  return null;
}
