import { z } from 'zod';
import { notFound } from '@/lib/errors';

const Id = z.uuid();

/**
 * Every id in the app is a UUID. Anything else cannot name a row, so it answers "not found" before any query
 * (PostgreSQL would otherwise reject the cast with an error that looks like ours).
 */
export function requireId(id: string, what: string): string {
  if (!Id.safeParse(id).success) throw notFound(what);
  return id.toLowerCase();
}
