import fs from 'node:fs';
import path from 'node:path';

/** One Server Action of the built app: its id, where it is written, and the pages that can run it. */
export type BuiltAction = { id: string; name: string; file: string; pages: string[] };

/**
 * Every Server Action in the build, read from Next.js's own manifest, so an action added to the app is found
 * without anyone listing it. The web server builds the app before any test runs.
 */
export function builtActions(root: string): BuiltAction[] {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    name: entry.exportedName,
    file: entry.filename,
    pages: Object.keys(entry.workers).map(pagePattern),
  }));
}

// "app/documents/[id]/page" → "/documents/[id]"; the caller fills in the segment.
function pagePattern(worker: string): string {
  const route = worker
    .replace(/^app/, '')
    .replace(/\/page$/, '')
    .replace(/\/\([^/]+\)/g, '');
  return route === '/_not-found' ? '/no-such-page' : route || '/';
}

/** The `'use server'` files of the app, which the manifest must account for. */
export function actionFiles(root: string): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(rel);
      else if (/\.tsx?$/.test(entry.name) && /^\s*['"]use server['"]/.test(read(root, rel))) found.push(rel);
    }
  };
  visit('app');
  return found.sort();
}

const read = (root: string, rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

/**
 * The value an action returned, from its React Flight reply: row 0 names the row that holds it ("$@1"). `null`
 * when the reply carries no value (a redirect, or an error row).
 */
export function actionReturnValue(flight: string): unknown {
  const rows = new Map<string, string>();
  for (const line of flight.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  try {
    const head = JSON.parse(rows.get('0') ?? 'null') as { a?: string } | null;
    const row = head?.a?.startsWith('$@') ? rows.get(head.a.slice(2)) : undefined;
    return row?.startsWith('{') ? JSON.parse(row) : null;
  } catch {
    return null;
  }
}
