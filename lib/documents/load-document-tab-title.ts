import { z } from 'zod';
import type { Role } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db/prisma';
import { readableDocuments } from '@/lib/projects/project-access';

// Long enough for most article titles; a longer one would push the page's name out of a narrow tab.
const TITLE_MAX = 60;

/**
 * The browser tab's title for one of a document's pages, "<document> · <page>", so a reviewer with several
 * documents open tells the tabs apart. Just the page's name where the reader may not read the document (it is in
 * a project they are not a member of) or it does not exist: the page itself then says why.
 */
export async function loadDocumentTabTitle(options: {
  documentId: string;
  reader: { id: string; role: Role } | null;
  page: string;
}): Promise<string> {
  const { documentId, reader, page } = options;
  if (!reader || !z.uuid().safeParse(documentId).success) return page;
  const [document] = await prisma.$queryRaw<Array<{ title: string }>>`
    SELECT d.title FROM "Document" d
    WHERE d.id = ${documentId}::uuid AND d."deletedAt" IS NULL AND ${readableDocuments(reader)}`;
  return document ? `${shorten(document.title)} · ${page}` : page;
}

function shorten(title: string): string {
  if (title.length <= TITLE_MAX) return title;
  const cut = title.slice(0, TITLE_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
