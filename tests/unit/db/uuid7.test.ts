import { describe, expect, it } from 'vitest';
import { uuid7 } from '@/lib/db/uuid7';

const UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuid7', () => {
  it('makes version 7, variant 10 UUIDs that carry the time they were made', () => {
    const before = Date.now();
    const id = uuid7();
    const after = Date.now();
    expect(id).toMatch(UUID7);
    const ms = Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after + 1);
  });

  // Audit events written in one statement share a createdAt; their ids must keep the order they were made in.
  it('counts up within a millisecond, so ids sort in the order they were made', () => {
    const ids = Array.from({ length: 10_000 }, () => uuid7());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(UUID7);
  });
});
