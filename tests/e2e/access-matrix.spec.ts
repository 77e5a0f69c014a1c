// Every Server Action and every mutating route handler, called directly over HTTP as an attacker would, by
// each role, as a member of the project the ids belong to and as a non-member. The actions come from the build's
// own manifest, so a new action that is missing from the matrix fails this test until someone decides who may
// call it.
//
// The test accounts are members of the sample project (the admin its lead) and of no other (tests/e2e/serve.ts).
// As members, each role is allowed or refused as `allowed` says. As non-members, on the Sandbox project's ids,
// everyone is told "not found", except the instance admin, who sees every project to administer it: refused
// (403) for reviewing, allowed for what `adminView` says.
import fs from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, expect, request as playwrightRequest, test } from '@playwright/test';
import { ACCOUNTS, type AccountName } from './accounts';
import { SAMPLE_TITLE, SANDBOX_TITLE } from './sign-in';

type Caller = 'anonymous' | AccountName;
const CALLERS: Caller[] = ['anonymous', 'viewer', 'reviewer', 'admin'];
const EVERYONE: Caller[] = [...CALLERS];
const REVIEWERS: Caller[] = ['reviewer', 'admin'];
const ADMINS: Caller[] = ['admin'];
const SIGNED_IN: Caller[] = ['viewer', 'reviewer', 'admin'];

type Ids = { projectId: string; documentId: string; claimId: string };

type ActionRule = {
  allowed: Caller[];
  input: (ids: Ids) => unknown;
  /** Not inside a project (signing in, instance administration): no non-member pass. */
  instance?: true;
  /** What an instance admin who is not a member may do with it (a project's administration). */
  adminView?: 'allowed';
};

// Who may call what, and a valid input for each, so an allowed call really runs.
const ACTIONS: Record<string, ActionRule> = {
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
  // An orphan that exists nowhere: an allowed caller gets "not found" and no claim changes.
  attachOrphanClaimAction: {
    allowed: REVIEWERS,
    input: (ids) => ({ ...ids, claimId: crypto.randomUUID(), start: 0, end: 1, version: 1 }),
  },
  // A lead's (the admin leads the sample project), and part of a project's administration, so an instance
  // admin's too. A reviewer and an assignment that exist nowhere: an allowed caller gets a validation message
  // or "not found", and nothing changes.
  assignReviewAction: {
    allowed: ADMINS,
    adminView: 'allowed',
    input: (ids) => ({
      documentId: ids.documentId,
      reviewerId: crypto.randomUUID(),
      fromNumber: null,
      toNumber: null,
    }),
  },
  removeAssignmentAction: {
    allowed: ADMINS,
    adminView: 'allowed',
    input: (ids) => ({ documentId: ids.documentId, assignmentId: crypto.randomUUID() }),
  },
  // Signing in and out need no session by nature; they are public on purpose.
  signInAction: {
    allowed: EVERYONE,
    instance: true,
    // Real credentials: a wrong password answers UNAUTHENTICATED, which would read as a denial here.
    input: () => ({ email: ACCOUNTS.viewer.email, password: ACCOUNTS.viewer.password }),
  },
  signOutAction: { allowed: EVERYONE, instance: true, input: () => undefined },
  createUserAction: {
    allowed: ADMINS,
    instance: true,
    input: () => ({
      name: 'Access Matrix User',
      email: `matrix-${crypto.randomUUID()}@e2e.test`,
      role: 'VIEWER',
      password: 'access-matrix-password',
    }),
  },
  // A user id that exists nowhere: an allowed caller gets "not found", which is not a denial, and no real
  // account changes.
  // A new name each call, so an allowed caller really makes a project.
  createProjectAction: {
    allowed: ADMINS,
    instance: true,
    input: () => ({ name: `Access matrix ${crypto.randomUUID()}`, description: '' }),
  },
  changeRoleAction: {
    allowed: ADMINS,
    instance: true,
    input: () => ({ userId: crypto.randomUUID(), role: 'VIEWER' }),
  },
  setUserActiveAction: {
    allowed: ADMINS,
    instance: true,
    input: () => ({ userId: crypto.randomUUID(), active: false }),
  },
  // The project's members, managed by its lead (the admin account leads the sample project) or, in the admin
  // view, by an instance admin. An address or ids that exist nowhere answer "not found", so no membership
  // changes; an invitation to a made-up address is harmless.
  addMemberAction: {
    allowed: ADMINS,
    adminView: 'allowed',
    input: (ids) => ({
      projectId: ids.projectId,
      email: `matrix-nobody-${crypto.randomUUID()}@e2e.test`,
      role: 'REVIEWER',
    }),
  },
  changeMemberRoleAction: {
    allowed: ADMINS,
    adminView: 'allowed',
    input: (ids) => ({ projectId: ids.projectId, userId: crypto.randomUUID(), role: 'VIEWER' }),
  },
  removeMemberAction: {
    allowed: ADMINS,
    adminView: 'allowed',
    input: (ids) => ({ projectId: ids.projectId, userId: crypto.randomUUID() }),
  },
  inviteMemberAction: {
    allowed: ADMINS,
    adminView: 'allowed',
    input: (ids) => ({
      projectId: ids.projectId,
      email: `matrix-${crypto.randomUUID()}@e2e.test`,
      role: 'VIEWER',
    }),
  },
  revokeInvitationAction: {
    allowed: ADMINS,
    adminView: 'allowed',
    input: (ids) => ({ projectId: ids.projectId, invitationId: crypto.randomUUID() }),
  },
  // Public on purpose, like signing in: the invitee has no account yet, and the link's 32 random bytes are the
  // credential. A token that names no invitation answers "not found", and no account is made.
  signUpThroughInvitationAction: {
    allowed: EVERYONE,
    instance: true,
    input: () => ({ token: 'A'.repeat(43), name: 'Access Matrix', password: 'access-matrix-password' }),
  },
  // Any signed-in user, who is not a member yet; only the account with the invited address gets in.
  acceptInvitationAction: { allowed: SIGNED_IN, instance: true, input: () => ({ token: 'A'.repeat(43) }) },
  // Project settings (app/projects/[id]/settings). A version no project reaches: an allowed caller meets the
  // stale-edit refusal (409) after every check, and the project is left as it was.
  updateProjectDetailsAction: {
    allowed: ADMINS,
    adminView: 'allowed',
    input: (ids) => ({
      projectId: ids.projectId,
      expectedVersion: 2_000_000_000,
      name: 'Access matrix project',
      description: '',
    }),
  },
  setReviewersRequiredAction: {
    allowed: ADMINS,
    adminView: 'allowed',
    input: (ids) => ({ projectId: ids.projectId, expectedVersion: 2_000_000_000, reviewersRequired: 2 }),
  },
  setBlindByDefaultAction: {
    allowed: ADMINS,
    adminView: 'allowed',
    input: (ids) => ({ projectId: ids.projectId, expectedVersion: 2_000_000_000, blindByDefault: true }),
  },
  // A member id that exists nowhere: an allowed caller gets "not found" and no member changes.
  setMayAdjudicateAction: {
    allowed: ADMINS,
    adminView: 'allowed',
    input: (ids) => ({ projectId: ids.projectId, userId: crypto.randomUUID(), mayAdjudicate: true }),
  },
};

