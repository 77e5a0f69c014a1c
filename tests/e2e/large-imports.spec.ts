import { type APIRequestContext, expect, test } from '@playwright/test';
import { ACCOUNTS } from './accounts';

// Issue 19: one large import used to stop the whole server. Now a text past the claim limit is refused before
// any write, and a long one under it is imported as a job whose progress can be followed; either way the server
// goes on answering (/api/health every 100 ms, each within 2 s).

async function signedInApi(api: APIRequestContext) {
  const { email, password } = ACCOUNTS.reviewer;
  expect((await api.post('/api/auth/sign-in/email', { data: { email, password } })).status()).toBe(200);
}

/** Polls /api/health until stopped; returns how many polls there were and which failed or were slow. */
function watchHealth(api: APIRequestContext) {
  let stopped = false;
  const misses: string[] = [];
  let polls = 0;
  const watching = (async () => {
    while (!stopped) {
      const started = Date.now();
      polls++;
      try {
        const response = await api.get('/api/health', { timeout: 2_000 });
        if (!response.ok()) misses.push(`status ${response.status()}`);
      } catch (e) {
        misses.push(`no answer within 2 s after ${Date.now() - started} ms: ${(e as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return async () => {
    stopped = true;
    await watching;
    return { polls, misses };
  };
}

test('a 1.92 MB text of 240,000 sentences is refused before any write, and health answers throughout', async ({
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const watcher = await playwright.request.newContext({ baseURL });
  await signedInApi(api);
  const stop = watchHealth(watcher);
  const response = await api.post('/api/documents', {
    data: { title: 'Doses', format: 'TEXT', text: '1.2 mg. '.repeat(240_000) },
    timeout: 60_000,
  });
  // Refused within the request's wait (422), or, when the import worker was still starting, by the job.
  let message: string;
  if (response.status() === 202) {
    const location = response.headers().location as string;
    let job: { status: string; stage: string | null; error: string };
    do {
      job = await (await api.get(location)).json();
      expect(job.stage).not.toBe('saving');
      await new Promise((resolve) => setTimeout(resolve, 100));
    } while (job.status !== 'failed');
    message = job.error;
  } else {
    expect(response.status()).toBe(422);
    message = (await response.json()).message;
  }
  const health = await stop();
  expect(message).toMatch(/more than 20,000 claims.*Split it into parts/);
  expect(health.misses).toEqual([]);
  expect(health.polls).toBeGreaterThan(0);
  // Nothing was written: no project has a document "Doses"; the dashboard links to the failed import, to say why.
  const dashboard = await (await api.get('/')).text();
  expect(dashboard).toMatch(/href="\/imports\/[0-9a-f-]{36}"[^>]*>Doses</);
  const { projects } = await (await api.get('/api/projects')).json();
  for (const { id } of projects as Array<{ id: string }>) {
    const { documents } = await (await api.get(`/api/projects/${id}/documents`)).json();
    expect(documents.map((d: { title: string }) => d.title)).not.toContain('Doses');
  }
  await api.dispose();
  await watcher.dispose();
});

test('a 258 KB text of short sentences is imported as a job with progress, and health answers throughout', async ({
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const watcher = await playwright.request.newContext({ baseURL });
  await signedInApi(api);
  const sentences = Array.from({ length: 12_900 }, (_, i) => `Pain fell ${i % 90} points.`).join(' ');
  const text = `Short sentences\n\n${sentences}\n`;
  expect(Buffer.byteLength(text)).toBeGreaterThan(258_000);
  const stop = watchHealth(watcher);
  const response = await api.post('/api/documents', {
    multipart: { file: { name: 'short.txt', mimeType: 'text/plain', buffer: Buffer.from(text) } },
    timeout: 60_000,
  });
  expect([201, 202]).toContain(response.status());
  const seen: Array<{ stage: string | null; done: number; total: number }> = [];
  let documentId: string;
  if (response.status() === 201) {
    documentId = (await response.json()).id;
  } else {
    const location = response.headers().location as string;
    expect(location).toMatch(/^\/api\/imports\/[0-9a-f-]{36}$/);
    let job: { status: string; stage: string | null; done: number; total: number; documentId: string };
    do {
      job = await (await api.get(location)).json();
      seen.push({ stage: job.stage, done: job.done, total: job.total });
      expect(job.status).not.toBe('failed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    } while (job.status !== 'done');
    documentId = job.documentId;
    // Saving is counted in claims, and the count only grows.
    const saving = seen.filter((s) => s.stage === 'saving');
    expect(saving.at(-1)).toMatchObject({ done: 12_900, total: 12_900 });
    for (let i = 1; i < saving.length; i++)
      expect(saving[i]?.done).toBeGreaterThanOrEqual(saving[i - 1]?.done ?? 0);
  }
  const health = await stop();
  expect(health.misses).toEqual([]);
  const review = await (await api.get(`/documents/${documentId}/export?format=json`)).json();
  expect(review.claims).toHaveLength(12_900);
  expect(review.claims[12_899]).toMatchObject({ number: 12_900, quote: 'Pain fell 29 points.' });
  await api.dispose();
  await watcher.dispose();
});
