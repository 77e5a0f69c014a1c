import { z } from 'zod';
import { can, type Role } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db/prisma';

// Long enough for most article titles; a longer one would push the page's name out of a narrow tab.
const TITLE_MAX = 60;

/**
 * The browser tab's title for one of a document's pages, "<document> · <page>", so a reviewer with several
 * documents open tells the tabs apart. Just the page's name where the reader may not read the document or it does
 * not exist: the page itself then says why.
 */
export async function loadDocumentTabTitle(options: {
  documentId: string;
  reader: { role: Role } | null;
  page: string;
}): Promise<string> {
  const { documentId, reader, page } = options;
  if (!reader || !can(reader.role, 'document.read') || !z.uuid().safeParse(documentId).success) return page;
  const document = await prisma.document.findFirst({
    where: { id: documentId, deletedAt: null },
    select: { title: true },
  });
  return document ? `${shorten(document.title)} · ${page}` : page;
}

function shorten(title: string): string {
  if (title.length <= TITLE_MAX) return title;
  const cut = title.slice(0, TITLE_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
