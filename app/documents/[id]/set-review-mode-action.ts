'use server';

import { z } from 'zod';
import { setReviewMode } from '@/lib/documents/set-review-mode';
import { REVIEW_MODES, type ReviewMode } from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { revalidateDocument } from './revalidate-document';

const Input = z.object({
  documentId: z.uuid({ error: 'Unknown document.' }),
  mode: z.enum(REVIEW_MODES, { error: 'Choose open or blind review.' }),
});

export async function setReviewModeAction(input: unknown): Promise<ActionResult<{ mode: ReviewMode }>> {
  return guardedAction('document.manage', Input, input, async (user, data) => {
    const saved = await setReviewMode({ documentId: data.documentId, userId: user.id, mode: data.mode });
    // Unlike a save on one claim, the mode changes what every reviewer sees across the document.
    if (saved.changed) revalidateDocument(data.documentId);
    const message = saved.mode === 'BLIND' ? 'Blind review is on.' : 'Open review is on.';
    return { ok: true, message, data: { mode: saved.mode } };
  });
}
