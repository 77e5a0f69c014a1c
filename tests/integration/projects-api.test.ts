import { beforeAll, describe, expect, it } from 'vitest';
import { POST as importRoute, GET as listDocumentsRoute } from '@/app/api/projects/[id]/documents/route';
import { GET as listProjectsRoute } from '@/app/api/projects/route';
import { prisma } from '@/lib/db/prisma';
import { listProjects } from '@/lib/projects/list-projects';
import { assess } from '@/tests/support/assess';
import { addMember, createDocument, createProject, createUser } from '@/tests/support/fixtures';
import { importedDocumentId } from '@/tests/support/imported-document';
import { signedIn } from '@/tests/support/signed-in';

// The dashboard's query and the JSON API for scripts, with two projects and callers in one, both or neither.
type Caller = Awaited<ReturnType<typeof signedIn>>;
let reviewer: Caller;
let viewer: Caller;
let admin: Caller;
let mine: { id: string; name: string };
let theirs: { id: string; name: string };
let mineDocumentId: string;
let blindDocumentId: string;

beforeAll(async () => {
  [reviewer, viewer, admin] = await Promise.all([
    signedIn('REVIEWER'),
    signedIn('VIEWER'),
    signedIn('ADMIN'),
  ]);
  [mine, theirs] = await Promise.all([createProject(), createProject()]);
  await addMember(mine.id, reviewer.user.id, 'REVIEWER');
  await addMember(mine.id, viewer.user.id, 'VIEWER');
  await addMember(theirs.id, viewer.user.id, 'VIEWER');
  // An open document of three claims: one supported, one in conflict, one unreviewed.
  const open = await createDocument(
    'Open one\n\nLDN may reduce fatigue. It is cheap. It cures everything.\n',
    {
      projectId: mine.id,
    },
  );
  mineDocumentId = open.id;
  const [ana, ben] = [
    await createUser('REVIEWER', { project: mine.id }),
    await createUser('REVIEWER', { project: mine.id }),
  ];
  await assess({ claimId: open.claims[0]!.id, reviewerId: ana.id, verdict: 'SUPPORTED' });
  await assess({ claimId: open.claims[1]!.id, reviewerId: ana.id, verdict: 'SUPPORTED' });
  await assess({ claimId: open.claims[1]!.id, reviewerId: ben.id, verdict: 'UNSUPPORTED' });
  // A blind document of two claims, one of them judged.
  const blind = await createDocument('Blind one\n\nLDN may help sleep. It is safe.\n', {
    projectId: mine.id,
  });
  blindDocumentId = blind.id;
  await prisma.document.update({ where: { id: blind.id }, data: { reviewMode: 'BLIND' } });
  await assess({ claimId: blind.claims[0]!.id, reviewerId: ana.id, verdict: 'UNSUPPORTED' });
  await createDocument('Theirs\n\nLDN may lift mood.\n', { projectId: theirs.id });
});

const request = (path: string, cookie: string | null, init: RequestInit = {}) =>
  new Request(`http://localhost:3000${path}`, {
    ...init,
    headers: { ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string>) },
  });
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const importBody = (title: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ title, text: `${title}\n\nLDN may reduce pain. It is cheap.\n`, format: 'TEXT' }),
});

describe('listProjects', () => {
  it("gives a member their projects only, with their role and the project's progress", async () => {
    const projects = await listProjects({ reader: reviewer.user });
    expect(projects.map((p) => p.id)).toContain(mine.id);
    expect(projects.map((p) => p.id)).not.toContain(theirs.id);
    expect(projects.every((p) => !p.adminView && p.projectRole !== null)).toBe(true);
    const project = projects.find((p) => p.id === mine.id);
    expect(project).toMatchObject({
      projectRole: 'REVIEWER',
      adminView: false,
      documents: 2,
      total: 5,
      reviewed: 3,
    });
    // Blind review keeps the blind document's verdicts from a reviewer: the mix is the open document's alone.
    expect(project?.verdictMix).toEqual({
      total: 3,
      reviewed: 2,
      supported: 1,
      speculative: 0,
      unsupported: 0,
      inReview: 0,
      conflicts: 1,
    });
    expect(project?.blindDocuments).toBe(1);
  });

  it('gives a viewer, who judges nothing, the whole mix', async () => {
    const projects = await listProjects({ reader: viewer.user });
    const project = projects.find((p) => p.id === mine.id);
    expect(project).toMatchObject({ projectRole: 'VIEWER', blindDocuments: 0 });
    expect(project?.verdictMix).toMatchObject({
      total: 5,
      reviewed: 3,
      supported: 1,
      unsupported: 1,
      conflicts: 1,
    });
    expect(projects.find((p) => p.id === theirs.id)).toMatchObject({ documents: 1, total: 1, reviewed: 0 });
  });

  it('gives an instance admin the projects they are not in, after their own and marked as admin view', async () => {
    const projects = await listProjects({ reader: admin.user });
    const other = projects.find((p) => p.id === mine.id);
    expect(other).toMatchObject({ projectRole: null, adminView: true, documents: 2, total: 5, reviewed: 3 });
    expect(other?.verdictMix).toMatchObject({ supported: 1, unsupported: 1, conflicts: 1 });
    const firstAdminView = projects.findIndex((p) => p.adminView);
    expect(projects.slice(firstAdminView).every((p) => p.adminView)).toBe(true);
    expect(projects.slice(0, firstAdminView).some((p) => p.projectRole === 'LEAD')).toBe(true);
  });

  it('lists a project without documents with nothing to review, and none for a user in no project', async () => {
    const empty = await createProject();
    const loner = await createUser('REVIEWER', { project: null });
    expect(await listProjects({ reader: loner })).toEqual([]);
    await addMember(empty.id, loner.id, 'LEAD');
    expect(await listProjects({ reader: loner })).toEqual([
      expect.objectContaining({
        id: empty.id,
        projectRole: 'LEAD',
        documents: 0,
        total: 0,
        blindDocuments: 0,
      }),
    ]);
  });
});

