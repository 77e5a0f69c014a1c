import { beforeAll, describe, expect, it } from 'vitest';
import { POST as versionRoute } from '@/app/api/documents/[id]/versions/route';
import { splitClaim } from '@/lib/claim-edits/split-claim';
import { prisma } from '@/lib/db/prisma';
import { reviewClaimBatches } from '@/lib/exports/review-claim-batches';
import { getClaimPanel } from '@/lib/workspace/get-claim-panel';
import { loadWorkspace } from '@/lib/workspace/load-workspace';
import { createDocument } from '@/tests/support/fixtures';
import { signedIn } from '@/tests/support/signed-in';

const ARTICLE = [
  'LDN and depression',
  '',
  'LDN improved mood in two small trials [1, 2].',
  'Sleep got better too (Lee et al., 2020).',
  'A 2006 study showed that LDN eased pain.',
  'Nobody knows why it works.',
  '',
  'References',
  '',
  '1. Park B, Cho D. Mood and low-dose naltrexone. J Affect Disord. 2018;3:4-9. doi:10.1000/park.2018',
  '2. Kim C. A second trial. BMJ. 2021;5:6. PMID: 31234567',
  '3. Lee A, Han E. Sleep and naltrexone. Sleep Med. 2020;7:8.',
  '',
].join('\n');

const NEW_SENTENCE = 'A third trial agreed [3].';

let reviewer: Awaited<ReturnType<typeof signedIn>>;
let documentId: string;

beforeAll(async () => {
  reviewer = await signedIn('REVIEWER');
  documentId = (await createDocument(ARTICLE)).id;
});

const claimsOf = () =>
  prisma.claim.findMany({
    where: { documentId, deletedAt: null },
    orderBy: { start: 'asc' },
    select: { id: true, quote: true, citesStudy: true, references: true },
  });

describe('claims that cite a study', () => {
  it('are marked at import and linked to the reference list, whose entries are not claims', async () => {
    const claims = await claimsOf();
    expect(claims.map((c) => [c.quote, c.citesStudy])).toEqual([
      ['LDN improved mood in two small trials [1, 2].', true],
      ['Sleep got better too (Lee et al., 2020).', true],
      ['A 2006 study showed that LDN eased pain.', true],
      ['Nobody knows why it works.', false],
    ]);
    expect(claims[0]?.references).toEqual([
      {
        label: '1',
        text: 'Park B, Cho D. Mood and low-dose naltrexone. J Affect Disord. 2018;3:4-9. doi:10.1000/park.2018',
        doi: '10.1000/park.2018',
      },
      { label: '2', text: 'Kim C. A second trial. BMJ. 2021;5:6. PMID: 31234567', pmid: '31234567' },
    ]);
    expect(claims[1]?.references).toEqual([
      { label: 'Lee et al., 2020', text: 'Lee A, Han E. Sleep and naltrexone. Sleep Med. 2020;7:8.' },
    ]);
    expect(claims[2]?.references).toBeNull();
    expect(claims[3]?.references).toBeNull();
  });

  it('are shown as such in the workspace and the claim panel', async () => {
    const claims = await claimsOf();
    const workspace = await loadWorkspace({ documentId, user: reviewer.user });
    expect(workspace.claims.map((c) => c.citesStudy)).toEqual([true, true, true, false]);
    const panel = await getClaimPanel({ claimId: claims[0]?.id ?? '', user: reviewer.user });
    expect(panel.claim.citesStudy).toBe(true);
    expect(panel.claim.references.map((r) => [r.label, r.doi, r.pmid])).toEqual([
      ['1', '10.1000/park.2018', undefined],
      ['2', undefined, '31234567'],
    ]);
  });

  it('are marked in the rows the summary and the exports are made of', async () => {
    const rows = [];
    const filter = { only: null, sectionId: null };
    for await (const batch of reviewClaimBatches({ documentId, filter, appUrl: 'http://localhost:3000' })) {
      rows.push(...batch);
    }
    expect(rows.map((r) => r.citesStudy)).toEqual([true, true, true, false]);
  });

  it('are marked and linked among the new claims of a new version, and the claims carried over follow its reference list', async () => {
    const text = ARTICLE.replace(
      'Nobody knows why it works.',
      `Nobody knows why it works. ${NEW_SENTENCE}`,
    ).replace('2. Kim C. A second trial.', '2. Kim C, Yoon D. A second trial, corrected.');
    const response = await versionRoute(
      new Request(`http://localhost:3000/api/documents/${documentId}/versions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: reviewer.cookie },
        body: JSON.stringify({ text, format: 'TEXT' }),
      }),
      { params: Promise.resolve({ id: documentId }) },
    );
    expect(response.status, await response.clone().text()).toBe(201);
    const added = (await claimsOf()).find((c) => c.quote === NEW_SENTENCE);
    expect(added).toMatchObject({
      citesStudy: true,
      references: [{ label: '3', text: 'Lee A, Han E. Sleep and naltrexone. Sleep Med. 2020;7:8.' }],
    });
    const kept = (await claimsOf()).find((c) => c.quote.startsWith('LDN improved mood'));
    expect(kept).toMatchObject({
      citesStudy: true,
      references: [
        { label: '1', doi: '10.1000/park.2018' },
        { label: '2', text: 'Kim C, Yoon D. A second trial, corrected. BMJ. 2021;5:6. PMID: 31234567' },
      ],
    });
    expect((await claimsOf()).find((c) => c.quote === 'Nobody knows why it works.')?.citesStudy).toBe(false);
  });

  it('are found again in the parts of a split claim', async () => {
    const claim = (await claimsOf()).find((c) => c.quote === 'A 2006 study showed that LDN eased pain.');
    if (!claim) throw new Error('The claim is missing');
    const { version } = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    const { first, second } = await splitClaim({
      claimId: claim.id,
      at: 'A 2006 study showed'.length,
      expectedVersion: version,
      actorId: reviewer.user.id,
      confirmed: true,
    });
    expect([first.citesStudy, second.citesStudy]).toEqual([true, false]);
    const stored = await prisma.claim.findMany({ where: { id: { in: [first.id, second.id] } } });
    expect(stored.map((c) => [c.quote, c.citesStudy]).sort()).toEqual([
      ['A 2006 study showed', true],
      ['that LDN eased pain.', false],
    ]);
  });
});
