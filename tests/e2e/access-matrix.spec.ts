// Every Server Action and every mutating route handler, called directly over HTTP as an attacker would, by
// each role. The actions come from the build's own manifest, so a new action that is missing from the
// matrix fails this test until someone decides who may call it.
import fs from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, expect, request as playwrightRequest, test } from '@playwright/test';
import { ACCOUNTS, type AccountName } from './accounts';

type Caller = 'anonymous' | AccountName;
const CALLERS: Caller[] = ['anonymous', 'viewer', 'reviewer', 'admin'];
const EVERYONE: Caller[] = [...CALLERS];
const REVIEWERS: Caller[] = ['reviewer', 'admin'];
const ADMINS: Caller[] = ['admin'];

type Ids = { documentId: string; claimId: string };

// Who may call what, and a valid input for each, so an allowed call really runs.
const ACTIONS: Record<string, { allowed: Caller[]; input: (ids: Ids) => unknown }> = {
  addCommentAction: { allowed: REVIEWERS, input: (ids) => ({ ...ids, body: 'access matrix comment' }) },
  // A new address each call, so an allowed caller really adds a citation rather than meeting a duplicate.
  addCitationAction: {
    allowed: REVIEWERS,
    input: (ids) => ({
      ...ids,
      identifier: `https://example.org/access-matrix/${crypto.randomUUID()}`,
      relation: 'MENTIONS',
    }),
  },
  // Ids that exist nowhere: an allowed caller gets "not found" and nothing changes.
  removeCitationAction: {
    allowed: REVIEWERS,
    input: (ids) => ({ documentId: ids.documentId, citationId: crypto.randomUUID() }),
  },
  resolveCommentAction: {
    allowed: REVIEWERS,
    input: (ids) => ({
      documentId: ids.documentId,
      commentId: crypto.randomUUID(),
      resolved: true,
      version: 1,
    }),
  },
  adjudicateClaimAction: {
    allowed: ADMINS,
    input: (ids) => ({
      ...ids,
      claimId: crypto.randomUUID(),
      verdict: 'SUPPORTED',
      evidenceLevel: 'LEVEL_2',
      note: 'access matrix adjudication',
    }),
  },
  // The mode the sample document already has: an allowed call succeeds and changes nothing.
  setReviewModeAction: { allowed: ADMINS, input: (ids) => ({ documentId: ids.documentId, mode: 'OPEN' }) },
  // Claim ids that exist nowhere: an allowed caller gets "not found" and no claim changes.
  editClaimAction: {
    allowed: REVIEWERS,
    input: (ids) => ({ ...ids, claimId: crypto.randomUUID(), text: 'access matrix', version: 1 }),
  },
  splitClaimAction: {
    allowed: REVIEWERS,
    input: (ids) => ({ ...ids, claimId: crypto.randomUUID(), at: 1, version: 1 }),
  },
  mergeClaimAction: {
    allowed: REVIEWERS,
    input: (ids) => ({ ...ids, claimId: crypto.randomUUID(), version: 1 }),
  },
  deleteClaimAction: {
    allowed: REVIEWERS,
    input: (ids) => ({ ...ids, claimId: crypto.randomUUID(), version: 1 }),
  },
  // Offsets past the end of the body: an allowed caller gets a validation error and no claim is added.
  addClaimAction: {
    allowed: REVIEWERS,
    input: (ids) => ({ documentId: ids.documentId, start: 10_000_000, end: 10_000_001 }),
  },
  // Signing in and out need no session by nature; they are public on purpose.
  signInAction: {
    allowed: EVERYONE,
    // Real credentials: a wrong password answers UNAUTHENTICATED, which would read as a denial here.
    input: () => ({ email: ACCOUNTS.viewer.email, password: ACCOUNTS.viewer.password }),
  },
  signOutAction: { allowed: EVERYONE, input: () => undefined },
  createUserAction: {
    allowed: ADMINS,
    input: () => ({
      name: 'Access Matrix User',
      email: `matrix-${crypto.randomUUID()}@e2e.test`,
      role: 'VIEWER',
      password: 'access-matrix-password',
    }),
  },
  // A user id that exists nowhere: an allowed caller gets "not found", which is not a denial, and no real
  // account changes.
  changeRoleAction: { allowed: ADMINS, input: () => ({ userId: crypto.randomUUID(), role: 'VIEWER' }) },
  setUserActiveAction: { allowed: ADMINS, input: () => ({ userId: crypto.randomUUID(), active: false }) },
};

