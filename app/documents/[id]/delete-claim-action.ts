'use server';

import { deleteClaim } from '@/lib/claim-edits/delete-claim';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { ClaimChangeInput } from './claim-change-input';
import { revalidateDocument } from './revalidate-document';

export async function deleteClaimAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return guardedAction('claim.edit', ClaimChangeInput, input, async (user, data) => {
    const saved = await deleteClaim({
      claimId: data.claimId,
      expectedVersion: data.version,
      actorId: user.id,
      confirmed: data.confirmed,
    });
    revalidateDocument(data.documentId);
    return { ok: true, message: 'Claim deleted.', data: { version: saved.version } };
  });
}
