import { requireProjectUser, sessionTokenOf } from '@/lib/auth/guard';
import type { Role } from '@/lib/auth/permissions';
import { sessionStanding } from '@/lib/auth/session-policy';
import { prisma } from '@/lib/db/prisma';
import type { ReviewMode, Verdict } from '@/lib/domain/vocabulary';
import { accessOf, allows, type ProjectRole } from '@/lib/projects/project-access';
import { canSeeOthers, revealsOthersJudgement } from '@/lib/visibility';
import type { ReviewChange } from './review-changes';

/** What the workspace is told of a change: enough to say who changed what, and which claim to reload. */
export type ChangeNotice = {
  claimId: string | null;
  /** The claim's number, as the claim list shows it. */
  claimNumber: number | null;
  action: string;
  actorName: string | null;
  /** The reader made it themselves (another tab): reload, but say nothing. */
  mine: boolean;
};

/** What one reader's stream does with a change. */
export type Delivery =
  | { kind: 'send'; notice: ChangeNotice }
  /** The blind rule keeps it from them. */
  | { kind: 'withhold' }
  /** Their session or their membership is gone: the stream ends. */
  | { kind: 'end' }
  /**
   * Their session is due for its idle extension (or past its absolute age), which only the guard makes (or
   * ends); once it has, `rule` decides as `send`/`withhold` would have, for the role the guard found.
   */
  | { kind: 'recheck'; rule: (role: Role) => Delivery };

type ReaderRow = {
  token: string;
  reviewMode: ReviewMode;
  claimNumber: number | null;
  actorName: string | null;
  sessionCreatedAt: Date;
  expiresAt: Date;
  userId: string;
  role: Role;
  deactivatedAt: Date | null;
  projectId: string;
  projectName: string;
  projectRole: ProjectRole | null;
  mayAdjudicate: boolean | null;
  myVerdict: Verdict | null;
};

/**
 * What each reader of a document's event streams on this instance is sent of `change`, keyed by their session
 * token. Every stream must check the session, the membership and the blind rule before each event; checked one
 * stream at a time that is three round trips per stream, so a change on a document that fifty reviewers have
 * open took 150. Here one query reads, for every session at once, what those checks read (the session and its
 * user, their membership of the document's project, their own verdict on the changed claim), and the rules are
 * applied to each in code: the session policy (lib/auth/session-policy.ts), membership (accessOf) and the blind
 * rule (lib/visibility.ts). A token without a row (a session signed out or deleted, a document deleted) ends.
 */
export async function checkReaders(options: {
  change: ReviewChange;
  tokens: string[];
}): Promise<Map<string, Delivery>> {
  const { change } = options;
  const tokens = [...new Set(options.tokens)];
  // Few tables in the join and the change's own rows in subqueries: planning the query took longer than
  // running it, and PostgreSQL plans it anew for every change.
  const rows = await prisma.$queryRaw<ReaderRow[]>`
    SELECT t.token, d."reviewMode"::text AS "reviewMode", d."projectId"::text AS "projectId",
      (SELECT p.name FROM "Project" p WHERE p.id = d."projectId") AS "projectName",
      (SELECT c.number FROM "Claim" c WHERE c.id = ${change.claimId}::uuid AND c."documentId" = d.id) AS "claimNumber",
      (SELECT a.name FROM "User" a WHERE a.id = ${change.actorId}::uuid) AS "actorName",
      s."createdAt" AS "sessionCreatedAt", s."expiresAt", u.id::text AS "userId", u.role::text AS role,
      u."deactivatedAt", m.role::text AS "projectRole", m."mayAdjudicate",
      (SELECT v.verdict::text FROM "Assessment" v
        WHERE v."claimId" = ${change.claimId}::uuid AND v."reviewerId" = u.id) AS "myVerdict"
    FROM "Document" d
    CROSS JOIN unnest(${tokens}::text[]) AS t(token)
    JOIN "Session" s ON s.token = t.token
    JOIN "User" u ON u.id = s."userId"
    LEFT JOIN "ProjectMember" m ON m."projectId" = d."projectId" AND m."userId" = u.id
    WHERE d.id = ${change.documentId}::uuid AND d."deletedAt" IS NULL`;
  const now = Date.now();
  const deliveries = new Map<string, Delivery>(tokens.map((token) => [token, { kind: 'end' }]));
  for (const row of rows) {
    const access = accessOf(row, { id: row.userId, role: row.role });
    if (!access || !allows(access, 'document.read')) continue;
    const rule = (role: Role) => deliveryOf(change, row, { id: row.userId, role });
    const session = {
      createdAt: row.sessionCreatedAt,
      expiresAt: row.expiresAt,
      deactivatedAt: row.deactivatedAt,
    };
    const standing = sessionStanding(session, now);
    if (standing === 'valid') deliveries.set(row.token, rule(access.role));
    else if (standing === 'extend' || standing === 'ended')
      deliveries.set(row.token, { kind: 'recheck', rule });
  }
  return deliveries;
}