type RouteProbe = { method: 'POST' | 'PUT'; path: (ids: Ids) => string; data: unknown };
const ROUTES: Record<string, { allowed: Caller[]; probe?: RouteProbe }> = {
  'app/api/auth/[...all]/route.ts POST': { allowed: EVERYONE },
  'app/api/documents/route.ts POST': {
    allowed: REVIEWERS,
    probe: {
      method: 'POST',
      path: () => '/api/documents',
      data: { title: 'Matrix', text: 'Probe.\n\nA probe claim.', format: 'TEXT' },
    },
  },
  // The save, a route handler with the same guard as every other.
  'app/api/claims/[id]/assessment/route.ts PUT': {
    allowed: REVIEWERS,
    probe: {
      method: 'PUT',
      path: (ids) => `/api/claims/${ids.claimId}/assessment`,
      data: {
        verdict: 'SUPPORTED',
        evidenceLevel: 'LEVEL_2',
        certainty: 'MODERATE',
        downgradeReasons: ['IMPRECISION'],
        rationale: 'access matrix rationale',
        version: 0,
      },
    },
  },
};

// The pages a role may not use, and the reason each gives a role refused it (with a 403, not a 404).
const PAGES: Record<string, { allowed: Caller[]; heading: string; refusal: string }> = {
  '/documents/new': {
    allowed: REVIEWERS,
    heading: 'Import a document',
    refusal: 'does not allow importing documents',
  },
  '/admin/users': { allowed: ADMINS, heading: 'Users', refusal: 'does not allow managing users' },
};

const root = path.resolve(import.meta.dirname, '../..');

function manifestActions() {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8'),
  );
  return Object.entries(
    manifest.node as Record<string, { exportedName: string; workers: Record<string, unknown> }>,
  ).map(([id, entry]) => ({
    id,
    name: entry.exportedName,
    page: Object.keys(entry.workers)[0] ?? 'app/page',
  }));
}

function mutatingRoutes(dir = path.join(root, 'app')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return mutatingRoutes(full);
    if (entry.name !== 'route.ts') return [];
    const source = fs.readFileSync(full, 'utf8');
    return ['POST', 'PUT', 'PATCH', 'DELETE']
      .filter((m) => new RegExp(`export (async )?function ${m}\\b`).test(source))
      .map((m) => `${path.relative(root, full)} ${m}`);
  });
}

async function contextFor(caller: Caller, baseURL: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  if (caller === 'anonymous') return context;
  const { email, password } = ACCOUNTS[caller];
  const response = await context.post('/api/auth/sign-in/email', { data: { email, password } });
  expect(response.status(), `${caller} signs in`).toBe(200);
  return context;
}

test('every Server Action and mutating route is in the access matrix', () => {
  const missing = manifestActions()
    .map((a) => a.name)
    .filter((name) => !(name in ACTIONS));
  expect(missing, 'add these actions to ACTIONS in tests/e2e/access-matrix.spec.ts').toEqual([]);
  const missingRoutes = mutatingRoutes().filter((r) => !(r in ROUTES));
  expect(missingRoutes, 'add these routes to ROUTES in tests/e2e/access-matrix.spec.ts').toEqual([]);
});

/** The sample document and its last claim, so the matrix's writes do not meet the other tests' claims. */
async function sampleIds(admin: APIRequestContext): Promise<Ids> {
  const documents = await (await admin.get('/')).text();
  const documentId = /\/documents\/([0-9a-f-]{36})/.exec(documents)?.[1] as string;
  const review = await (await admin.get(`/documents/${documentId}/export?format=json`)).json();
  return { documentId, claimId: review.claims.at(-1).id };
}

