import type { CurrentUser } from '@/lib/auth/guard';
import {
  checkUpload,
  IMPORT_MAX_BYTES,
  ImportInput,
  isPdfFile,
  PDF_MAX_BYTES,
  readPdfUpload,
} from '@/lib/documents/import-input';
import { AppError } from '@/lib/errors';
import { readJson } from '@/lib/http/read-json';
import { readMultipart } from '@/lib/http/read-multipart';
import { enqueueImport } from '@/lib/imports/enqueue-import';
import { wakeImportRunner } from '@/lib/imports/import-runner';
import { waitForImportJob } from '@/lib/imports/load-import-job';

/**
 * How long the request waits for its import before answering with the job instead: a small article is done
 * well within it and gets its document, as before imports ran as jobs.
 */
const WAIT_MS = 3_000;
/**
 * Above this size the import takes seconds whatever the machine, so the request does not wait: the person who
 * imports goes to its progress page at once and watches it there (a script polls the job).
 */
const WAIT_UP_TO_BYTES = 256 * 1024;
const TOO_LARGE = 'The upload is over the 20 MB limit for a PDF (2 MB for text).';

/**
 * The answer to an import request, for the two routes that take one (POST /api/documents into the caller's
 * default project, POST /api/projects/{id}/documents into the one named), after they checked the origin and
 * that this user may import into this project. The body is multipart with a `file` (an article, a CSV list of
 * claims or a PDF; and optional `title`, `author`, `publishedOn`, `sourceUrl`), as the import page sends both
 * uploads and pastes, or JSON `{title, text, format, sourceUrl?, author?}` for scripts. The file is checked here
 * and imported by an import job (lib/imports). Answers 201 `{id, claims}` with the document's Location when the
 * import ended within a few seconds, else 202 `{jobId}` with the job's Location to poll; throws what is wrong
 * with the request, for the route's errorResponse.
 */
export async function answerImport(options: {
  request: Request;
  user: CurrentUser;
  projectId: string;
}): Promise<Response> {
  const { request, user, projectId } = options;
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > PDF_MAX_BYTES + 64 * 1024) throw new AppError('TOO_LARGE', TOO_LARGE);
  const input = await readImportInput(request);
  const { jobId } = await enqueueImport({ ...input, actorId: user.id, projectId });
  wakeImportRunner();
  const size = typeof input.input === 'string' ? Buffer.byteLength(input.input) : input.input.byteLength;
  const job = await waitForImportJob({ jobId, user, timeoutMs: size > WAIT_UP_TO_BYTES ? 0 : WAIT_MS });
  if (job.status === 'failed') throw new AppError('VALIDATION', job.error ?? 'The import failed.');
  if (job.status === 'done' && job.documentId) {
    return Response.json(
      { id: job.documentId, claims: job.claims },
      { status: 201, headers: { Location: `/documents/${job.documentId}` } },
    );
  }
  return Response.json(
    { jobId, status: job.status, progressUrl: `/imports/${jobId}` },
    { status: 202, headers: { Location: `/api/imports/${jobId}` } },
  );
}

/**
 * An import request's file or text and fields, checked at the door as answerImport describes; a new version
 * (POST /api/documents/{id}/versions) is read by the same rules.
 */
export async function readImportInput(request: Request) {
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await readMultipart(request, { maxBytes: PDF_MAX_BYTES + 64 * 1024, tooLarge: TOO_LARGE });
    const file = form.files.get('file');
    if (!file) throw new AppError('VALIDATION', 'Send the article as a multipart field named "file".');
    const fields = () =>
      ImportInput.omit({ text: true, format: true }).parse({
        title: form.fields.get('title'),
        author: form.fields.get('author'),
        sourceUrl: form.fields.get('sourceUrl'),
        publishedOn: form.fields.get('publishedOn'),
      });
    if (isPdfFile(file.name)) {
      const pdf = readPdfUpload(file);
      if (!pdf.ok) throw new AppError('VALIDATION', pdf.error, { file: pdf.error });
      return { fileName: file.name, format: 'PDF' as const, input: pdf.bytes, fields: fields() };
    }
    // A text file is stored as it was sent: the import worker decodes and cleans it, which takes a large file
    // tens of milliseconds that pages waiting on this thread would feel (ADR 0016).
    const checked = checkUpload(file);
    if (!checked.ok) throw new AppError('VALIDATION', checked.error, { file: checked.error });
    return { fileName: file.name, format: checked.format, input: file.bytes, fields: fields() };
  }
  if (type.startsWith('application/json')) {
    // A ZodError becomes a 422 that names each wrong field (lib/errors.ts).
    const tooLarge = 'The article is over the 2 MB limit. Split it and import the parts.';
    const { text, format, ...fields } = ImportInput.parse(
      await readJson(request, { maxBytes: IMPORT_MAX_BYTES + 64 * 1024, tooLarge }),
    );
    return { fileName: fields.title || 'Imported text', format, input: text, fields };
  }
  throw new AppError('VALIDATION', 'Send multipart/form-data with a "file", or JSON {title, text, format}.');
}
