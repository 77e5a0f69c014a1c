import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/prisma';
import { loadDocumentTabTitle } from '@/lib/documents/load-document-tab-title';
import { createDocument, createProject, createUser } from '@/tests/support/fixtures';

describe('loadDocumentTabTitle', () => {
  it('names the document and the page, shortening a long title at a word', async () => {
    const { id } = await createDocument('Naltrexone at low dose\n\nLDN may reduce fatigue.\n');
    const reader = await createUser('VIEWER');
    expect(await loadDocumentTabTitle({ documentId: id, reader, page: 'Review' })).toBe(
      'Naltrexone at low dose · Review',
    );
    await prisma.document.update({
      where: { id },
      data: { title: 'The Potential of Low-Dose Naltrexone in Treating Depression and Fatigue in Adults' },
    });
    expect(await loadDocumentTabTitle({ documentId: id, reader, page: 'Summary' })).toBe(
      'The Potential of Low-Dose Naltrexone in Treating Depression… · Summary',
    );
  });

  it('gives only the page where there is no reader, no such document, or no id at all', async () => {
    const { id } = await createDocument();
    const reader = await createUser('ADMIN');
    expect(await loadDocumentTabTitle({ documentId: id, reader: null, page: 'Review' })).toBe('Review');
    expect(await loadDocumentTabTitle({ documentId: 'not-an-id', reader, page: 'Review' })).toBe('Review');
    const unknown = '00000000-0000-7000-8000-000000000000';
    expect(await loadDocumentTabTitle({ documentId: unknown, reader, page: 'Review' })).toBe('Review');
    await prisma.document.update({ where: { id }, data: { deletedAt: new Date() } });
    expect(await loadDocumentTabTitle({ documentId: id, reader, page: 'Review' })).toBe('Review');
  });

  it("gives only the page to a reader outside the document's project, so its title does not leak", async () => {
    const project = await createProject();
    const { id } = await createDocument('A private title\n\nLDN may reduce fatigue.\n', {
      projectId: project.id,
    });
    const outsider = await createUser('REVIEWER');
    expect(await loadDocumentTabTitle({ documentId: id, reader: outsider, page: 'Review' })).toBe('Review');
  });
});
