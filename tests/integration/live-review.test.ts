import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as openEvents } from '@/app/api/documents/[id]/events/route';
import { POST as announcePresence } from '@/app/api/documents/[id]/presence/route';
import { GET as openEverything } from '@/app/api/events/route';
import { recordAssessment } from '@/lib/assessments/record-assessment';
import { addComment } from '@/lib/comments/add-comment';
import { prisma } from '@/lib/db/prisma';
import { liveChangesFrom } from '@/lib/live/review-changes';
import { removeProjectMember } from '@/lib/projects/remove-project-member';
import { createDocument, createProject } from '@/tests/support/fixtures';
import { signedIn } from '@/tests/support/signed-in';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const verdict = { evidenceLevel: null, certainty: null, downgradeReasons: [], rationale: null };

describe('announcements of review changes', () => {
  const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  afterAll(() => listener.end());

  it('a committed change is announced with its rows named, never its content; a rolled-back one not at all', async () => {
    const heard: Array<Record<string, unknown>> = [];
    await listener.connect();
    listener.on('notification', (n) => heard.push(JSON.parse(n.payload ?? '{}')));
    await listener.query('LISTEN review_changes');
    const project = await createProject();
    const { user } = await signedIn('REVIEWER', { project: project.id });
    const { id: documentId, claims } = await createDocument(undefined, { projectId: project.id });
    const claimId = claims[0]!.id;
    const reviewer = { id: user.id, role: user.role };

    await recordAssessment({ claimId, reviewer, verdict: 'SUPPORTED', ...verdict, expectedVersion: 0 });
    await sleep(300);
    const mine = heard.filter((h) => h.documentId === documentId);
    expect(mine).toEqual([
      // The fixture's import is announced too, for the dashboard.
      { documentId, claimId: null, action: 'document.imported', actorId: null },
      { documentId, claimId, action: 'assessment.created', actorId: user.id },
      { documentId, claimId, action: 'consensus.changed', actorId: user.id },
    ]);

    // A stale save writes its audit event, then rolls back with it.
    await expect(
      recordAssessment({ claimId, reviewer, verdict: 'UNSUPPORTED', ...verdict, expectedVersion: 0 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await sleep(300);
    expect(heard.filter((h) => h.documentId === documentId)).toHaveLength(3);
  });
});

/** Reads a Server-Sent Events stream into events as they come. */
function eventsOf(response: Response) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: Array<{ event: string; id?: string; data: Record<string, unknown> }> = [];
  let buffer = '';
  let ended = false;
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut = buffer.indexOf('\n\n');
      while (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        const id = /^id: (.*)$/m.exec(block)?.[1];
        if (event) events.push({ event, id, data: JSON.parse(data ?? '{}') });
        cut = buffer.indexOf('\n\n');
      }
    }
    ended = true;
  })();
  return {
    events,
    ended: () => ended,
    /** Waits up to 5 s for `count` events in all. */
    until: async (count: number) => {
      for (let waited = 0; events.length < count && waited < 5_000; waited += 50) await sleep(50);
      return events;
    },
    close: () => reader.cancel(),
  };
}