describe('GET /api/projects', () => {
  it("answers the caller's projects, and 401 when signed out", async () => {
    const response = await listProjectsRoute(request('/api/projects', reviewer.cookie));
    expect(response.status).toBe(200);
    const { projects } = (await response.json()) as { projects: Array<{ id: string; projectRole: string }> };
    expect(projects.map((p) => p.id)).toContain(mine.id);
    expect(projects.map((p) => p.id)).not.toContain(theirs.id);
    expect((await listProjectsRoute(request('/api/projects', null))).status).toBe(401);
  });
});

describe('GET /api/projects/{id}/documents', () => {
  it("answers a member the project's documents, a non-member 404 and a signed-out caller 401", async () => {
    const path = `/api/projects/${mine.id}/documents`;
    const response = await listDocumentsRoute(request(path, reviewer.cookie), params(mine.id));
    expect(response.status).toBe(200);
    const { documents } = (await response.json()) as {
      documents: Array<{ id: string; projectId: string; verdictMix: unknown }>;
    };
    expect(documents.map((d) => d.id).sort()).toEqual([mineDocumentId, blindDocumentId].sort());
    expect(documents.find((d) => d.id === blindDocumentId)?.verdictMix).toBeNull();

    const theirsPath = `/api/projects/${theirs.id}/documents`;
    const refused = await listDocumentsRoute(request(theirsPath, reviewer.cookie), params(theirs.id));
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await listDocumentsRoute(request(path, null), params(mine.id))).status).toBe(401);
  });

  it("answers an instance admin a project's documents in admin view", async () => {
    const response = await listDocumentsRoute(
      request(`/api/projects/${mine.id}/documents`, admin.cookie),
      params(mine.id),
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { documents: unknown[] }).documents).toHaveLength(2);
  });
});

describe('POST /api/projects/{id}/documents', () => {
  it('imports into the project named, for a reviewer there', async () => {
    const title = `Into mine ${Date.now()}`;
    const response = await importRoute(
      request(`/api/projects/${mine.id}/documents`, reviewer.cookie, importBody(title)),
      params(mine.id),
    );
    const id = await importedDocumentId(response, reviewer.cookie);
    expect(await prisma.document.findUniqueOrThrow({ where: { id } })).toMatchObject({
      title,
      projectId: mine.id,
    });
  });

  it('refuses a viewer member with 403, a non-member with 404, a signed-out caller with 401; none writes', async () => {
    const title = `Refused ${Date.now()}`;
    const viewerAnswer = await importRoute(
      request(`/api/projects/${mine.id}/documents`, viewer.cookie, importBody(title)),
      params(mine.id),
    );
    expect(viewerAnswer.status).toBe(403);
    const outsider = await importRoute(
      request(`/api/projects/${theirs.id}/documents`, reviewer.cookie, importBody(title)),
      params(theirs.id),
    );
    expect(outsider.status).toBe(404);
    const signedOut = await importRoute(
      request(`/api/projects/${mine.id}/documents`, null, importBody(title)),
      params(mine.id),
    );
    expect(signedOut.status).toBe(401);
    // An instance admin's admin view is read-only.
    const adminAnswer = await importRoute(
      request(`/api/projects/${mine.id}/documents`, admin.cookie, importBody(title)),
      params(mine.id),
    );
    expect(adminAnswer.status).toBe(403);
    expect(await prisma.document.count({ where: { title } })).toBe(0);
    expect(await prisma.importJob.count({ where: { fileName: title } })).toBe(0);
  });
});
