'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { importDocument } from '@/lib/documents/import-document';
import { IMPORT_FORMATS } from '@/lib/documents/import-format';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';

const optionalText = (max: number, message: string) =>
  z.string().trim().max(max, message).optional().default('');

const Input = z.object({
  text: z
    .string({ error: 'Paste an article or choose a file.' })
    .min(1, 'Paste an article or choose a file.'),
  format: z.enum(IMPORT_FORMATS, { error: 'Choose the format: text, Markdown, HTML or CSV.' }),
  title: optionalText(300, 'A title can be at most 300 characters.'),
  author: optionalText(300, 'An author can be at most 300 characters.'),
  sourceUrl: z
    .union([
      z.literal(''),
      z.url({ protocol: /^https?$/, error: 'Enter a web address starting with http:// or https://.' }),
    ])
    .optional(),
  publishedOn: z.union([z.literal(''), z.iso.date({ error: 'Enter the date as YYYY-MM-DD.' })]).optional(),
});

export async function importDocumentAction(
  input: unknown,
): Promise<ActionResult<{ id: string; claims: number }>> {
  return guardedAction('document.import', Input, input, async (user, data) => {
    const { id, claims } = await importDocument({
      text: data.text,
      format: data.format,
      title: data.title,
      author: data.author,
      sourceUrl: data.sourceUrl || null,
      publishedOn: data.publishedOn ? new Date(data.publishedOn) : null,
      actorId: user.id,
    });
    revalidatePath('/');
    return { ok: true, message: `Imported with ${claims} claims.`, data: { id, claims } };
  });
}
