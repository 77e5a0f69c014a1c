import fs from 'node:fs';
import path from 'node:path';
import { transaction } from '@/lib/db/prisma';
import { importDocument } from '@/lib/documents/import-document';

export const SAMPLE_DOCUMENT_SLUG = 'low-dose-naltrexone-depression';
const SAMPLE_PATH = path.resolve('prisma/seed/low-dose-naltrexone-depression.txt');
// Any number will do, as long as nothing else locks it: concurrent first starts then seed once.
const SEED_LOCK = 4_242_001;

/** Loads the sample article. Idempotent: a second run, or two at once, adds nothing. */
export async function seedSampleData(): Promise<{ created: string[] }> {
  return transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
    const created: string[] = [];
    if (!(await tx.document.findUnique({ where: { slug: SAMPLE_DOCUMENT_SLUG } }))) {
      const text = fs.readFileSync(SAMPLE_PATH, 'utf8');
      const doc = await importDocument({
        text,
        format: 'TEXT',
        slug: SAMPLE_DOCUMENT_SLUG,
        actorId: null,
        tx,
      });
      created.push(`sample document "${SAMPLE_DOCUMENT_SLUG}" with ${doc.claims} claims`);
    }
    return { created };
  });
}
