import { requireUser } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/errors';
import { loadImportJob } from '@/lib/imports/load-import-job';

export const dynamic = 'force-dynamic';

/** An import job's stage and progress, for the page that follows it and for scripts that got a 202. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireUser(null, request);
    const { id } = await params;
    const job = await loadImportJob({ jobId: id, user });
    return Response.json(job, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
