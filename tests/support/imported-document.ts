import { expect } from 'vitest';
import { GET } from '@/app/api/imports/[id]/route';

/**
 * The id of the document an import request made: at once from a 201, or once its job is done when the import
 * outlived the request's wait (a 202: the first import starts the import worker, which takes a moment).
 */
export async function importedDocumentId(response: Response, cookie: string): Promise<string> {
  expect([201, 202]).toContain(response.status);
  const answer = (await response.json()) as { id?: string; jobId?: string };
  if (response.status === 201) return answer.id as string;
  const request = () =>
    GET(new Request(`http://localhost:3000/api/imports/${answer.jobId}`, { headers: { cookie } }), {
      params: Promise.resolve({ id: answer.jobId as string }),
    });
  for (const started = Date.now(); Date.now() - started < 60_000; ) {
    const job = (await (await request()).json()) as { status: string; documentId: string; error: string };
    if (job.status === 'done') return job.documentId;
    if (job.status === 'failed') throw new Error(`The import failed: ${job.error}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The import ${answer.jobId} did not end within a minute.`);
}
