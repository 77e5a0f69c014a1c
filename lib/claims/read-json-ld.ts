import { parseDate } from './parse-date';

// Article metadata in JSON-LD (<script type="application/ld+json">), which many health sites publish:
// the first datePublished and author name found, walking the data without recursion.
const MAX_NODES = 10_000;

export function readJsonLd(json: string): { author?: string; publishedAt?: string } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return {};
  }
  const found: { author?: string; publishedAt?: string } = {};
  const queue: unknown[] = [data];
  for (let i = 0; i < queue.length && i < MAX_NODES; i++) {
    const node = queue[i];
    if (Array.isArray(node)) queue.push(...node);
    if (!node || typeof node !== 'object' || Array.isArray(node)) continue;
    const record = node as Record<string, unknown>;
    if (!found.publishedAt && typeof record.datePublished === 'string') {
      found.publishedAt = parseDate(record.datePublished)?.iso ?? undefined;
    }
    if (!found.author) found.author = authorName(record.author);
    queue.push(...Object.values(record).filter((value) => value && typeof value === 'object'));
  }
  return found;
}

function authorName(author: unknown): string | undefined {
  const first = Array.isArray(author) ? author[0] : author;
  if (typeof first === 'string') return first.trim() || undefined;
  if (first && typeof first === 'object' && typeof (first as { name?: unknown }).name === 'string') {
    return (first as { name: string }).name.trim() || undefined;
  }
  return undefined;
}
