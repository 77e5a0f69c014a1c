// The baseline for writing an imported document, as a competitor would write it with `pg` alone: the document row,
// then its sections and claims streamed with COPY … FROM STDIN, in one transaction. It imports no code from lib/;
// it is handed the rows the app's extractor produced, so both sides write the same data.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Extraction } from '@/lib/extraction/types';
import { newId } from '../workspace/baseline-review';

// The extractor's output type, not its code: the rows are the app's, the way they are written is the baseline's.
type DocumentRows = Pick<Extraction, 'body' | 'sections' | 'claims'> & { title: string };

/** Rows sent to the COPY stream per write, so the stream is fed in pieces and memory stays flat. */
const ROWS_PER_CHUNK = 1_000;

/** Writes the document, its sections and claims; returns the document's id. */
export async function copyDocument(client: pg.ClientBase, rows: DocumentRows, slug: string): Promise<string> {
  const documentId = newId();
  const sectionIds = rows.sections.map(() => newId());
  await client.query('BEGIN');
  try {
    const project = await client.query<{ id: string }>(
      `INSERT INTO "Project" (id, name, "updatedAt") VALUES (gen_random_uuid(), 'Bench project', now())
       ON CONFLICT (name) DO UPDATE SET "updatedAt" = now() RETURNING id`,
    );
    await client.query(
      `INSERT INTO "Document" (id, slug, title, body, format, "projectId", "updatedAt")
       VALUES ($1, $2, $3, $4, 'TEXT', $5, now())`,
      [documentId, slug, rows.title, rows.body, project.rows[0]?.id],
    );
    await copy(
      client,
      'COPY "Section" (id, "documentId", heading, start, "end") FROM STDIN',
      rows.sections.map((s, i) => [sectionIds[i], documentId, s.heading, s.start, s.end]),
    );
    await copy(
      client,
      `COPY "Claim" (id, "documentId", number, "sectionId", text, quote, start, "end", prefix, suffix, kind, hedged,
         "updatedAt") FROM STDIN`,
      rows.claims.map((c, i) => [
        newId(),
        documentId,
        i + 1,
        c.sectionIndex === null ? null : sectionIds[c.sectionIndex],
        c.text,
        c.quote,
        c.start,
        c.end,
        c.prefix,
        c.suffix,
        c.kind,
        c.hedged ? 't' : 'f',
        'now',
      ]),
    );
    await client.query('COMMIT');
    return documentId;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
}

async function copy(client: pg.ClientBase, sql: string, rows: unknown[][]) {
  function* chunks() {
    for (let i = 0; i < rows.length; i += ROWS_PER_CHUNK) {
      yield rows
        .slice(i, i + ROWS_PER_CHUNK)
        .map((row) => `${row.map(field).join('\t')}\n`)
        .join('');
    }
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(sql)));
}

/** A value in COPY's text format: \N for NULL, and backslash, tab and line breaks escaped. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] as string);
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
