import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

/** A file of the repository, read as UTF-8; paths are relative to the repository root. */
export function readFixture(relativePath: string): string {
  return fs.readFileSync(path.join(root, relativePath), 'utf8');
}

export const SAMPLE_DOCUMENT = 'prisma/seed/low-dose-naltrexone-depression.txt';
