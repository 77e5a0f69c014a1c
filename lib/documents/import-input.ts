import { z } from 'zod';
import { multiLineText, singleLineText, sourceUrl } from '@/lib/domain/input-schemas';
import { IMPORT_FORMATS } from './import-format';

const optionalLine = (max: number, message: string) => singleLineText().trim().max(max, message).nullish();

/**
 * What an import carries, from the import page's action, a script's JSON or a multipart upload alike: the same
 * cleaning, the same limits, and a source that can only be an http or https address.
 */
export const ImportInput = z.object({
  text: multiLineText({ error: 'Paste an article or choose a file.' }).min(
    1,
    'Paste an article or choose a file.',
  ),
  format: z.enum(IMPORT_FORMATS, { error: 'Choose the format: text, Markdown, HTML or CSV.' }),
  title: optionalLine(300, 'A title can be at most 300 characters.'),
  author: optionalLine(300, 'An author can be at most 300 characters.'),
  sourceUrl: sourceUrl.nullish(),
  publishedOn: z
    .union([z.literal(''), z.iso.date({ error: 'Enter the date as YYYY-MM-DD.' })])
    .nullish()
    .transform((v) => (v ? new Date(v) : null)),
});
