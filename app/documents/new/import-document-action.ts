'use server';

import { revalidatePath } from 'next/cache';
import { importDocument } from '@/lib/documents/import-document';
import { ImportInput } from '@/lib/documents/import-input';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';

export async function importDocumentAction(
  input: unknown,
): Promise<ActionResult<{ id: string; claims: number }>> {
  return guardedAction('document.import', ImportInput, input, async (user, data) => {
    const { id, claims } = await importDocument({ ...data, actorId: user.id });
    revalidatePath('/');
    return { ok: true, message: `Imported with ${claims} claims.`, data: { id, claims } };
  });
}
