// Hostile requests against the started app: every entry point that takes input, sent signed in as each role and
// signed out. No answer may be a 5xx, a reset or a hang. Reproduce a run with the seed it prints:
//   FUZZ_SEED=<seed> npx playwright test fuzz
import crypto from 'node:crypto';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { STATUS } from '@/lib/errors';
import { ACCOUNTS } from './accounts';
import {
  actionCall,
  exportQuery,
  type FuzzBody,
  type FuzzContext,
  type FuzzRequest,
  importJson,
  importMultipart,
  loginNext,
  malformedActionCall,
  type Persona,
  save,
  signInApi,
} from './fuzz-inputs';
import { actionFiles, actionReturnValue, type BuiltAction, builtActions } from './server-actions';

const root = path.resolve(import.meta.dirname, '../..');
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

/** Requests per entry point; each Server Action gets its own share. */
const COUNTS = {
  importJson: 120,
  importMultipart: 80,
  save: 150,
  export: 120,
  loginNext: 100,
  signInApi: 80,
  perAction: 24,
  perActionMalformed: 6,
};
const CONCURRENCY = 4;
// Far above the slowest real request on a busy machine; a reply slower than this is a hang.
const REQUEST_TIMEOUT_MS = 30_000;

type Outcome = { request: FuzzRequest; status?: number; failure?: string; ms?: number };

test('hostile requests get no 5xx, no reset and no hang', async ({ baseURL }) => {
  test.setTimeout(10 * 60_000);
  console.log(`fuzz seed ${seed}: reproduce with FUZZ_SEED=${seed} npx playwright test fuzz`);
  const origin = baseURL as string;
  const actions = builtActions(root);
  const unbuilt = actionFiles(root).filter((file) => !actions.some((a) => a.file === file));
  expect(unbuilt, 'these "use server" files have no action in the build, so no page calls them').toEqual([]);

  const cookies = await signInPersonas(origin);
  const ctx = await prepareContext(origin, actions, cookies);
  const outcomes = await runPool(generate(ctx), (request) => send(origin, cookies, request));
  outcomes.push(...(await sameTitleBurst(origin, cookies)));

  console.log(summary(outcomes));
  const failures = outcomes.filter((o) => o.failure);
  expect(outcomes.length).toBeGreaterThanOrEqual(1000);
  // A few of each entry point's failures, so one loud bug does not hide the others.
  const examples = [...groupBy(failures, (o) => o.request.target)].flatMap(([, group]) => group.slice(0, 3));
  expect(
    failures.length,
    `${failures.length} of ${outcomes.length} requests failed (FUZZ_SEED=${seed}); up to 3 of each kind:\n${examples
      .map(describe)
      .join('\n')}`,
  ).toBe(0);
});

function generate(ctx: FuzzContext): FuzzRequest[] {
  let n = 0;
  const sample = (arbitrary: fc.Arbitrary<FuzzRequest>, numRuns: number) =>
    fc.sample(arbitrary, { seed: seed + n++, numRuns });
  return [
    ...sample(importJson(ctx), COUNTS.importJson),
    ...sample(importMultipart(ctx), COUNTS.importMultipart),
    ...sample(save(ctx), COUNTS.save),
    ...sample(exportQuery(ctx), COUNTS.export),
    ...sample(loginNext(ctx), COUNTS.loginNext),
    ...sample(signInApi(ctx), COUNTS.signInApi),
    ...ctx.actions.flatMap((action) => [
      ...sample(actionCall(ctx, action), COUNTS.perAction),
      ...sample(malformedActionCall(ctx, action), COUNTS.perActionMalformed),
    ]),
  ];
}

