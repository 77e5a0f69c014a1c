// Who is on which claim of a document, as this instance heard it: held only in memory, fed by the announcements
// every instance makes (lib/live/announce-presence.ts) and forgotten PRESENCE_TTL_MS after the last one, so a
// reader who closed the tab, lost the network or whose instance died is gone within that time. Never written.

/** A reader is gone this long after their last announcement; browsers announce every PRESENCE_EVERY_MS. */
export const PRESENCE_TTL_MS = 30_000;
export const PRESENCE_EVERY_MS = 10_000;

export type PresenceAnnouncement = {
  documentId: string;
  userId: string;
  name: string;
  claimId: string | null;
};

/** Someone else on a claim of the document, as an event stream tells its reader. */
export type Present = { userId: string; name: string; claimId: string };

type Seen = { name: string; claimId: string; at: number };

export type PresenceBook = Map<string, Map<string, Seen>>;

/** Records an announcement; says whether what the document's readers see changed. */
export function notePresence(book: PresenceBook, note: PresenceAnnouncement, now: number): boolean {
  const readers = book.get(note.documentId) ?? new Map<string, Seen>();
  const before = readers.get(note.userId);
  if (note.claimId === null) {
    if (!before) return false;
    readers.delete(note.userId);
    if (readers.size === 0) book.delete(note.documentId);
    return true;
  }
  readers.set(note.userId, { name: note.name, claimId: note.claimId, at: now });
  book.set(note.documentId, readers);
  return before?.claimId !== note.claimId || before.name !== note.name;
}

/** Forgets readers not heard of for PRESENCE_TTL_MS; returns the documents whose readers changed. */
export function forgetAbsent(book: PresenceBook, now: number): string[] {
  const changed: string[] = [];
  for (const [documentId, readers] of book) {
    let gone = false;
    for (const [userId, seen] of readers) {
      if (now - seen.at < PRESENCE_TTL_MS) continue;
      readers.delete(userId);
      gone = true;
    }
    if (readers.size === 0) book.delete(documentId);
    if (gone) changed.push(documentId);
  }
  return changed;
}

/** Everyone on the document now, in the order of their names. */
export function presentOn(book: PresenceBook, documentId: string): Present[] {
  return [...(book.get(documentId) ?? new Map<string, Seen>()).entries()]
    .map(([userId, seen]) => ({ userId, name: seen.name, claimId: seen.claimId }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Reads an announcement as the database passed it on; null for anything else. */
export function parseAnnouncement(payload: string | undefined): PresenceAnnouncement | null {
  try {
    const note = JSON.parse(payload ?? '');
    const ok =
      typeof note?.documentId === 'string' &&
      typeof note.userId === 'string' &&
      typeof note.name === 'string' &&
      (typeof note.claimId === 'string' || note.claimId === null);
    return ok ? note : null;
  } catch {
    return null;
  }
}
