import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/prisma';
import { SAMPLE_DOCUMENT_SLUG, seedSampleData } from '@/lib/seed/seed-sample-data';

describe('seedSampleData', () => {
  it('loads the sample article once, however often it runs, even at the same time', async () => {
    await Promise.all([seedSampleData(), seedSampleData()]);
    await seedSampleData();
    expect(await prisma.document.count({ where: { slug: SAMPLE_DOCUMENT_SLUG } })).toBe(1);
  });

  it('pins every claim to its exact place in the body', async () => {
    await seedSampleData();
    const doc = await prisma.document.findUniqueOrThrow({ where: { slug: SAMPLE_DOCUMENT_SLUG } });
    const claims = await prisma.claim.findMany({
      where: { documentId: doc.id },
      select: { start: true, end: true, quote: true, section: { select: { heading: true } } },
    });
    expect(claims.length).toBeGreaterThan(20);
    for (const claim of claims) expect(doc.body.slice(claim.start, claim.end)).toBe(claim.quote);
    expect(claims.some((c) => c.section?.heading === 'LDN Mechanisms of action in depression')).toBe(true);
  });
});
