import { beforeAll, describe, expect, it } from 'vitest';
import { PUT } from '@/app/api/claims/[id]/assessment/route';
import { GET as getPanel } from '@/app/api/claims/[id]/route';
import { GET as getExport } from '@/app/documents/[id]/export/route';
import { GET as getOriginal } from '@/app/documents/[id]/original/route';
import { requireProjectUser } from '@/lib/auth/guard';
import type { Permission } from '@/lib/auth/permissions';
import { addCitation } from '@/lib/citations/add-citation';
import { addComment } from '@/lib/comments/add-comment';
import { prisma } from '@/lib/db/prisma';
import { listDocuments } from '@/lib/documents/list-documents';
import { assess } from '@/tests/support/assess';
import { addMember, createDocument, createProject, createUser } from '@/tests/support/fixtures';
import { signedIn } from '@/tests/support/signed-in';

// Two projects whose documents have the same text, and users in only one of them: nothing of the other project
// reaches them, through any id they can name, and no export carries the other project's review.
const TEXT = 'Same words\n\nLDN may lift mood in depression. It is cheap.\n';
const base = 'http://localhost:3000';

let projectA: string;
let projectB: string;
let docA: Awaited<ReturnType<typeof createDocument>>;
let docB: Awaited<ReturnType<typeof createDocument>>;
let ids: { commentB: string; citationB: string; commentA: string; citationA: string };
let memberOfA: Awaited<ReturnType<typeof signedIn>>;
let leadOfA: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  projectA = (await createProject()).id;
  projectB = (await createProject()).id;
  docA = await createDocument(TEXT, { projectId: projectA });
  docB = await createDocument(TEXT, { projectId: projectB });
  memberOfA = await signedIn('REVIEWER', { project: projectA });
  // A lead by project role; an instance admin would see project B in the admin view (tested below).
  leadOfA = await signedIn('REVIEWER', { project: null });
  await addMember(projectA, leadOfA.user.id, 'LEAD');
  const reviewerOfB = await createUser('REVIEWER', { project: projectB });
  // Project B's review: an assessment, a comment and a citation that must never reach project A's readers.
  await assess({ claimId: docB.claims[0]!.id, reviewerId: reviewerOfB.id, verdict: 'UNSUPPORTED' });
  const commentB = await addComment({
    claimId: docB.claims[0]!.id,
    authorId: reviewerOfB.id,
    body: 'B only',
  });
  const citationB = await addCitation({
    claimId: docB.claims[0]!.id,
    userId: reviewerOfB.id,
    identifier: 'PMID 11111111',
    relation: 'CONTRADICTS',
  });
  await assess({ claimId: docA.claims[0]!.id, reviewerId: memberOfA.user.id, verdict: 'SUPPORTED' });
  const commentA = await addComment({
    claimId: docA.claims[0]!.id,
    authorId: memberOfA.user.id,
    body: 'A only',
  });
  const citationA = await addCitation({
    claimId: docA.claims[0]!.id,
    userId: memberOfA.user.id,
    identifier: 'PMID 22222222',
    relation: 'SUPPORTS',
  });
  ids = { commentB: commentB.id, citationB: citationB.id, commentA: commentA.id, citationA: citationA.id };
});

const request = (path: string, cookie: string, init: RequestInit = {}) =>
  new Request(`${base}${path}`, { ...init, headers: { ...init.headers, cookie } });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'allowed';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

