import crypto from 'node:crypto';
import pg from 'pg';
import { applicationName } from '@/lib/db/application-name';
import {
  forgetAbsent,
  notePresence,
  type PresenceBook,
  type Present,
  parseAnnouncement,
  presentOn,
} from './presence';

// Each app instance hears the database's announcements of review changes (the trigger in
// prisma/migrations/20261207190000_announce_review_changes) on one connection of its own, and hands each to the
// event streams open on that document in this process. LISTEN needs a session of its own, which a pooled Prisma
// connection cannot give: this is the one connection outside the pool, and it only listens.

/** A change the database announced: which rows, never their content. */
export type ReviewChange = {
  /** `epoch:sequence`; the epoch changes whenever this instance may have missed announcements. */
  id: string;
  documentId: string;
  claimId: string | null;
  action: string;
  actorId: string | null;
};

/**
 * What an event stream is told: a change, who is on which claim now, "reload: you may have missed some", or
 * "this instance is stopping".
 */
export type LiveMessage =
  | { type: 'change'; change: ReviewChange }
  | { type: 'presence'; present: Present[] }
  | { type: 'resync' }
  | { type: 'closing' };
type Subscriber = (message: LiveMessage) => void;

const CHANNEL = 'review_changes';
const PRESENCE_CHANNEL = 'review_presence';
/** How often readers not heard of lately are forgotten. */
const SWEEP_MS = 5_000;
/** Subscribes to the changes of every document, for the dashboard, which checks each one's access itself. */
export const EVERY_DOCUMENT = '*';
/** Changes kept for a stream that reconnects with Last-Event-ID. */
const KEPT = 1_000;
const RETRY_MS = [500, 1_000, 2_000, 5_000];

type State = {
  status: 'idle' | 'connecting' | 'listening' | 'reconnecting';
  client?: pg.Client;
  epoch: string;
  sequence: number;
  recent: ReviewChange[];
  /** Each document's last announced change, by sequence in this epoch (for claim-progress-cache.ts). */
  changedAt: Map<string, number>;
  subscribers: Map<string, Set<Subscriber>>;
  presence: PresenceBook;
  failures: number;
};

// Route handlers are bundled apart from each other and from the server: one listener per process.
const store = globalThis as unknown as { reviewChanges?: State };
const state = (): State => {
  store.reviewChanges ??= {
    status: 'idle',
    epoch: newEpoch(),
    sequence: 0,
    recent: [],
    changedAt: new Map(),
    subscribers: new Map(),
    presence: new Map(),
    failures: 0,
  };
  return store.reviewChanges;
};

function newEpoch() {
  return crypto.randomBytes(6).toString('base64url');
}

/** For readiness: how many event streams this instance holds open. */
export function openStreams(): number {
  let count = 0;
  for (const set of state().subscribers.values()) count += set.size;
  return count;
}

/** For readiness: whether this instance hears announcements ("idle" until a stream first asks). */
export function listenerStatus(): State['status'] {
  return state().status;
}

/**
 * Hands `subscriber` every change announced on this document from now on. With the id of the last event a
 * stream saw, the changes since are handed over first; when they cannot be (another instance's id, or this one
 * missed announcements since), a resync instead.
 */
export function subscribeToChanges(
  documentId: string,
  subscriber: Subscriber,
  lastEventId: string | null,
): () => void {
  const s = state();
  const set = s.subscribers.get(documentId) ?? new Set();
  set.add(subscriber);
  s.subscribers.set(documentId, set);
  ensureListening(s);
  if (documentId !== EVERY_DOCUMENT && s.presence.has(documentId)) {
    subscriber({ type: 'presence', present: presentOn(s.presence, documentId) });
  }
  if (lastEventId) {
    const [epoch, sequence] = lastEventId.split(':');
    const after = Number(sequence);
    const oldest = s.recent[0] ? Number(s.recent[0].id.split(':')[1]) : s.sequence + 1;
    if (epoch !== s.epoch || !Number.isInteger(after) || after + 1 < oldest) {
      subscriber({ type: 'resync' });
    } else {
      for (const change of s.recent) {
        const concerns = documentId === EVERY_DOCUMENT || change.documentId === documentId;
        if (concerns && Number(change.id.split(':')[1]) > after) {
          subscriber({ type: 'change', change });
        }
      }
    }
  }
  return () => {
    set.delete(subscriber);
    if (set.size === 0) s.subscribers.delete(documentId);
  };
}

