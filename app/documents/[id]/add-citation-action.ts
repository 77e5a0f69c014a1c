'use server';

import { z } from 'zod';
import { addCitation, CITATION_TEXT_MAX_LENGTH } from '@/lib/citations/add-citation';
import { wakeCitationSourceRunner } from '@/lib/citations/citation-source-runner';
import { multiLineText, singleLineText } from '@/lib/domain/input-schemas';
import { CITATION_NOTE_MAX_LENGTH, CITATION_RELATIONS } from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import type { PanelCitation } from '@/lib/workspace/claim-panel-types';

const optionalText = (what: string, max: number) =>
  multiLineText({ error: `Write the ${what} as text.` })
    .trim()
    .max(max, { error: `The ${what} can be at most ${max.toLocaleString('en')} characters.` })
    .nullish();

const Input = z.object({
  documentId: z.uuid({ error: 'Unknown document.' }),
  claimId: z.uuid({ error: 'Unknown claim.' }),
  // The format is checked by the domain, which gives the one message that says what is accepted.
  identifier: singleLineText({ error: 'Enter a PMID, a DOI or a web address.' }),
  relation: z.enum(CITATION_RELATIONS, {
    error: 'Choose whether the source supports, contradicts or mentions the claim.',
  }),
  note: optionalText('note', CITATION_NOTE_MAX_LENGTH),
  title: optionalText('title', CITATION_TEXT_MAX_LENGTH),
  studyDesign: optionalText('study design', CITATION_TEXT_MAX_LENGTH),
});

export async function addCitationAction(input: unknown): Promise<ActionResult<PanelCitation>> {
  return guardedAction('citation.add', Input, input, async (user, data) => {
    const citation = await addCitation({
      claimId: data.claimId,
      userId: user.id,
      identifier: data.identifier,
      relation: data.relation,
      note: data.note,
      title: data.title,
      studyDesign: data.studyDesign,
    });
    wakeCitationSourceRunner();
    // No revalidation: the workspace updates from `data`; revalidatePath would re-render it into this reply.
    return { ok: true, message: 'Citation added.', data: citation };
  });
}
