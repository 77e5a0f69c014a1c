import { describe, expect, it } from 'vitest';
import {
  forgetAbsent,
  notePresence,
  PRESENCE_TTL_MS,
  type PresenceBook,
  parseAnnouncement,
  presentOn,
} from '@/lib/live/presence';

const note = (userId: string, claimId: string | null, name = `User ${userId}`) => ({
  documentId: 'd1',
  userId,
  name,
  claimId,
});

describe('presence', () => {
  it('says who is on which claim, and whether that changed', () => {
    const book: PresenceBook = new Map();
    expect(notePresence(book, note('u2', 'c1', 'Rob'), 0)).toBe(true);
    expect(notePresence(book, note('u1', 'c3', 'Ada'), 0)).toBe(true);
    // The same claim again (the browser's heartbeat) changes nothing anyone sees.
    expect(notePresence(book, note('u2', 'c1', 'Rob'), 5_000)).toBe(false);
    expect(presentOn(book, 'd1')).toEqual([
      { userId: 'u1', name: 'Ada', claimId: 'c3' },
      { userId: 'u2', name: 'Rob', claimId: 'c1' },
    ]);
    expect(notePresence(book, note('u2', 'c2', 'Rob'), 6_000)).toBe(true);
    expect(presentOn(book, 'd1').find((p) => p.userId === 'u2')?.claimId).toBe('c2');
  });

  it('forgets a reader who left, at once, and one not heard of, within the time to live', () => {
    const book: PresenceBook = new Map();
    notePresence(book, note('u1', 'c1'), 0);
    notePresence(book, note('u2', 'c1'), 0);
    expect(notePresence(book, note('u1', null), 1_000)).toBe(true);
    expect(notePresence(book, note('u1', null), 1_000)).toBe(false);
    expect(forgetAbsent(book, PRESENCE_TTL_MS - 1)).toEqual([]);
    expect(presentOn(book, 'd1')).toHaveLength(1);
    // Its heartbeat keeps a reader: heard at 20 s, still there at 40 s.
    notePresence(book, note('u3', 'c2'), 20_000);
    expect(forgetAbsent(book, PRESENCE_TTL_MS)).toEqual(['d1']);
    expect(presentOn(book, 'd1').map((p) => p.userId)).toEqual(['u3']);
    expect(forgetAbsent(book, 50_000)).toEqual(['d1']);
    expect(book.size).toBe(0);
  });

  it('reads only announcements of the right shape', () => {
    expect(parseAnnouncement(JSON.stringify(note('u1', 'c1')))).toEqual(note('u1', 'c1'));
    expect(parseAnnouncement(JSON.stringify(note('u1', null)))).toEqual(note('u1', null));
    expect(parseAnnouncement('{"documentId":"d1"}')).toBeNull();
    expect(parseAnnouncement('not json')).toBeNull();
    expect(parseAnnouncement(undefined)).toBeNull();
  });
});
