import fs from 'node:fs';
import path from 'node:path';
import { type Tx, transaction } from '@/lib/db/prisma';
import { importDocument } from '@/lib/documents/import-document';
import { createProject } from '@/lib/projects/create-project';

export const SAMPLE_DOCUMENT_SLUG = 'low-dose-naltrexone-depression';
export const SAMPLE_PROJECT_NAME = 'Low-dose naltrexone review';
export const SANDBOX_DOCUMENT_SLUG = 'sandbox-hydration-and-headaches';
export const SANDBOX_PROJECT_NAME = 'Sandbox';
// Any number will do, as long as nothing else locks it: concurrent first starts then seed once.
const SEED_LOCK = 4_242_001;

const SAMPLES = [
  {
    slug: SAMPLE_DOCUMENT_SLUG,
    project: SAMPLE_PROJECT_NAME,
    description: 'The sample article on low-dose naltrexone (LDN) and depression, loaded at first start.',
    file: 'prisma/seed/low-dose-naltrexone-depression.txt',
  },
  {
    // A second project, with a short document, that not every demo account belongs to: isolation shows at once.
    slug: SANDBOX_DOCUMENT_SLUG,
    project: SANDBOX_PROJECT_NAME,
    description: 'A place to try the app out on a short note. Not every demo account is a member.',
    file: 'prisma/seed/sandbox-hydration-and-headaches.txt',
  },
];

/** Loads the sample projects and their articles. Idempotent: a second run, or two at once, adds nothing. */
export async function seedSampleData(): Promise<{ created: string[] }> {
  return transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
    const created: string[] = [];
    for (const sample of SAMPLES) {
      if (await tx.document.findUnique({ where: { slug: sample.slug }, select: { id: true } })) continue;
      const projectId = await projectNamed(tx, sample.project, sample.description);
      const doc = await importDocument({
        text: fs.readFileSync(path.resolve(sample.file), 'utf8'),
        format: 'TEXT',
        slug: sample.slug,
        actorId: null,
        projectId,
        tx,
      });
      created.push(
        `sample document "${sample.slug}" with ${doc.claims} claims, in project "${sample.project}"`,
      );
    }
    return { created };
  });
}

async function projectNamed(tx: Tx, name: string, description: string): Promise<string> {
  const found = await tx.project.findUnique({ where: { name }, select: { id: true } });
  return found?.id ?? (await createProject({ name, description, actorId: null, tx })).id;
}