/** The blind rule for one reader, with the role they have in the document's project. */
function deliveryOf(
  change: ReviewChange,
  row: Pick<ReaderRow, 'reviewMode' | 'claimNumber' | 'actorName' | 'myVerdict'>,
  reader: { id: string; role: Role },
): Delivery {
  const mine = change.actorId === reader.id;
  if (
    revealsOthersJudgement(change, reader.id) &&
    !canSeeOthers({ reviewMode: row.reviewMode, role: reader.role, myVerdict: row.myVerdict })
  ) {
    return { kind: 'withhold' };
  }
  return {
    kind: 'send',
    notice: {
      claimId: change.claimId,
      claimNumber: row.claimNumber,
      action: change.action,
      actorName: row.actorName,
      mine,
    },
  };
}

/** A change for one reader's stream: its notice, nothing (the blind rule), or the end of the stream. */
export type ReaderDelivery = Exclude<Delivery, { kind: 'recheck' }>;

// A stream's request, and so its cookie, is the same for every change it is asked about: verified once.
const streamTokens = new WeakMap<Request, string | null>();

// Every stream open on a document is handed a message in the same turn of the event loop
// (lib/live/review-changes.ts), and asks about it at once: those asks are gathered until that turn ends.
const gathering = new Map<unknown, { tokens: Set<string>; deliveries: Promise<Map<string, Delivery>> }>();

/**
 * What the reader behind `request` is sent of `change`, checked with every other reader who asks about the same
 * change in the same turn of the event loop: one query for all of them (checkReaders). A session only the guard
 * may extend or end goes through the guard.
 */
export function checkReader(options: { change: ReviewChange; request: Request }): Promise<ReaderDelivery> {
  return gatheredCheck(options.change.id, options.change, options.request);
}

/**
 * Whether the reader behind `request` still reads the document (session and membership), for news that tells
 * nothing of anyone's judgement, such as who is on which claim. Gathered as checkReader's asks are: the streams
 * handed the same `news` (the same object) are checked in one query.
 */
export async function checkStillReads(options: {
  documentId: string;
  news: object;
  request: Request;
}): Promise<boolean> {
  const { documentId, news, request } = options;
  const nothingJudged = { id: '', documentId, claimId: null, action: 'presence', actorId: null };
  return (await gatheredCheck(news, nothingJudged, request)).kind !== 'end';
}

async function gatheredCheck(key: unknown, change: ReviewChange, request: Request): Promise<ReaderDelivery> {
  let token = streamTokens.get(request);
  if (token === undefined) {
    token = await sessionTokenOf(request.headers);
    streamTokens.set(request, token);
  }
  if (!token) return { kind: 'end' };
  let batch = gathering.get(key);
  if (!batch) {
    const tokens = new Set<string>();
    const deliveries = new Promise<Map<string, Delivery>>((resolve, reject) =>
      setImmediate(() => {
        gathering.delete(key);
        checkReaders({ change, tokens: [...tokens] }).then(resolve, reject);
      }),
    );
    batch = { tokens, deliveries };
    gathering.set(key, batch);
  }
  batch.tokens.add(token);
  const delivery = (await batch.deliveries).get(token) ?? { kind: 'end' };
  if (delivery.kind !== 'recheck') return delivery;
  try {
    const { user } = await requireProjectUser(
      'document.read',
      { documentId: change.documentId },
      { request },
    );
    return delivery.rule(user.role) as ReaderDelivery;
  } catch {
    return { kind: 'end' };
  }
}
