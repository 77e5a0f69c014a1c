import { requireUser } from '@/lib/auth/guard';
import { getReviewExport } from '@/lib/exports/get-review-export';
import { toJsonExport } from '@/lib/exports/to-json-export';
import { toMarkdownExport } from '@/lib/exports/to-markdown-export';
import { errorResponse } from '@/lib/http/error-response';

export const dynamic = 'force-dynamic';

const FORMATS = {
  json: { type: 'application/json; charset=utf-8', ext: 'json' },
  md: { type: 'text/markdown; charset=utf-8', ext: 'md' },
} as const;

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const format = new URL(request.url).searchParams.get('format') ?? 'json';
  try {
    await requireUser('document.export');
    if (!(format in FORMATS)) {
      return Response.json(
        { error: `Unknown export format "${format}". Use one of: ${Object.keys(FORMATS).join(', ')}.` },
        { status: 400 },
      );
    }
    const { id } = await params;
    const data = await getReviewExport({ documentId: id });
    const review = toJsonExport(data, new Date());
    const { type, ext } = FORMATS[format as keyof typeof FORMATS];
    const content = format === 'md' ? toMarkdownExport(review) : `${JSON.stringify(review, null, 2)}\n`;
    return new Response(content, {
      headers: {
        'Content-Type': type,
        'Content-Disposition': `attachment; filename="${data.slug}-review.${ext}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
