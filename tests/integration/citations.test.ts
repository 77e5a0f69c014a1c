import { describe, expect, it } from 'vitest';
import { addCitation } from '@/lib/citations/add-citation';
import { removeCitation } from '@/lib/citations/remove-citation';
import { prisma } from '@/lib/db/prisma';
import { createDocument, createUser } from '@/tests/support/fixtures';

const UNKNOWN = '00000000-0000-7000-8000-000000000000';

async function setUp() {
  const user = await createUser();
  const { claims } = await createDocument();
  return { user, claimId: claims[0]!.id };
}

describe('addCitation', () => {
  it.each([
    ['a PMID', 'PMID: 31234567', 'PMID', '31234567', 'https://pubmed.ncbi.nlm.nih.gov/31234567/'],
    ['a DOI', 'https://doi.org/10.1000/XYZ123', 'DOI', '10.1000/XYZ123', 'https://doi.org/10.1000/XYZ123'],
    [
      'a URL',
      'https://example.org/ldn-trial',
      'URL',
      'https://example.org/ldn-trial',
      'https://example.org/ldn-trial',
    ],
  ])('cites %s, normalised, with a link and an audit event', async (_, raw, kind, identifier, url) => {
    await prisma.citationSource.deleteMany();
    const { user, claimId } = await setUp();
    const citation = await addCitation({
      claimId,
      userId: user.id,
      identifier: raw,
      relation: 'SUPPORTS',
      note: '  Main trial.  ',
      title: ' LDN in depression ',
      studyDesign: '',
    });
    expect(citation).toEqual({
      id: expect.any(String),
      kind,
      identifier,
      url,
      title: 'LDN in depression',
      studyDesign: null,
      relation: 'SUPPORTS',
      note: 'Main trial.',
      addedBy: user.name,
      createdAt: expect.any(String),
      // Not looked up yet: the retry job asks PubMed or Crossref after the save (citation-sources.test.ts).
      source:
        kind === 'URL'
          ? null
          : {
              status: 'PENDING',
              title: null,
              journal: null,
              year: null,
              authors: null,
              publicationTypes: [],
              fetchedAt: null,
              suggestion: null,
            },
    });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: citation.id } });
    expect(event).toMatchObject({
      action: 'citation.added',
      actorId: user.id,
      claimId,
      before: null,
      after: { kind, identifier, relation: 'SUPPORTS', note: 'Main trial.', title: 'LDN in depression' },
    });
  });

  it('refuses what is not a PMID, DOI or web address, saying what is accepted', async () => {
    const { user, claimId } = await setUp();
    for (const identifier of ['', 'smith et al. 2020', 'ftp://example.org/x', '10.12/short']) {
      await expect(
        addCitation({ claimId, userId: user.id, identifier, relation: 'MENTIONS' }),
      ).rejects.toMatchObject({
        code: 'VALIDATION',
        details: {
          identifier:
            'Enter a PMID (digits only), a DOI such as 10.1000/xyz123, or a web address starting with https://',
        },
      });
    }
    expect(await prisma.citation.count({ where: { claimId } })).toBe(0);
  });

  it('refuses a source already cited on the claim, but not on another claim or once removed', async () => {
    const user = await createUser();
    const { claims } = await createDocument();
    const [first, second] = [claims[0]!.id, claims[1]!.id];
    const cite = (claimId: string, identifier: string) =>
      addCitation({ claimId, userId: user.id, identifier, relation: 'SUPPORTS' });
    const citation = await cite(first, 'doi:10.1000/abc');
    await expect(cite(first, 'https://doi.org/10.1000/ABC')).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { identifier: 'This source is already cited on this claim.' },
    });
    await cite(second, '10.1000/abc');
    await removeCitation({ citationId: citation.id, userId: user.id });
    await cite(first, '10.1000/abc');
    expect(await prisma.citation.count({ where: { claimId: first, deletedAt: null } })).toBe(1);
  });

  it('refuses over-long notes, titles and study designs, and unknown claims', async () => {
    const { user, claimId } = await setUp();
    const base = { claimId, userId: user.id, identifier: '123', relation: 'CONTRADICTS' as const };
    await expect(addCitation({ ...base, note: 'n'.repeat(2_001) })).rejects.toMatchObject({
      details: { note: expect.stringContaining('2,000') },
    });
    await expect(addCitation({ ...base, title: 't'.repeat(501) })).rejects.toMatchObject({
      details: { title: expect.stringContaining('500') },
    });
    await expect(addCitation({ ...base, studyDesign: 's'.repeat(501) })).rejects.toMatchObject({
      details: { studyDesign: expect.stringContaining('500') },
    });
    await expect(addCitation({ ...base, claimId: UNKNOWN })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await prisma.citation.count({ where: { claimId } })).toBe(0);
    await addCitation({
      ...base,
      note: 'n'.repeat(2_000),
      title: 't'.repeat(500),
      studyDesign: 's'.repeat(500),
    });
    expect(await prisma.citation.count({ where: { claimId } })).toBe(1);
  });
});

describe('removeCitation', () => {
  it('soft-deletes the citation with an audit event, then answers "not found"', async () => {
    const { user, claimId } = await setUp();
    const citation = await addCitation({
      claimId,
      userId: user.id,
      identifier: '4242',
      relation: 'MENTIONS',
    });
    const remover = await createUser();
    await removeCitation({ citationId: citation.id, userId: remover.id });
    const row = await prisma.citation.findUniqueOrThrow({ where: { id: citation.id } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: citation.id, action: 'citation.removed' },
    });
    expect(event).toMatchObject({
      actorId: remover.id,
      claimId,
      before: { kind: 'PMID', identifier: '4242', deletedAt: null },
      after: { deletedAt: row.deletedAt?.toISOString() },
    });
    await expect(removeCitation({ citationId: citation.id, userId: remover.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(removeCitation({ citationId: UNKNOWN, userId: remover.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(removeCitation({ citationId: 'nope', userId: remover.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await prisma.auditEvent.count({ where: { entityId: citation.id, action: 'citation.removed' } }),
    ).toBe(1);
  });
});
