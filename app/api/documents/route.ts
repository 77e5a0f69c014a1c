import { z } from 'zod';
import { requireUser } from '@/lib/auth/guard';
import { importDocument } from '@/lib/documents/import-document';
import { IMPORT_FORMATS, IMPORT_MAX_BYTES } from '@/lib/documents/import-format';
import { readUpload } from '@/lib/documents/read-upload';
import { AppError, errorResponse } from '@/lib/errors';
import { assertSameOrigin } from '@/lib/http/assert-same-origin';

const Json = z.object({
  title: z.string().max(300).optional(),
  text: z.string().min(1, 'text is empty'),
  format: z.enum(IMPORT_FORMATS, { error: `format must be one of ${IMPORT_FORMATS.join(', ')}` }),
  sourceUrl: z.url({ protocol: /^https?$/ }).optional(),
  author: z.string().max(300).optional(),
});

/**
 * Import for scripts: multipart with a `file` (and optional `title`, `sourceUrl`), or JSON
 * `{title, text, format, sourceUrl?}`. Answers 201 with `{id, claims}`.
 */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const user = await requireUser('document.import', request);
    const length = Number(request.headers.get('content-length') ?? 0);
    if (length > IMPORT_MAX_BYTES + 64 * 1024)
      throw new AppError('VALIDATION', 'The upload is over the 2 MB limit.');
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
    if (!read.ok) throw new AppError('VALIDATION', read.error);
    const title = form?.get('title');
    const sourceUrl = form?.get('sourceUrl');
    return {
      text: read.text,
      format: read.format,
      title: typeof title === 'string' ? title : null,
      sourceUrl: typeof sourceUrl === 'string' && sourceUrl ? z.url().parse(sourceUrl) : null,
    };
  }
  if (type.startsWith('application/json')) {
    // A ZodError becomes a 422 that names each wrong field (lib/http/error-response.ts).
    return Json.parse(await request.json().catch(() => null));
  }
  throw new AppError('VALIDATION', 'Send multipart/form-data with a "file", or JSON {title, text, format}.');
}