test('each Server Action allows exactly the roles in the matrix', async ({ baseURL }) => {
  const admin = await contextFor('admin', baseURL as string);
  const ids = await sampleIds(admin);
  const { documentId } = ids;

  for (const action of manifestActions()) {
    const rule = ACTIONS[action.name];
    if (!rule) continue;
    const page = `/${action.page.replace(/^app\/?/, '').replace(/\/?page$/, '')}`.replace('[id]', documentId);
    for (const caller of CALLERS) {
      const context = await contextFor(caller, baseURL as string);
      const headers: Record<string, string> = {
        'Next-Action': action.id,
        'Content-Type': 'text/plain;charset=UTF-8',
        Accept: 'text/x-component',
        Origin: baseURL as string,
      };
      // A forged cookie gets an anonymous caller past the proxy's early redirect, so the action's own check is
      // what answers.
      if (caller === 'anonymous') headers.Cookie = 'better-auth.session_token=forged.value';
      const response = await context.post(page, {
        headers,
        data: JSON.stringify([rule.input(ids)]),
        maxRedirects: 0,
      });
      const body = await response.text();
      const denied = /"code":"(UNAUTHENTICATED|FORBIDDEN)"/.test(body);
      expect(response.status(), `${action.name} as ${caller}: ${body.slice(0, 200)}`).toBeLessThan(500);
      expect(
        denied,
        `${action.name} as ${caller} should be ${rule.allowed.includes(caller) ? 'allowed' : 'denied'}`,
      ).toBe(!rule.allowed.includes(caller));
      await context.dispose();
    }
  }

  // The viewer's and the anonymous caller's attempts wrote nothing.
  const after = await (await admin.get(`/documents/${documentId}/export?format=json`)).json();
  const claim = after.claims.find((c: { id: string }) => c.id === ids.claimId);
  const writers = [
    ...claim.assessments.map((a: { reviewer: string }) => a.reviewer),
    ...claim.comments.map((c: { author: string }) => c.author),
  ];
  expect(new Set(writers)).toEqual(new Set([ACCOUNTS.reviewer.name, ACCOUNTS.admin.name]));
});

test('each mutating route allows exactly the roles in the matrix', async ({ baseURL }) => {
  const ids = await sampleIds(await contextFor('admin', baseURL as string));
  for (const [route, rule] of Object.entries(ROUTES)) {
    if (!rule.probe) continue;
    for (const caller of CALLERS) {
      const context = await contextFor(caller, baseURL as string);
      const response = await context.fetch(rule.probe.path(ids), {
        method: rule.probe.method,
        data: rule.probe.data,
        headers: { Origin: baseURL as string },
      });
      const status = response.status();
      const denied = caller === 'anonymous' ? 401 : 403;
      const label = `${route} as ${caller}: ${status} ${(await response.text()).slice(0, 200)}`;
      // Allowed means let in: a stale version (409) on a second run is still the route's own answer.
      if (rule.allowed.includes(caller))
        expect(status === 401 || status === 403 || status >= 500, label).toBe(false);
      else expect(status, label).toBe(denied);
      await context.dispose();
    }
  }
});

test('a page the role may not use answers 403 and says so; a signed-out caller is sent to sign in', async ({
  baseURL,
}) => {
  for (const [page, rule] of Object.entries(PAGES)) {
    for (const caller of CALLERS) {
      const context = await contextFor(caller, baseURL as string);
      const response = await context.get(page, { maxRedirects: 0 });
      const status = response.status();
      const body = await response.text();
      const label = `${page} as ${caller}: ${status}`;
      if (caller === 'anonymous') {
        expect(status, label).toBe(307);
        expect(response.headers().location, label).toContain(`/login?next=${encodeURIComponent(page)}`);
      } else if (rule.allowed.includes(caller)) {
        expect(status, label).toBe(200);
        expect(body, label).toMatch(new RegExp(`<h1[^>]*>${rule.heading}</h1>`));
      } else {
        // The page's own content is not sent. (Next.js sends forbidden.tsx with every page of its segment, so
        // the refusal's words are in an allowed page's payload too; the browser test sees which one shows.)
        expect(status, label).toBe(403);
        expect(body, label).not.toMatch(new RegExp(`<h1[^>]*>${rule.heading}</h1>`));
        expect(body, label).toContain('Not allowed for your role');
        expect(body, label).toContain(`Your role (${ACCOUNTS[caller].role.toLowerCase()}) ${rule.refusal}`);
      }
      await context.dispose();
    }
  }
});

test('mutating routes answer 401 to a signed-out caller and refuse a cross-site origin', async ({
  baseURL,
}) => {
  const anonymous = await contextFor('anonymous', baseURL as string);
  const signOut = await anonymous.post('/api/auth/sign-out', { headers: { Origin: 'https://evil.example' } });
  expect(signOut.status()).toBe(403);
  const exportResponse = await anonymous.get(
    '/documents/00000000-0000-7000-8000-000000000000/export?format=json',
  );
  expect(exportResponse.status()).toBe(401);
  expect(await exportResponse.json()).toMatchObject({
    ok: false,
    code: 'UNAUTHENTICATED',
    message: 'Sign in to continue.',
  });
});
