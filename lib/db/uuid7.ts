import crypto from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/**
 * A UUIDv7 for rows written with raw SQL, where Prisma's client-side uuid(7) default does not apply.
 * Time-ordered and, within one process, strictly increasing: ids made in the same millisecond count up in the
 * 12-bit field RFC 9562 allows for that (method 1), so events written together sort in the order they were made.
 */
export function uuid7(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    // A random start, so two processes rarely share a sequence; half the range is left to count up in.
    sequence = crypto.randomInt(0x800);
  } else if (++sequence > 0xfff) {
    lastMs += 1;
    sequence = 0;
  }
  const bytes = crypto.randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