describe('GET /api/documents/{id}/events', () => {
  it('tells a member who changed which claim; under blind review, nothing of others’ judgements of a claim they have not judged; a removed member is cut off', async () => {
    const project = await createProject();
    const watcher = await signedIn('REVIEWER', { project: project.id });
    const { user: actor } = await signedIn('REVIEWER', { project: project.id });
    const { user: lead } = await signedIn('ADMIN', { project: project.id });
    const { id: documentId, claims } = await createDocument(
      'A test article\n\nLDN may reduce fatigue. It is cheap. Doses are 4.5 mg.\n',
      { projectId: project.id },
    );
    const [first, second] = [claims[0]!, claims[1]!];
    const controller = new AbortController();
    const response = await openEvents(
      new Request(`http://localhost:3000/api/documents/${documentId}/events`, {
        headers: { Cookie: watcher.cookie },
        signal: controller.signal,
      }),
      { params: Promise.resolve({ id: documentId }) },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const stream = eventsOf(response);
    await sleep(300);

    const reviewer = { id: actor.id, role: actor.role };
    await recordAssessment({
      claimId: first.id,
      reviewer,
      verdict: 'SUPPORTED',
      ...verdict,
      expectedVersion: 0,
    });
    const heard = await stream.until(2);
    expect(heard.map((e) => e.event)).toEqual(['change', 'change']);
    expect(heard[0]!.data).toEqual({
      claimId: first.id,
      claimNumber: first.number,
      action: 'assessment.created',
      actorName: actor.name,
      mine: false,
    });
    expect(JSON.stringify(heard)).not.toContain('SUPPORTED');

    // Blind: the watcher has judged neither claim, so another reviewer's assessment of the second is not told;
    // the comment after it is, which shows the stream went on.
    await prisma.document.update({ where: { id: documentId }, data: { reviewMode: 'BLIND' } });
    await recordAssessment({
      claimId: second.id,
      reviewer,
      verdict: 'UNSUPPORTED',
      ...verdict,
      expectedVersion: 0,
    });
    await addComment({ claimId: second.id, authorId: actor.id, body: 'Which trial?', parentId: null });
    const afterBlind = (await stream.until(3)).slice(2);
    expect(afterBlind.map((e) => [e.event, e.data.action])).toEqual([['change', 'comment.added']]);

    await removeProjectMember({ projectId: project.id, userId: watcher.user.id, actorId: lead.id });
    await addComment({ claimId: first.id, authorId: actor.id, body: 'Still there?', parentId: null });
    const last = await stream.until(4);
    expect(last.at(-1)?.event).toBe('end');
    for (let waited = 0; !stream.ended() && waited < 2_000; waited += 50) await sleep(50);
    expect(stream.ended(), 'the stream closes').toBe(true);
    controller.abort();
  });

  it('checks each event for every reader of the document: one whose session expired gets `end`, the others go on, each under the blind rule', async () => {
    const project = await createProject();
    const { id: documentId, claims } = await createDocument(undefined, { projectId: project.id });
    const claimId = claims[0]!.id;
    const judged = await signedIn('REVIEWER', { project: project.id });
    const unjudged = await signedIn('REVIEWER', { project: project.id });
    const expiring = await signedIn('REVIEWER', { project: project.id });
    const { user: actor } = await signedIn('REVIEWER', { project: project.id });
    await recordAssessment({
      claimId,
      reviewer: { id: judged.user.id, role: 'REVIEWER' },
      verdict: 'SUPPORTED',
      ...verdict,
      expectedVersion: 0,
    });
    await prisma.document.update({ where: { id: documentId }, data: { reviewMode: 'BLIND' } });
    const controller = new AbortController();
    const open = async (cookie: string) =>
      eventsOf(
        await openEvents(
          new Request(`http://localhost:3000/api/documents/${documentId}/events`, {
            headers: { Cookie: cookie },
            signal: controller.signal,
          }),
          { params: Promise.resolve({ id: documentId }) },
        ),
      );
    const [forJudged, forUnjudged, forExpiring] = [
      await open(judged.cookie),
      await open(unjudged.cookie),
      await open(expiring.cookie),
    ];
    await sleep(300);
    const session = expiring.cookie.split('=')[1]!;
    await prisma.session.update({
      where: { token: decodeURIComponent(session).split('.')[0] },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });

    await recordAssessment({
      claimId,
      reviewer: { id: actor.id, role: 'REVIEWER' },
      verdict: 'UNSUPPORTED',
      ...verdict,
      expectedVersion: 0,
    });
    await addComment({ claimId, authorId: actor.id, body: 'Which trial?', parentId: null });
    await forUnjudged.until(1);
    await forJudged.until(3);
    const actions = (stream: typeof forJudged) => stream.events.map((e) => e.data.action ?? e.event);
    expect(actions(forJudged)).toEqual(['assessment.created', 'consensus.changed', 'comment.added']);
    expect(actions(forUnjudged)).toEqual(['comment.added']);
    expect(actions(forExpiring)).toEqual(['end']);
    for (let waited = 0; !forExpiring.ended() && waited < 2_000; waited += 50) await sleep(50);
    expect(forExpiring.ended(), 'the expired reader’s stream closes').toBe(true);
    expect(forJudged.ended()).toBe(false);
    controller.abort();
  });

  it('a reader who reconnects with Last-Event-ID is handed, checked, the changes made since; an unknown id gets a resync', async () => {
    const project = await createProject();
    const { id: documentId, claims } = await createDocument(undefined, { projectId: project.id });
    const claimId = claims[0]!.id;
    const watcher = await signedIn('REVIEWER', { project: project.id });
    const { user: actor } = await signedIn('REVIEWER', { project: project.id });
    const open = async (lastEventId?: string) =>
      eventsOf(
        await openEvents(
          new Request(`http://localhost:3000/api/documents/${documentId}/events`, {
            headers: { Cookie: watcher.cookie, ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
          }),
          { params: Promise.resolve({ id: documentId }) },
        ),
      );
    const first = await open();
    await sleep(300);
    await addComment({ claimId, authorId: actor.id, body: 'First', parentId: null });
    const [seen] = await first.until(1);
    await first.close();
    await addComment({ claimId, authorId: actor.id, body: 'Second', parentId: null });
    await addComment({ claimId, authorId: actor.id, body: 'Third', parentId: null });
    await sleep(300);

    const resumed = await open(seen!.id);
    const missed = await resumed.until(2);
    expect(missed.map((e) => [e.event, e.data.action])).toEqual([
      ['change', 'comment.added'],
      ['change', 'comment.added'],
    ]);
    expect(missed.map((e) => e.id)).not.toContain(seen!.id);
    await resumed.close();

    const stranger = await open('another-instance:7');
    expect((await stranger.until(1)).map((e) => e.event)).toEqual(['resync']);
    await stranger.close();
  });

  it('answers 404 to a non-member and 401 to no session, before any stream opens', async () => {
    const project = await createProject();
    const { id: documentId } = await createDocument(undefined, { projectId: project.id });
    const outsider = await signedIn('REVIEWER', { project: null });
    const open = (cookie?: string) =>
      openEvents(
        new Request(`http://localhost:3000/api/documents/${documentId}/events`, {
          headers: cookie ? { Cookie: cookie } : {},
        }),
        { params: Promise.resolve({ id: documentId }) },
      );
    expect((await open(outsider.cookie)).status).toBe(404);
    expect((await open()).status).toBe(401);
  });
});

describe('GET /api/events', () => {
  it('tells a signed-in user which of the documents they can read changed, never the others, and ends with their session', async () => {
    const mine = await createProject();
    const theirs = await createProject();
    const watcher = await signedIn('REVIEWER', { project: mine.id });
    const { user: actor } = await signedIn('REVIEWER', { project: mine.id });
    await prisma.projectMember.create({ data: { projectId: theirs.id, userId: actor.id, role: 'REVIEWER' } });
    const readable = await createDocument(undefined, { projectId: mine.id });
    const hidden = await createDocument(undefined, { projectId: theirs.id });
    const controller = new AbortController();
    const response = await openEverything(
      new Request('http://localhost:3000/api/events', {
        headers: { Cookie: watcher.cookie },
        signal: controller.signal,
      }),
    );
    expect(response.status).toBe(200);
    const stream = eventsOf(response);
    await sleep(300);

    // A change the watcher may not hear of, then one they may: only the second is told.
    await addComment({
      claimId: hidden.claims[0]!.id,
      authorId: actor.id,
      body: 'Elsewhere.',
      parentId: null,
    });
    await sleep(1_500);
    await addComment({ claimId: readable.claims[0]!.id, authorId: actor.id, body: 'Here.', parentId: null });
    const heard = await stream.until(1);
    expect(heard).toEqual([
      { event: 'change', id: expect.any(String), data: { documentIds: [readable.id] } },
    ]);
    expect(JSON.stringify(heard)).not.toContain(hidden.id);

    await prisma.session.deleteMany({ where: { userId: watcher.user.id } });
    await addComment({ claimId: readable.claims[0]!.id, authorId: actor.id, body: 'Again.', parentId: null });
    expect((await stream.until(2)).at(-1)?.event).toBe('end');
    controller.abort();
  });

  it('replays a change made between the page reading its data and the stream opening (?since=), and resumes after the last event it sent (Last-Event-ID)', async () => {
    const project = await createProject();
    const watcher = await signedIn('REVIEWER', { project: project.id });
    const { user: actor } = await signedIn('REVIEWER', { project: project.id });
    const document = await createDocument(undefined, { projectId: project.id });
    const claimId = document.claims[0]!.id;
    await sleep(300);
    const open = (query: string, headers: Record<string, string> = {}) => {
      const controller = new AbortController();
      const response = openEverything(
        new Request(`http://localhost:3000/api/events${query}`, {
          headers: { Cookie: watcher.cookie, ...headers },
          signal: controller.signal,
        }),
      );
      return { response, close: () => controller.abort() };
    };

    const from = liveChangesFrom();
    await addComment({ claimId, authorId: actor.id, body: 'Made while the page rendered.', parentId: null });
    await sleep(300);
    const first = open(`?since=${encodeURIComponent(from)}`);
    const replayed = await eventsOf(await first.response).until(1);
    expect(replayed).toEqual([
      { event: 'change', id: expect.any(String), data: { documentIds: [document.id] } },
    ]);
    first.close();

    // Reconnecting after that event: nothing to replay until the next change.
    const again = open(`?since=${encodeURIComponent(from)}`, { 'Last-Event-ID': replayed[0]!.id! });
    const stream = eventsOf(await again.response);
    await sleep(1_500);
    expect(stream.events).toEqual([]);
    again.close();
  });

  it('answers 401 to no session', async () => {
    expect((await openEverything(new Request('http://localhost:3000/api/events'))).status).toBe(401);
  });
});

describe('presence', () => {
  it('tells the other members who is on which claim, never the reader themselves, and writes nothing', async () => {
    const project = await createProject();
    const watcher = await signedIn('REVIEWER', { project: project.id });
    const walker = await signedIn('REVIEWER', { project: project.id });
    const outsider = await signedIn('REVIEWER', { project: null });
    const { id: documentId, claims } = await createDocument(undefined, { projectId: project.id });
    const claimId = claims[1]!.id;
    const announce = (cookie: string, body: unknown, id = documentId) =>
      announcePresence(
        new Request(`http://localhost:3000/api/documents/${id}/presence`, {
          method: 'POST',
          headers: { Cookie: cookie, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ id }) },
      );
    const audited = () => prisma.auditEvent.count({ where: { documentId } });
    const before = await audited();
    const controller = new AbortController();
    const stream = eventsOf(
      await openEvents(
        new Request(`http://localhost:3000/api/documents/${documentId}/events`, {
          headers: { Cookie: watcher.cookie },
          signal: controller.signal,
        }),
        { params: Promise.resolve({ id: documentId }) },
      ),
    );
    await sleep(300);

    expect((await announce(watcher.cookie, { claimId: claims[0]!.id })).status).toBe(204);
    expect((await announce(walker.cookie, { claimId })).status).toBe(204);
    const heard = await stream.until(2);
    const presence = heard.filter((e) => e.event === 'presence').map((e) => e.data.present);
    expect(presence.at(-1)).toEqual([{ name: walker.user.name, claimId }]);
    expect(JSON.stringify(presence)).not.toContain(watcher.user.name);

    expect((await announce(walker.cookie, { claimId: null })).status).toBe(204);
    await stream.until(heard.length + 1);
    expect(stream.events.at(-1)).toEqual({ event: 'presence', data: { present: [] } });
    expect(await audited()).toBe(before);

    expect((await announce(outsider.cookie, { claimId })).status).toBe(404);
    const bad = await announce(walker.cookie, { claimId: 'claim twelve' });
    expect(bad.status).toBe(422);
    const failure = (await bad.json()) as { fieldErrors: Record<string, string> };
    expect(failure.fieldErrors.claimId).toMatch(/claim you are on/);

    // News of who is where is checked as a change is: a reader whose session ended gets `end`.
    await prisma.session.deleteMany({ where: { userId: watcher.user.id } });
    const told = stream.events.length;
    expect((await announce(walker.cookie, { claimId: claims[0]!.id })).status).toBe(204);
    expect((await stream.until(told + 1)).at(-1)?.event).toBe('end');
    controller.abort();
  });
});

describe('a stream opened after its page was read', () => {
  it('replays the changes made since the page read its data (?since=), and resyncs when it cannot', async () => {
    const project = await createProject();
    const watcher = await signedIn('REVIEWER', { project: project.id });
    const { user: actor } = await signedIn('REVIEWER', { project: project.id });
    const { id: documentId, claims } = await createDocument(undefined, { projectId: project.id });
    // The import's own announcement is heard before the page reads.
    await sleep(300);
    let from = liveChangesFrom();
    for (let waited = 0; from === 'none' && waited < 5_000; waited += 50) {
      await sleep(50);
      from = liveChangesFrom();
    }
    // The page has read its data; a change lands before its stream opens.
    await addComment({ claimId: claims[0]!.id, authorId: actor.id, body: 'Meanwhile.', parentId: null });
    await sleep(300);
    const open = (since: string) =>
      openEvents(
        new Request(`http://localhost:3000/api/documents/${documentId}/events?since=${since}`, {
          headers: { Cookie: watcher.cookie },
          signal: AbortSignal.timeout(5_000),
        }),
        { params: Promise.resolve({ id: documentId }) },
      );
    const replayed = eventsOf(await open(from));
    expect((await replayed.until(1)).map((e) => [e.event, e.data.action])).toEqual([
      ['change', 'comment.added'],
    ]);
    await replayed.close();
    const unknown = eventsOf(await open('none'));
    expect((await unknown.until(1)).map((e) => e.event)).toEqual(['resync']);
    await unknown.close();
  });
});