type RouteProbe = { method: 'POST' | 'PUT'; path: (ids: Ids) => string; data: unknown };
type RouteRule = { allowed: Caller[]; probe?: RouteProbe; instance?: true; adminView?: 'allowed' };
const ROUTES: Record<string, RouteRule> = {
  'app/api/auth/[...all]/route.ts POST': { allowed: EVERYONE, instance: true },
  // Into the caller's default project, whichever that is: no ids of a project to be a non-member of.
  'app/api/documents/route.ts POST': {
    allowed: REVIEWERS,
    instance: true,
    probe: {
      method: 'POST',
      path: () => '/api/documents',
      data: { title: 'Matrix', text: 'Probe.\n\nA probe claim.', format: 'TEXT' },
    },
  },
  // Into the project named: its leads and reviewers; a non-member is told it does not exist.
  'app/api/projects/[id]/documents/route.ts POST': {
    allowed: REVIEWERS,
    probe: {
      method: 'POST',
      path: (ids) => `/api/projects/${ids.projectId}/documents`,
      data: { title: 'Matrix', text: 'Probe.\n\nA probe claim.', format: 'TEXT' },
    },
  },
  // "I am on this claim": whoever may read the document, an instance admin reading another project too.
  'app/api/documents/[id]/presence/route.ts POST': {
    allowed: SIGNED_IN,
    adminView: 'allowed',
    probe: {
      method: 'POST',
      path: (ids) => `/api/documents/${ids.documentId}/presence`,
      data: { claimId: null },
    },
  },
  // A new version of the document: leads and reviewers. An empty text, so an allowed caller is told what to fix
  // (422) and the document stays as it was for the other probes.
  'app/api/documents/[id]/versions/route.ts POST': {
    allowed: REVIEWERS,
    probe: {
      method: 'POST',
      path: (ids) => `/api/documents/${ids.documentId}/versions`,
      data: { text: '', format: 'TEXT' },
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
  '/projects/new': { allowed: ADMINS, heading: 'New project', refusal: 'does not allow creating projects' },
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

// One signed-in context per caller for the whole file: a sign-in costs a password hash, and the matrix makes
// hundreds of calls. A call that ends its session (signing out) takes a fresh one.
const signedInContexts = new Map<Caller, Promise<APIRequestContext>>();

async function signedInContext(caller: Caller, baseURL: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  if (caller === 'anonymous') return context;
  const { email, password } = ACCOUNTS[caller];
  const response = await context.post('/api/auth/sign-in/email', { data: { email, password } });
  expect(response.status(), `${caller} signs in`).toBe(200);
  return context;
}

function contextFor(caller: Caller, baseURL: string, options: { fresh?: boolean } = {}) {
  // Signing in through the matrix would leave an anonymous context signed in: each anonymous call starts afresh.
  if (options.fresh || caller === 'anonymous') return signedInContext(caller, baseURL);
  let context = signedInContexts.get(caller);
  if (!context) {
    context = signedInContext(caller, baseURL);
    signedInContexts.set(caller, context);
  }
  return context;
}

test.afterAll(async () => {
  for (const context of signedInContexts.values()) await (await context).dispose();
  signedInContexts.clear();
});

test('every Server Action and mutating route is in the access matrix', () => {
  const missing = manifestActions()
    .map((a) => a.name)
    .filter((name) => !(name in ACTIONS));
  expect(missing, 'add these actions to ACTIONS in tests/e2e/access-matrix.spec.ts').toEqual([]);
  const missingRoutes = mutatingRoutes().filter((r) => !(r in ROUTES));
  expect(missingRoutes, 'add these routes to ROUTES in tests/e2e/access-matrix.spec.ts').toEqual([]);
});

/**
 * A document's ids by its title, found as a reader finds it: on the dashboard, or on one of the project pages it
 * links to. Its last claim, so the matrix's writes do not meet the other tests' claims.
 */
async function idsOf(admin: APIRequestContext, title: string): Promise<Ids> {
  const dashboard = await (await admin.get('/')).text();
  const pages = [dashboard];
  for (const [, projectId] of dashboard.matchAll(/href="\/projects\/([0-9a-f-]{36})"/g)) {
    pages.push(await (await admin.get(`/projects/${projectId}`)).text());
  }
  const link = new RegExp(`href="/documents/([0-9a-f-]{36})"[^>]*>${title.replace(/[?.]/g, '\\$&')}<`);
  const documentId = pages.map((html) => link.exec(html)?.[1]).find(Boolean) as string;
  expect(documentId, `a link to "${title}"`).toBeTruthy();
  const review = await (await admin.get(`/documents/${documentId}/export?format=json`)).json();
  // The workspace links back to its project.
  const workspace = await (await admin.get(`/documents/${documentId}`)).text();
  const projectId = /href="\/projects\/([0-9a-f-]{36})(?:\/members)?"/.exec(workspace)?.[1] as string;
  return { projectId, documentId, claimId: review.claims.at(-1).id };
}

/** The sample project's document, of which every test account is a member; and the Sandbox's, of which none is. */
async function matrixIds(baseURL: string): Promise<{ member: Ids; nonMember: Ids }> {
  const admin = await contextFor('admin', baseURL);
  const ids = { member: await idsOf(admin, SAMPLE_TITLE), nonMember: await idsOf(admin, SANDBOX_TITLE) };
  return ids;
}

/** What a caller who is not a member of the ids' project gets: signed out, not found, or the admin's view. */
function nonMemberAnswer(
  caller: Caller,
  rule: { adminView?: 'allowed' },
): 'UNAUTHENTICATED' | 'NOT_FOUND' | 'FORBIDDEN' | 'allowed' {
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  if (caller !== 'admin') return 'NOT_FOUND';
  return rule.adminView ?? 'FORBIDDEN';
}

test('each Server Action allows exactly the roles in the matrix, to members only', async ({ baseURL }) => {
  const { member, nonMember } = await matrixIds(baseURL as string);

  const call = async (action: ReturnType<typeof manifestActions>[number], caller: Caller, ids: Ids) => {
    const rule = ACTIONS[action.name] as ActionRule;
    const page = `/${action.page.replace(/^app\/?/, '').replace(/\/?page$/, '')}`
      .replace('projects/[id]', `projects/${ids.projectId}`)
      .replace('[id]', ids.documentId);
    const fresh = caller === 'anonymous' || action.name === 'signOutAction' || action.name === 'signInAction';
    const context = await contextFor(caller, baseURL as string, { fresh });
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
    if (fresh) await context.dispose();
    expect(response.status(), `${action.name} as ${caller}: ${body.slice(0, 200)}`).toBeLessThan(500);
    return /"code":"(UNAUTHENTICATED|FORBIDDEN|NOT_FOUND)"/.exec(body)?.[1] ?? 'allowed';
  };

  for (const action of manifestActions()) {
    const rule = ACTIONS[action.name];
    if (!rule) continue;
    for (const caller of CALLERS) {
      const answer = await call(action, caller, member);
      const denied = answer === 'UNAUTHENTICATED' || answer === 'FORBIDDEN';
      expect(
        denied,
        `${action.name} as ${caller} (member) should be ${rule.allowed.includes(caller) ? 'allowed' : 'denied'}: ${answer}`,
      ).toBe(!rule.allowed.includes(caller));
      if (rule.instance) continue;
      const expected = nonMemberAnswer(caller, rule);
      const outside = await call(action, caller, nonMember);
      // An allowed admin-view call may still meet "not found" for the made-up ids some inputs name.
      if (expected === 'allowed')
        expect(['allowed', 'NOT_FOUND'], `${action.name} as ${caller} (non-member)`).toContain(outside);
      else expect(outside, `${action.name} as ${caller} (non-member)`).toBe(expected);
    }
  }

  // The viewer's, the anonymous caller's and every non-member's attempts wrote nothing.
  const admin = await contextFor('admin', baseURL as string);
  const after = await (await admin.get(`/documents/${member.documentId}/export?format=json`)).json();
  const claim = after.claims.find((c: { id: string }) => c.id === member.claimId);
  const writers = [
    ...claim.assessments.map((a: { reviewer: string }) => a.reviewer),
    ...claim.comments.map((c: { author: string }) => c.author),
  ];
  expect(new Set(writers)).toEqual(new Set([ACCOUNTS.reviewer.name, ACCOUNTS.admin.name]));
  const sandbox = await (await admin.get(`/documents/${nonMember.documentId}/export?format=json`)).json();
  const untouched = sandbox.claims.find((c: { id: string }) => c.id === nonMember.claimId);
  expect([...untouched.assessments, ...untouched.comments, ...untouched.citations]).toEqual([]);
});

test('each mutating route allows exactly the roles in the matrix, to members only', async ({ baseURL }) => {
  const { member, nonMember } = await matrixIds(baseURL as string);
  for (const [route, rule] of Object.entries(ROUTES)) {
    if (!rule.probe) continue;
    for (const caller of CALLERS) {
      for (const [ids, inProject] of [
        [member, true],
        [nonMember, false],
      ] as const) {
        if (!inProject && rule.instance) continue;
        const context = await contextFor(caller, baseURL as string);
        const response = await context.fetch(rule.probe.path(ids), {
          method: rule.probe.method,
          data: rule.probe.data,
          headers: { Origin: baseURL as string },
        });
        const status = response.status();
        const label = `${route} as ${caller}${inProject ? '' : ' (non-member)'}: ${status} ${(await response.text()).slice(0, 200)}`;
        const expected = inProject
          ? rule.allowed.includes(caller)
            ? 'allowed'
            : caller === 'anonymous'
              ? 401
              : 403
          : { UNAUTHENTICATED: 401, NOT_FOUND: 404, FORBIDDEN: 403, allowed: 'allowed' }[
              nonMemberAnswer(caller, rule)
            ];
        // Allowed means let in: a stale version (409) on a second run is still the route's own answer.
        if (expected === 'allowed')
          expect(status === 401 || status === 403 || status >= 500, label).toBe(false);
        else expect(status, label).toBe(expected);
      }
    }
  }
});

test('a non-member is told "not found" for every page and read of a project; an admin sees it, marked and audited', async ({
  baseURL,
}) => {
  const { nonMember } = await matrixIds(baseURL as string);
  const reads = [
    `/documents/${nonMember.documentId}`,
    `/documents/${nonMember.documentId}/summary`,
    `/documents/${nonMember.documentId}/export?format=json`,
    `/documents/${nonMember.documentId}/export?format=annotations`,
    `/api/claims/${nonMember.claimId}`,
  ];
  for (const caller of ['viewer', 'reviewer', 'admin'] as const) {
    const context = await contextFor(caller, baseURL as string);
    for (const path of reads) {
      const response = await context.get(path, { maxRedirects: 0 });
      const body = await response.text();
      const label = `${path} as ${caller}: ${response.status()}`;
      expect(response.status(), label).toBe(caller === 'admin' ? 200 : 404);
      // Nothing of the Sandbox's document reaches a non-member.
      if (caller !== 'admin') expect(body, label).not.toMatch(/litres|Sandbox/);
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
        expect(body, label).toContain(rule.refusal);
      }
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