describe('membership decides access', () => {
  const PERMISSIONS: Permission[] = [
    'document.read',
    'document.export',
    'assessment.record',
    'comment.add',
    'citation.add',
    'claim.edit',
    'claim.adjudicate',
    'document.manage',
    'project.manage',
  ];

  it('refuses every id of another project, alone or beside an id of the caller’s own, with "not found"', async () => {
    const outside = [
      { projectId: projectB },
      { documentId: docB.id },
      { claimId: docB.claims[0]!.id },
      { commentId: ids.commentB },
      { citationId: ids.citationB },
      { documentId: docA.id, claimId: docB.claims[0]!.id },
      { documentId: docA.id, commentId: ids.commentB },
      { documentId: docA.id, citationId: ids.citationB },
      { claimId: docA.claims[0]!.id, commentId: ids.commentB },
    ];
    for (const caller of [memberOfA, leadOfA]) {
      const req = request('/', caller.cookie);
      for (const scope of outside) {
        for (const permission of PERMISSIONS) {
          const code = await codeOf(requireProjectUser(permission, scope, { request: req }));
          // Beside an id of their own project, a role refused the permission there is refused first (403),
          // whatever the other id: that tells nothing of it.
          const ownFirst =
            'documentId' in scope ? scope.documentId === docA.id : scope.claimId === docA.claims[0]!.id;
          const refusedAtHome =
            ownFirst &&
            (await codeOf(requireProjectUser(permission, { documentId: docA.id }, { request: req }))) ===
              'FORBIDDEN';
          expect(code, `${caller.user.role} ${permission} ${JSON.stringify(scope)}`).toBe(
            refusedAtHome ? 'FORBIDDEN' : 'NOT_FOUND',
          );
        }
      }
      // The same calls on the caller's own project are let in (a reviewer is refused only what the role lacks).
      const own = await codeOf(
        requireProjectUser('comment.add', { documentId: docA.id, commentId: ids.commentA }, { request: req }),
      );
      expect(own).toBe('allowed');
    }
  });

  it('answers 404 from every route for a claim or document of another project', async () => {
    const { cookie } = memberOfA;
    const claimB = docB.claims[0]!.id;
    const responses = [
      await getPanel(request(`/api/claims/${claimB}`, cookie), { params: Promise.resolve({ id: claimB }) }),
      await PUT(
        request(`/api/claims/${claimB}/assessment`, cookie, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ verdict: 'SUPPORTED', evidenceLevel: null, version: 0 }),
        }),
        { params: Promise.resolve({ id: claimB }) },
      ),
      await getExport(request(`/documents/${docB.id}/export?format=json`, cookie), {
        params: Promise.resolve({ id: docB.id }),
      }),
      await getOriginal(request(`/documents/${docB.id}/original`, cookie), {
        params: Promise.resolve({ id: docB.id }),
      }),
    ];
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    const bodies = await Promise.all(responses.map((r) => r.text()));
    for (const body of bodies) expect(body).not.toMatch(/LDN may lift|B only|11111111/);
    expect(await prisma.assessment.count({ where: { claimId: claimB, reviewerId: memberOfA.user.id } })).toBe(
      0,
    );
  });

  it('lists only the documents of the caller’s projects', async () => {
    const listed = await listDocuments({ reader: memberOfA.user });
    expect(listed.map((d) => d.id)).toContain(docA.id);
    expect(listed.map((d) => d.id)).not.toContain(docB.id);
  });

  it('loses access at once when removed from the project, with the same session', async () => {
    const member = await signedIn('REVIEWER', { project: projectA });
    const claimA = docA.claims[1]!.id;
    const panel = () =>
      getPanel(request(`/api/claims/${claimA}`, member.cookie), { params: Promise.resolve({ id: claimA }) });
    expect((await panel()).status).toBe(200);
    await prisma.projectMember.delete({
      where: { projectId_userId: { projectId: projectA, userId: member.user.id } },
    });
    expect((await panel()).status).toBe(404);
  });
});

describe('exports of a project carry nothing of another project whose claims have the same text', () => {
  for (const format of ['json', 'annotations', 'md', 'csv', 'jsonld']) {
    it(`${format}`, async () => {
      const response = await getExport(
        request(`/documents/${docA.id}/export?format=${format}`, memberOfA.cookie),
        {
          params: Promise.resolve({ id: docA.id }),
        },
      );
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body).not.toContain(docB.id);
      expect(body).not.toContain(docB.claims[0]!.id);
      expect(body).not.toMatch(/B only|11111111|CONTRADICTS|contradicts/i);
      if (format === 'json') {
        const review = JSON.parse(body);
        expect(review.claims[0].assessments).toHaveLength(1);
        expect(review.claims[0].comments.map((c: { body: string }) => c.body)).toEqual(['A only']);
      }
    });
  }
});

describe('an instance admin who is not a member', () => {
  it('sees the project read-only, and each recorded visit is an audit event', async () => {
    const admin = await signedIn('ADMIN', { project: null });
    const req = request('/', admin.cookie);
    const { access } = await requireProjectUser(
      'document.read',
      { documentId: docB.id },
      { request: req, recordAdminView: true },
    );
    expect(access).toMatchObject({ adminView: true, projectRole: null, role: 'VIEWER' });
    expect(
      await codeOf(
        requireProjectUser('assessment.record', { claimId: docB.claims[0]!.id }, { request: req }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(requireProjectUser('project.manage', { projectId: projectB }, { request: req })),
    ).toBe('allowed');
    const events = await prisma.auditEvent.findMany({
      where: { actorId: admin.user.id, action: 'project.admin-viewed' },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityId: projectB, documentId: docB.id });
  });
});

describe('a project id beside a document id', () => {
  it('must be that document’s project, or the request is refused as not found', async () => {
    const req = request('/', leadOfA.cookie);
    const both = await codeOf(
      requireProjectUser('project.manage', { projectId: projectA, documentId: docA.id }, { request: req }),
    );
    expect(both).toBe('allowed');
    // A lead of A naming one of A's documents beside project B's id must not reach B.
    const mismatch = await codeOf(
      requireProjectUser('project.manage', { projectId: projectB, documentId: docA.id }, { request: req }),
    );
    expect(mismatch).toBe('NOT_FOUND');
  });
});
