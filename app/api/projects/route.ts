import { requireUser } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/errors';
import { listProjects } from '@/lib/projects/list-projects';

export const dynamic = 'force-dynamic';

/**
 * The caller's projects, with their role in each and the review progress, for scripts: an instance admin gets
 * the others too, with `adminView: true` and no role.
 */
export async function GET(request: Request) {
  try {
    const user = await requireUser(null, request);
    const projects = await listProjects({ reader: user });
    return Response.json({ projects }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
