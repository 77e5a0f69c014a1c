import { transaction } from '@/lib/db/prisma';
import type { ImportFormat } from '@/lib/documents/import-input';

export type ImportFields = {
  title?: string | null;
  author?: string | null;
  sourceUrl?: string | null;
  publishedOn?: Date | null;
};

/**
 * Queues an import that was already checked at the door (size, type, fields): the file is stored with the
 * job, so any app instance's import worker can run it (lib/imports/import-runner.ts), and decodes it there.
 */
export async function enqueueImport(options: {
  fileName: string;
  format: ImportFormat | 'PDF';
  /** The article as text (sent as JSON, already cleaned), or the file's bytes as they were sent. */
  input: string | Uint8Array;
  fields: ImportFields;
  actorId: string;
  /** The project it goes into, which the caller may import into (checked by the guard). */
  projectId: string;
}): Promise<{ jobId: string }> {
  const input = typeof options.input === 'string' ? Buffer.from(options.input, 'utf8') : options.input;
  // The file goes in by a statement of its own. Given to the job's create, Prisma base64-encodes it twice (once
  // to recognise the query, once to send it) and the server's thread stopped for about 50 ms on a 2 MB file.
  const job = await transaction(async (tx) => {
    const created = await tx.importJob.create({
      data: {
        fileName: options.fileName,
        format: options.format,
        input: new Uint8Array(),
        title: options.fields.title || null,
        author: options.fields.author || null,
        sourceUrl: options.fields.sourceUrl || null,
        publishedOn: options.fields.publishedOn ?? null,
        createdById: options.actorId,
        projectId: options.projectId,
      },
      select: { id: true },
    });
    await tx.$executeRaw`UPDATE "ImportJob" SET input = ${input} WHERE id = ${created.id}::uuid`;
    return created;
  });
  return { jobId: job.id };
}
