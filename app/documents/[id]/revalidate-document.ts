import { revalidatePath } from 'next/cache';

/** A change to a document's claims or assessments shows on its page and in the dashboard's progress and mix. */
export function revalidateDocument(documentId: string) {
  revalidatePath(`/documents/${documentId}`);
  revalidatePath('/');
}