/** A session cookie per role, each signed in from an address of its own; "spare" is the one sign-out may end. */
async function signInPersonas(origin: string): Promise<Record<Persona, string>> {
  const signIn = async (who: 'admin' | 'reviewer' | 'viewer' | 'fuzz', address: string) => {
    const { email, password } = ACCOUNTS[who];
    const response = await fetch(`${origin}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
      body: JSON.stringify({ email, password }),
    });
    expect(response.status, `sign-in as ${who}`).toBe(200);
    return response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  };
  return {
    signedOut: '',
    admin: await signIn('admin', '198.51.100.1'),
    reviewer: await signIn('reviewer', '198.51.100.2'),
    viewer: await signIn('viewer', '198.51.100.3'),
    spare: await signIn('fuzz', '198.51.100.4'),
  };
}

/** Rows of the fuzz test's own, so generated requests also reach real documents, claims, comments and users. */
async function prepareContext(
  origin: string,
  actions: BuiltAction[],
  cookies: Record<Persona, string>,
): Promise<FuzzContext> {
  const as = (persona: Persona, init: RequestInit = {}) => ({
    ...init,
    headers: { Cookie: cookies[persona], Origin: origin, ...init.headers },
  });
  const ownDocumentIds: string[] = [];
  for (const title of ['Fuzz target one', 'Fuzz target two']) {
    const text = `${title}\n\nLDN may reduce fatigue. It is cheap.\n\nHow it works\n\nIt blocks receptors briefly. Doses are 4.5 mg.\n`;
    const response = await fetch(
      `${origin}/api/documents`,
      as('admin', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title, text, format: 'TEXT' }),
      }),
    );
    expect(response.status, `import of "${title}"`).toBe(201);
    ownDocumentIds.push(((await response.json()) as { id: string }).id);
  }
  const claimIds: string[] = [];
  const sectionIds: string[] = [];
  for (const id of ownDocumentIds) {
    const review = (await (
      await fetch(`${origin}/documents/${id}/export?format=json`, as('admin'))
    ).json()) as {
      claims: { id: string }[];
      sections: { id: string }[];
    };
    claimIds.push(...review.claims.map((c) => c.id));
    sectionIds.push(...review.sections.map((s) => s.id));
  }

  const call = async (persona: Persona, name: string, page: string, input: unknown) => {
    const action = actions.find((a) => a.name === name);
    if (!action) throw new Error(`The build has no ${name}; the fuzz test's set-up needs it.`);
    const response = await fetch(
      `${origin}${page}`,
      as(persona, {
        method: 'POST',
        headers: { 'Next-Action': action.id, 'Content-Type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify([input]),
      }),
    );
    const result = actionReturnValue(await response.text()) as { ok: boolean; data?: { id: string } } | null;
    if (!result?.ok || !result.data) throw new Error(`${name} failed in set-up: ${JSON.stringify(result)}`);
    return result.data.id;
  };
  const [documentId] = ownDocumentIds;
  const [claimId] = claimIds;
  const workspace = `/documents/${documentId}`;
  const commentId = await call('reviewer', 'addCommentAction', workspace, {
    documentId,
    claimId,
    body: 'Fuzz comment.',
  });
  const citationId = await call('reviewer', 'addCitationAction', workspace, {
    documentId,
    claimId,
    identifier: 'PMID: 12345678',
    relation: 'SUPPORTS',
  });
  const userId = await call('admin', 'createUserAction', '/admin/users', {
    name: 'Fuzz Throwaway',
    email: `fuzz-throwaway-${crypto.randomUUID()}@e2e.test`,
    password: 'fuzz-throwaway-password',
    role: 'VIEWER',
  });
  return {
    origin,
    ownDocumentIds,
    claimIds,
    sectionIds,
    commentIds: [commentId],
    citationIds: [citationId],
    userIds: [userId],
    account: { email: ACCOUNTS.fuzz.email, password: ACCOUNTS.fuzz.password },
    actions,
  };
}

async function send(
  origin: string,
  cookies: Record<Persona, string>,
  request: FuzzRequest,
): Promise<Outcome> {
  const started = performance.now();
  const outcome = await answer(origin, cookies, request);
  return { ...outcome, ms: Math.round(performance.now() - started) };
}

async function answer(
  origin: string,
  cookies: Record<Persona, string>,
  request: FuzzRequest,
): Promise<Outcome> {
  const headers = new Headers(request.headers);
  if (cookies[request.persona]) headers.set('Cookie', cookies[request.persona]);
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${origin}${request.path}`, {
      method: request.method,
      headers,
      body: request.body && bodyOf(request.body),
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (e) {
    return { request, failure: networkFailure(e) };
  }
  const { status } = response;
  if (status >= 500) return { request, status, failure: `${status}: ${text.slice(0, 200)}` };
  if (
    request.headers['Next-Action'] &&
    response.headers.get('content-type')?.startsWith('text/x-component')
  ) {
    // An action catches its own errors, so a bug comes back as 200 with a failure that names no field and no
    // client's mistake: a 500 all the same.
    const result = actionReturnValue(text) as { ok?: boolean; code?: string; fieldErrors?: object } | null;
    const serverFault = result?.code === undefined ? !result?.fieldErrors : !isClientFault(result.code);
    if (result?.ok === false && serverFault) {
      return { request, status, failure: `${status} with a server failure: ${JSON.stringify(result)}` };
    }
  }
  return { request, status };
}

const isClientFault = (code: string) => code in STATUS && STATUS[code as keyof typeof STATUS] < 500;

function networkFailure(e: unknown): string {
  const error = e as Error & { cause?: { code?: string; message?: string } };
  if (error.name === 'TimeoutError') return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  // A reset may belong to the request before this one on the same kept-alive connection.
  return `connection failed: ${error.cause?.code ?? ''} ${error.cause?.message ?? error.message}`;
}

function bodyOf(body: FuzzBody): BodyInit {
  switch (body.kind) {
    case 'text':
      return body.text;
    case 'bytes':
      return new Uint8Array(body.bytes);
    case 'filler':
      return body.head + 'a'.repeat(Math.max(0, body.size - body.head.length - body.tail.length)) + body.tail;
    case 'multipart': {
      const form = new FormData();
      for (const [name, value] of body.fields) form.append(name, value);
      if (body.file) {
        const { name, type, head, nulAt, size } = body.file;
        const bytes = Buffer.alloc(size, 'a');
        bytes.write(head.slice(0, size));
        if (nulAt !== undefined && nulAt < size) bytes[nulAt] = 0;
        form.append('file', new Blob([bytes], { type }), name);
      }
      return form;
    }
  }
}

/** Five imports at once with the same title: each gets its own document, or a 4xx, never a 500. */
async function sameTitleBurst(origin: string, cookies: Record<Persona, string>): Promise<Outcome[]> {
  const request: FuzzRequest = {
    target: 'import (JSON), five at once with one title',
    method: 'POST',
    path: '/api/documents',
    persona: 'reviewer',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.5' },
    body: {
      kind: 'text',
      text: JSON.stringify({
        title: `Fuzz burst ${seed}`,
        text: 'Fuzz burst\n\nLDN may help.',
        format: 'TEXT',
      }),
    },
  };
  return Promise.all(Array.from({ length: 5 }, () => send(origin, cookies, request)));
}

async function runPool<T, R>(items: T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await run(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

/** Requests, statuses and time per entry point, for the log. */
function summary(outcomes: Outcome[]): string {
  const byTarget = groupBy(outcomes, (o) => o.request.target);
  const lines = [...byTarget].map(([target, group]) => {
    const statuses = groupBy(group, (o) =>
      o.failure ? `FAILED${o.status ? ` ${o.status}` : ''}` : String(o.status),
    );
    const seconds = group.reduce((sum, o) => sum + (o.ms ?? 0), 0) / 1000;
    return `  ${target}: ${group.length} in ${seconds.toFixed(1)} s (${[...statuses].map(([k, v]) => `${k}×${v.length}`).join(' ')})`;
  });
  const slowest = [...outcomes]
    .sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0))
    .slice(0, 5)
    .map((o) => `  ${o.ms} ms: ${o.request.target}, ${o.request.method} ${o.request.path.slice(0, 80)}`);
  return `fuzz seed ${seed}: ${outcomes.length} requests\n${lines.join('\n')}\nslowest:\n${slowest.join('\n')}`;
}

// Map.groupBy needs Node 21.
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function describe({ request, failure }: Outcome): string {
  const { Cookie: _, ...headers } = request.headers;
  return [
    `- ${request.target}: ${failure}`,
    `    ${request.method} ${request.path.slice(0, 300)} as ${request.persona}`,
    `    headers ${JSON.stringify(headers)}`,
    request.body ? `    body ${bodyPreview(request.body)}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function bodyPreview(body: FuzzBody): string {
  switch (body.kind) {
    case 'text':
      return (
        JSON.stringify(body.text.slice(0, 300)) +
        (body.text.length > 300 ? ` (${body.text.length} chars)` : '')
      );
    case 'bytes':
      return `bytes ${Buffer.from(body.bytes).toString('hex')}`;
    case 'filler':
      return `${body.size} bytes: ${JSON.stringify(body.head)} + "aaa…" + ${JSON.stringify(body.tail)}`;
    case 'multipart':
      return `multipart ${JSON.stringify(body.fields).slice(0, 300)}${body.file ? ` file ${JSON.stringify(body.file)}` : ' (no file)'}`;
  }
}
