import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCitation } from '@/lib/citations/add-citation';
import {
  startCitationSourceRunner,
  stopCitationSourceRunner,
  wakeCitationSourceRunner,
} from '@/lib/citations/citation-source-runner';
import { enrichCitationSources } from '@/lib/citations/enrich-citation-sources';
import { MAX_NOT_FOUND } from '@/lib/citations/lookup-backoff';
import { prisma } from '@/lib/db/prisma';
import { getClaimPanel } from '@/lib/workspace/get-claim-panel';
import { startCitationSourceReplay } from '@/tests/support/citation-source-replay';
import { createDocument, createUser } from '@/tests/support/fixtures';

type Replay = Awaited<ReturnType<typeof startCitationSourceReplay>>;
let replay: Replay | undefined;

beforeEach(async () => {
  // One cache for the whole run: each test starts from an empty one.
  await prisma.citationSource.deleteMany();
});

afterEach(async () => {
  await stopCitationSourceRunner();
  await replay?.close();
  replay = undefined;
});

async function setUp() {
  const user = await createUser();
  const { claims } = await createDocument();
  const cite = (identifier: string, claim = 0, title?: string) =>
    addCitation({ claimId: claims[claim]!.id, userId: user.id, identifier, relation: 'SUPPORTS', title });
  const citationsOf = async (claim = 0) =>
    (await getClaimPanel({ claimId: claims[claim]!.id, user })).citations;
  return { cite, citationsOf };
}

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