/**
 * Where this instance's announcements stand now, as an event id: a page takes it before it reads its data, and
 * its stream resumes from it, so a change made between the read and the stream's opening is replayed. "none"
 * while the listener is not connected: such a stream starts with a resync.
 */
export function liveChangesFrom(): string {
  const s = state();
  ensureListening(s);
  return s.status === 'listening' ? `${s.epoch}:${s.sequence}` : 'none';
}

/** Where this instance's announcements stand, while it hears them; null while it does not (idle or reconnecting). */
export type ChangeStamp = { epoch: string; sequence: number };

/**
 * The stamp to take before reading something that only an announced change can alter: what was read stays true
 * while `unchangedSince` says so. Null when the listener is not connected, so nothing read now can be kept.
 */
export function changeStamp(): ChangeStamp | null {
  const s = state();
  return s.status === 'listening' ? { epoch: s.epoch, sequence: s.sequence } : null;
}

/**
 * Whether no change of this document has been announced since `stamp`, with the listener connected all along
 * (a reconnection starts a new epoch: announcements may have been missed). A change committed before a read but
 * announced after its stamp counts as since: the answer errs towards "changed".
 */
export function unchangedSince(documentId: string, stamp: ChangeStamp): boolean {
  const s = state();
  if (s.status !== 'listening' || s.epoch !== stamp.epoch) return false;
  return (s.changedAt.get(documentId) ?? 0) <= stamp.sequence;
}

function ensureListening(s: State) {
  if (s.status !== 'idle') return;
  void listen(s);
  setInterval(() => {
    for (const documentId of forgetAbsent(s.presence, Date.now())) tellPresence(s, documentId);
  }, SWEEP_MS).unref();
}

/** Tells every open stream this instance is stopping, so its browser reconnects (through the balancer) at once. */
export function closeAllStreams() {
  for (const set of state().subscribers.values())
    for (const subscriber of set) subscriber({ type: 'closing' });
}

async function listen(s: State) {
  const missedSome = s.status === 'reconnecting';
  s.status = missedSome ? 'reconnecting' : 'connecting';
  const client = new pg.Client({
    connectionString: process.env.DATABASE_URL,
    // Told apart from the pools in pg_stat_activity: this one stays open, idle, for as long as the instance runs.
    application_name: applicationName('live'),
  });
  let gone = false;
  const lost = () => {
    if (gone) return;
    gone = true;
    s.client = undefined;
    s.status = 'reconnecting';
    client.removeAllListeners('notification');
    void client.end().catch(() => {});
    const delay = RETRY_MS[Math.min(s.failures, RETRY_MS.length - 1)] as number;
    s.failures += 1;
    setTimeout(() => void listen(s), delay).unref();
  };
  client.on('error', lost);
  client.on('end', lost);
  client.on('notification', (message) =>
    message.channel === PRESENCE_CHANNEL ? hearPresence(s, message.payload) : receive(s, message.payload),
  );
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}; LISTEN ${PRESENCE_CHANNEL}`);
  } catch {
    lost();
    return;
  }
  s.client = client;
  s.status = 'listening';
  s.failures = 0;
  if (missedSome) {
    // Announcements made while the connection was down are gone: every stream reloads what it shows.
    s.epoch = newEpoch();
    s.recent = [];
    s.changedAt.clear();
    for (const set of s.subscribers.values()) for (const subscriber of set) subscriber({ type: 'resync' });
  }
}

function receive(s: State, payload: string | undefined) {
  let parsed: Omit<ReviewChange, 'id'>;
  try {
    parsed = JSON.parse(payload ?? '');
  } catch {
    return;
  }
  if (typeof parsed?.documentId !== 'string') return;
  s.sequence += 1;
  const change: ReviewChange = {
    id: `${s.epoch}:${s.sequence}`,
    documentId: parsed.documentId,
    claimId: parsed.claimId ?? null,
    action: String(parsed.action),
    actorId: parsed.actorId ?? null,
  };
  s.recent.push(change);
  s.changedAt.set(change.documentId, s.sequence);
  if (s.recent.length > KEPT) s.recent.shift();
  for (const key of [change.documentId, EVERY_DOCUMENT])
    for (const subscriber of s.subscribers.get(key) ?? []) subscriber({ type: 'change', change });
}

function hearPresence(s: State, payload: string | undefined) {
  const note = parseAnnouncement(payload);
  if (note && notePresence(s.presence, note, Date.now())) tellPresence(s, note.documentId);
}

function tellPresence(s: State, documentId: string) {
  const present = presentOn(s.presence, documentId);
  for (const subscriber of s.subscribers.get(documentId) ?? []) subscriber({ type: 'presence', present });
}
