'use server';

import { mergeWithNext } from '@/lib/claim-edits/merge-claims';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { ClaimChangeInput } from './claim-change-input';
import { revalidateDocument } from './revalidate-document';

export async function mergeClaimAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return guardedAction('claim.edit', ClaimChangeInput, input, async (user, data) => {
    const saved = await mergeWithNext({
      claimId: data.claimId,
      expectedVersion: data.version,
      actorId: user.id,
      confirmed: data.confirmed,
    });
    revalidateDocument(data.documentId);
    return { ok: true, message: 'Merged with the next claim.', data: { version: saved.claim.version } };
  });
}