describe('citation metadata', () => {
  it('fills in a PMID from PubMed and a DOI from Crossref: title, journal, year, authors and the design', async () => {
    replay = await startCitationSourceReplay();
    const { cite, citationsOf } = await setUp();
    await cite('PMID: 31234567');
    await cite('https://doi.org/10.1000/LDN.2020.001');
    expect(await enrichCitationSources({ urls: replay.urls })).toEqual({ lookedUp: 2, found: 2 });

    const [pmid, doi] = await citationsOf();
    expect(pmid?.source).toEqual({
      status: 'FOUND',
      title:
        'Randomized, proof-of-concept trial of low dose naltrexone for patients with breakthrough symptoms of major depressive disorder on antidepressants',
      journal: 'Journal of affective disorders',
      year: 2019,
      authors: 'Mischoulon D et al.',
      publicationTypes: ['Journal Article', 'Randomized Controlled Trial'],
      fetchedAt: expect.any(String),
      suggestion: {
        design: 'RANDOMISED_TRIAL',
        label: 'randomised controlled trial',
        level: 'LEVEL_2',
        basis: 'publication type',
      },
    });
    expect(doi?.source).toMatchObject({
      status: 'FOUND',
      title: 'Opioid antagonists for depression: a systematic review and meta-analysis',
      journal: 'Psychiatry Research Reviews',
      year: 2020,
      authors: 'Kowalski AB, Ribeiro T',
      suggestion: { design: 'META_ANALYSIS', level: 'LEVEL_1', basis: 'title' },
    });
    // The citation keeps the DOI as typed; the cache keys it in lower case, as DOIs are case-insensitive.
    expect(doi?.identifier).toBe('10.1000/LDN.2020.001');
    expect(replay.asked).toEqual([
      expect.stringMatching(/^\/pubmed\/esummary\.fcgi\?db=pubmed&retmode=json&.*id=31234567$/),
      '/crossref/works/10.1000/ldn.2020.001',
    ]);
  });

  it('asks the network once per identifier: a source cited again, anywhere, shows at once from the cache', async () => {
    replay = await startCitationSourceReplay();
    const { cite, citationsOf } = await setUp();
    await cite('31234567', 0);
    await enrichCitationSources({ urls: replay.urls });
    const again = await cite('31234567', 1);
    expect(again.source).toMatchObject({ status: 'FOUND', journal: 'Journal of affective disorders' });
    const other = await cite('doi:10.1000/ldn.2020.001', 1);
    expect(other.source).toMatchObject({ status: 'PENDING', title: null });
    await enrichCitationSources({ urls: replay.urls });
    await cite('10.1000/LDN.2020.001', 0);
    expect(await enrichCitationSources({ urls: replay.urls, now: () => minutes(60 * 24 * 365) })).toEqual({
      lookedUp: 0,
      found: 0,
    });
    expect(replay.asked).toHaveLength(2);
    expect((await citationsOf(0)).map((c) => c.source?.status)).toEqual(['FOUND', 'FOUND']);
  });

  it('with no network, saves the citation as typed, and the retry job fills it in once the source is back', async () => {
    replay = await startCitationSourceReplay();
    const { port, urls } = replay;
    await replay.close();
    const { cite, citationsOf } = await setUp();

    const typed = await cite('31234567', 0, 'LDN trial (typed)');
    expect(typed).toMatchObject({ identifier: '31234567', title: 'LDN trial (typed)' });
    expect(typed.source).toMatchObject({ status: 'PENDING', fetchedAt: null, suggestion: null });

    expect(await enrichCitationSources({ urls })).toEqual({ lookedUp: 1, found: 0 });
    const failed = await prisma.citationSource.findUniqueOrThrow({
      where: { kind_identifier: { kind: 'PMID', identifier: '31234567' } },
    });
    expect(failed).toMatchObject({
      status: 'UNREACHABLE',
      attempts: 1,
      error: expect.stringMatching(/^PubMed/),
    });
    expect(failed.fetchedAt).toBeInstanceOf(Date);
    // Backed off: not asked again straight away.
    expect(await enrichCitationSources({ urls })).toEqual({ lookedUp: 0, found: 0 });
    const [stillTyped] = await citationsOf();
    expect(stillTyped).toMatchObject({ title: 'LDN trial (typed)', source: { status: 'UNREACHABLE' } });

    replay = await startCitationSourceReplay({ port });
    expect(await enrichCitationSources({ urls, now: () => minutes(2) })).toEqual({ lookedUp: 1, found: 1 });
    const [filled] = await citationsOf();
    // What the reviewer typed stays; the source's own title comes beside it.
    expect(filled).toMatchObject({
      title: 'LDN trial (typed)',
      source: { status: 'FOUND', year: 2019, suggestion: { level: 'LEVEL_2' } },
    });
  });

  it('leaves an unknown PMID or DOI as typed, records the failure with its date, and gives up after a few days', async () => {
    replay = await startCitationSourceReplay();
    const { cite, citationsOf } = await setUp();
    await cite('99999999');
    await cite('10.1000/unknown-doi');
    expect(await enrichCitationSources({ urls: replay.urls })).toEqual({ lookedUp: 2, found: 0 });
    const rows = await prisma.citationSource.findMany({ orderBy: { kind: 'asc' } });
    expect(rows).toMatchObject([
      { kind: 'PMID', status: 'NOT_FOUND', error: 'PubMed: cannot get document summary', attempts: 1 },
      { kind: 'DOI', status: 'NOT_FOUND', error: 'Crossref: no record for this DOI', attempts: 1 },
    ]);
    expect(rows.every((r) => r.fetchedAt && r.nextAttemptAt && r.nextAttemptAt > minutes(60 * 23))).toBe(
      true,
    );
    expect((await citationsOf()).map((c) => c.source?.status)).toEqual(['NOT_FOUND', 'NOT_FOUND']);

    // Each later pass is a day or more on; after MAX_NOT_FOUND answers of "not found" nobody asks again.
    for (let day = 1; day <= 30; day *= 2) {
      await enrichCitationSources({ urls: replay.urls, now: () => minutes(60 * 24 * day + 1) });
    }
    expect(replay.asked).toHaveLength(2 * MAX_NOT_FOUND);
    expect(await prisma.citationSource.findMany({ select: { attempts: true, nextAttemptAt: true } })).toEqual(
      [
        { attempts: MAX_NOT_FOUND, nextAttemptAt: null },
        { attempts: MAX_NOT_FOUND, nextAttemptAt: null },
      ],
    );
  });

  it('gives up on a source that does not answer after its timeout, and tries it again later', async () => {
    // Takes the connection and never answers, as a source behind a broken proxy does.
    const silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const { cite } = await setUp();
      await cite('31234567');
      const pass = await enrichCitationSources({
        urls: { pubmed: base, crossref: base },
        timeoutMs: 300,
      });
      expect(pass).toEqual({ lookedUp: 1, found: 0 });
      expect(await prisma.citationSource.findFirstOrThrow()).toMatchObject({
        status: 'UNREACHABLE',
        error: 'PubMed could not be reached: no answer in time',
        nextAttemptAt: expect.any(Date),
      });
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('asks once, whatever the number of instances running the job at the same time', async () => {
    replay = await startCitationSourceReplay();
    const { cite } = await setUp();
    await cite('31234567', 0);
    await cite('10.1000/LDN.2020.001', 0);
    await cite('99999999', 1);
    const passes = await Promise.all([1, 2, 3].map(() => enrichCitationSources({ urls: replay!.urls })));
    expect(passes.reduce((n, p) => n + p.lookedUp, 0)).toBe(3);
    expect(replay.asked).toHaveLength(3);
  });

  it('runs in the background once woken, and stops without waiting for the next poll', async () => {
    replay = await startCitationSourceReplay();
    const saved = { pubmed: process.env.PUBMED_BASE_URL, crossref: process.env.CROSSREF_BASE_URL };
    process.env.PUBMED_BASE_URL = replay.urls.pubmed;
    process.env.CROSSREF_BASE_URL = replay.urls.crossref;
    try {
      const { cite, citationsOf } = await setUp();
      startCitationSourceRunner({ pollMs: 60_000 });
      await cite('31234567');
      wakeCitationSourceRunner();
      await expect
        .poll(async () => (await citationsOf())[0]?.source?.status, { timeout: 10_000 })
        .toBe('FOUND');
      await stopCitationSourceRunner();
      // Stopped: a wake does nothing.
      await cite('10.1000/LDN.2020.001');
      wakeCitationSourceRunner();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(replay.asked).toHaveLength(1);
    } finally {
      Object.assign(process.env, { PUBMED_BASE_URL: saved.pubmed, CROSSREF_BASE_URL: saved.crossref });
      if (saved.pubmed === undefined) delete process.env.PUBMED_BASE_URL;
      if (saved.crossref === undefined) delete process.env.CROSSREF_BASE_URL;
    }
  });
});
