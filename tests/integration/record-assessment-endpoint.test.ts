import { beforeAll, describe, expect, it } from 'vitest';
import { PUT } from '@/app/api/claims/[id]/assessment/route';
import { SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS } from '@/lib/auth/session-policy';
import { prisma } from '@/lib/db/prisma';
import { assess } from '@/tests/support/assess';
import { createDocument, createUser } from '@/tests/support/fixtures';
import { signedIn } from '@/tests/support/signed-in';

// The save's route handler, called with real Requests that carry real session cookies.
const base = 'http://localhost:3000';
let reviewer: Awaited<ReturnType<typeof signedIn>>;
let viewer: Awaited<ReturnType<typeof signedIn>>;
let claimIds: string[];

beforeAll(async () => {
  reviewer = await signedIn('REVIEWER');
  viewer = await signedIn('VIEWER');
  const document = await createDocument(
    'Endpoint\n\nLDN may lift mood. It is cheap. It is safe. It is new. It is well tolerated.\n',
  );
  claimIds = document.claims.map((c) => c.id);
});

const ASSESSMENT = {
  verdict: 'SUPPORTED',
  evidenceLevel: 'LEVEL_2',
  certainty: 'MODERATE',
  downgradeReasons: ['IMPRECISION'],
  rationale: 'One small trial.',
  version: 0,
};

function put(
  claimId: string,
  options: { cookie?: string | null; body?: string; headers?: Record<string, string> } = {},
) {
  const cookie = options.cookie === undefined ? reviewer.cookie : options.cookie;
  const request = new Request(`${base}/api/claims/${encodeURIComponent(claimId)}/assessment`, {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/json',
      Host: 'localhost:3000',
      Origin: base,
      ...(cookie ? { Cookie: cookie } : {}),
      ...options.headers,
    },
    body: options.body ?? JSON.stringify(ASSESSMENT),
  });
  return PUT(request, { params: Promise.resolve({ id: claimId }) });
}

describe('PUT /api/claims/[id]/assessment', () => {
  it('saves my assessment and answers with it, the new version and the consensus', async () => {
    const response = await put(claimIds[0]!);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({
      ok: true,
      data: {
        ...ASSESSMENT,
        version: 1,
        consensus: { state: 'AGREED', verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2' },
      },
    });
    const saved = await prisma.assessment.findFirstOrThrow({
      where: { claimId: claimIds[0]!, reviewerId: reviewer.user.id },
    });
    expect(saved).toMatchObject({ verdict: 'SUPPORTED', rationale: 'One small trial.', version: 1 });
  });

  it('answers 409 with the other save next to mine, and keeps the newer one', async () => {
    // Two tabs of one reviewer, both opened at version 0: the second save is stale, and the newer version is
    // the reviewer's own, so the message says so rather than blaming someone else.
    const claimId = claimIds[1]!;
    expect((await put(claimId)).status).toBe(200);
    const stale = await put(claimId, { body: JSON.stringify({ ...ASSESSMENT, verdict: 'UNSUPPORTED' }) });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringMatching(/^You changed this assessment in another tab, window or device/),
      details: { current: { verdict: 'SUPPORTED' } },
    });
    expect(body.message).not.toMatch(/someone else/);
    const row = await prisma.assessment.findFirstOrThrow({
      where: { claimId, reviewerId: reviewer.user.id },
    });
    expect(body.details.current.updatedAt).toBe(row.updatedAt.toISOString());
    expect(row.verdict).toBe('SUPPORTED');
  });

  it('hides the consensus from a blind reviewer who saves no verdict', async () => {
    const document = await createDocument('Blind endpoint\n\nLDN may help sleep.\n');
    await prisma.document.update({ where: { id: document.id }, data: { reviewMode: 'BLIND' } });
    const other = await createUser();
    await assess({ claimId: document.claims[0]!.id, reviewerId: other.id, verdict: 'UNSUPPORTED' });
    const response = await put(document.claims[0]!.id, {
      body: JSON.stringify({ ...ASSESSMENT, verdict: null, downgradeReasons: [], certainty: null }),
    });
    expect(await response.json()).toMatchObject({
      ok: true,
      data: { verdict: null, consensus: { state: 'UNREVIEWED', verdict: null, evidenceLevel: null } },
    });
  });

  it('refuses callers without a session, viewers and other sites, before reading the body', async () => {
    for (const cookie of [null, 'better-auth.session_token=forged.c2lnbmF0dXJl']) {
      const response = await put(claimIds[2]!, { cookie, body: 'not json' });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    }
    const asViewer = await put(claimIds[2]!, { cookie: viewer.cookie });
    expect(asViewer.status).toBe(403);
    expect(await asViewer.json()).toMatchObject({ code: 'FORBIDDEN', message: /role does not allow/ });
    const crossSite = await put(claimIds[2]!, { headers: { Origin: 'https://elsewhere.example' } });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ message: 'Cross-site requests are not accepted.' });
    expect(await prisma.assessment.count({ where: { claimId: claimIds[2]! } })).toBe(0);
  });

  it('says what to fix in a body that is not an assessment', async () => {
    const tooLarge = await put(claimIds[2]!, {
      body: JSON.stringify({ ...ASSESSMENT, rationale: 'x'.repeat(40_000) }),
    });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ ok: false, code: 'TOO_LARGE', message: /at most 32 KB/ });
    const cases: Array<[Parameters<typeof put>[1], RegExp | Record<string, string>]> = [
      [{ body: '{"verdict":' }, /not valid JSON/],
      [{ headers: { 'Content-Type': 'text/plain' } }, /Content-Type: application\/json/],
      [
        { body: JSON.stringify({ ...ASSESSMENT, verdict: 'TRUE', evidenceLevel: 7, version: 'one' }) },
        {
          verdict: 'Choose supported, speculative or unsupported.',
          evidenceLevel: 'Choose a CEBM level from 1 to 5, or none.',
          version: 'Reload the page: the form is missing its version.',
        },
      ],
    ];
    for (const [options, expected] of cases) {
      const response = await put(claimIds[2]!, options);
      expect(response.status).toBe(422);
      const body = await response.json();
      expect(body).toMatchObject({ ok: false, code: 'VALIDATION' });
      if (expected instanceof RegExp) expect(body.message).toMatch(expected);
      else expect(body.fieldErrors).toEqual(expected);
    }
    expect(await prisma.assessment.count({ where: { claimId: claimIds[2]! } })).toBe(0);
  });

  it('answers 404 for a claim that does not exist or is not an id', async () => {
    for (const id of ['00000000-0000-7000-8000-000000000000', 'not-a-claim', '%E0%A4%A']) {
      const response = await put(id);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
  });

  it('extends a session due for its extension', async () => {
    const due = await signedIn('REVIEWER');
    // Last extended just over the refresh interval ago.
    const expiresAt = new Date(Date.now() + (SESSION_IDLE_SECONDS - SESSION_REFRESH_SECONDS - 60) * 1000);
    await prisma.session.updateMany({ where: { userId: due.user.id }, data: { expiresAt } });
    const response = await put(claimIds[3]!, { cookie: due.cookie });
    // Outside a request Next.js serves, Better Auth's nextCookies plugin has no response to set the new cookie on;
    // the e2e access matrix goes through Next.js.
    expect(response.status).toBe(200);
    const session = await prisma.session.findFirstOrThrow({ where: { userId: due.user.id } });
    expect(session.expiresAt.getTime()).toBeGreaterThan(expiresAt.getTime());
  });
});
