import { requireProjectUser } from '@/lib/auth/guard';
import { loadOriginalFile } from '@/lib/documents/load-original-file';
import { errorResponse } from '@/lib/errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /documents/{id}/original: the PDF the document was imported from, as it was sent. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    await requireProjectUser('document.read', { documentId: id }, { request });
    const file = await loadOriginalFile({ documentId: id });
    // The name is the uploader's: only its safe characters go into the header, and the full name as RFC 5987.
    const ascii = file.fileName.replace(/[^\w.-]+/g, '_');
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        'Content-Type': file.mediaType,
        'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
