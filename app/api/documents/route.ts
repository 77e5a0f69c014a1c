import { requireUser } from '@/lib/auth/guard';
import { importDocument } from '@/lib/documents/import-document';
import { IMPORT_MAX_BYTES, ImportInput, readUpload } from '@/lib/documents/import-input';
import { AppError, errorResponse } from '@/lib/errors';
import { assertSameOrigin } from '@/lib/http/assert-same-origin';
import { readJson } from '@/lib/http/read-json';

/**
 * Import for scripts: multipart with a `file` (and optional `title`, `author`, `sourceUrl`), or JSON
 * `{title, text, format, sourceUrl?, author?}`, both read by the import page's schema. Answers 201 with `{id, claims}`.
 */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const user = await requireUser('document.import', request);
    const length = Number(request.headers.get('content-length') ?? 0);
    if (length > IMPORT_MAX_BYTES + 64 * 1024)
      throw new AppError(
        'TOO_LARGE',
        'The upload is over the 2 MB limit. Split the article and import the parts.',
      );
    const input = await readInput(request);
    const { id, claims } = await importDocument({ ...input, actorId: user.id });
    return Response.json({ id, claims }, { status: 201, headers: { Location: `/documents/${id}` } });
  } catch (e) {
    return errorResponse(e);
  }
}

async function readInput(request: Request) {
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await request.formData().catch(() => null);
    const file = form?.get('file');
    if (!(file instanceof File))
      throw new AppError('VALIDATION', 'Send the article as a multipart field named "file".');
    const read = readUpload({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    if (!read.ok) throw new AppError('VALIDATION', read.error, { file: read.error });
    const field = (name: string) => form?.get(name) ?? undefined;
    return ImportInput.parse({
      text: read.text,
      format: read.format,
      title: field('title'),
      author: field('author'),
      sourceUrl: field('sourceUrl'),
    });
  }
  if (type.startsWith('application/json')) {
    // A ZodError becomes a 422 that names each wrong field (lib/errors.ts).
    const tooLarge = 'The article is over the 2 MB limit. Split it and import the parts.';
    return ImportInput.parse(await readJson(request, { maxBytes: IMPORT_MAX_BYTES + 64 * 1024, tooLarge }));
  }
  throw new AppError('VALIDATION', 'Send multipart/form-data with a "file", or JSON {title, text, format}.');
}
