'use server';

import { z } from 'zod';
import { CLAIM_TEXT_MAX_LENGTH, editClaimText } from '@/lib/claim-edits/edit-claim-text';
import { multiLineText } from '@/lib/domain/input-schemas';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { revalidateDocument } from './revalidate-document';

const Input = z.object({
  documentId: z.uuid({ error: 'Unknown document.' }),
  claimId: z.uuid({ error: 'Unknown claim.' }),
  text: multiLineText({ error: 'Write the claim first.' })
    .trim()
    .min(1, { error: 'Write the claim first.' })
    .max(CLAIM_TEXT_MAX_LENGTH, {
      error: `A claim can be at most ${CLAIM_TEXT_MAX_LENGTH.toLocaleString('en')} characters.`,
    }),
  version: z.number({ error: 'Reload the page: the form is missing its version.' }).int().min(1),
});

export async function editClaimAction(
  input: unknown,
): Promise<ActionResult<{ text: string; version: number }>> {
  return guardedAction('claim.edit', Input, input, async (user, data) => {
    const saved = await editClaimText({
      claimId: data.claimId,
      text: data.text,
      expectedVersion: data.version,
      actorId: user.id,
    });
    revalidateDocument(data.documentId);
    return { ok: true, message: 'Claim text saved.', data: { text: saved.text, version: saved.version } };
  });
}
