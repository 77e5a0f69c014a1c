import { requireProjectUser } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/errors';
import { getClaimPanel } from '@/lib/workspace/get-claim-panel';

export const dynamic = 'force-dynamic';

/** The selected claim's panel, fetched by the workspace each time a claim is selected. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const { user } = await requireProjectUser('document.read', { claimId: id }, { request });
    const panel = await getClaimPanel({ claimId: id, user: { id: user.id, role: user.role } });
    // Always fresh: another reviewer may have changed the claim a moment ago.
    return Response.json(panel, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
