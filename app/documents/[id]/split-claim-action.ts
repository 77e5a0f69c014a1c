'use server';

import { z } from 'zod';
import { splitClaim } from '@/lib/claim-edits/split-claim';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { ClaimChangeInput } from './claim-change-input';
import { revalidateDocument } from './revalidate-document';

const Input = ClaimChangeInput.extend({
  at: z.number({ error: 'Place the cursor in the quote where to split it.' }).int().min(1),
});

export async function splitClaimAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return guardedAction('claim.edit', Input, input, async (user, data) => {
    const saved = await splitClaim({
      claimId: data.claimId,
      at: data.at,
      expectedVersion: data.version,
      actorId: user.id,
      confirmed: data.confirmed,
    });
    revalidateDocument(data.documentId);
    return { ok: true, message: 'Claim split in two.', data: { version: saved.first.version } };
  });
}
