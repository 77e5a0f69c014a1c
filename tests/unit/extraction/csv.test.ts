import { describe, expect, it } from 'vitest';
import { extractClaimsCsv } from '@/lib/extraction/csv';

describe('extractClaimsCsv', () => {
  it('makes one claim per row, one per line, under section lines, pinned to the body', () => {
    const csv =
      'Claim,Section,Source\n"Zinc shortens colds, a little",Colds,PMID:1234\n"Vitamin C may help\nathletes",Colds,\nLDN reduces fatigue,Fatigue,https://example.org/a\n';
    const result = extractClaimsCsv(csv);
    if (!result.ok) throw new Error(result.error);
    const { body, claims, sections, sources } = result.extraction;
    expect(body).toBe(
      'Colds\nZinc shortens colds, a little\nVitamin C may help athletes\nFatigue\nLDN reduces fatigue',
    );
    expect(sections.map((s) => s.heading)).toEqual(['Colds', 'Fatigue']);
    expect(claims.map((c) => [c.text, c.sectionIndex])).toEqual([
      ['Zinc shortens colds, a little', 0],
      ['Vitamin C may help athletes', 0],
      ['LDN reduces fatigue', 1],
    ]);
    for (const c of claims) expect(body.slice(c.start, c.end)).toBe(c.quote);
    expect(claims[1]?.hedged).toBe(true);
    expect(sources).toEqual(['PMID:1234', null, 'https://example.org/a']);
  });

  it('says what is wrong with a CSV it cannot use', () => {
    expect(extractClaimsCsv('text,section\nA,B\n')).toMatchObject({
      ok: false,
      error: expect.stringContaining('"claim" column'),
    });
    expect(extractClaimsCsv('claim\n"unclosed\n')).toMatchObject({
      ok: false,
      error: expect.stringContaining('could not be read'),
    });
    expect(extractClaimsCsv('claim\n""\n')).toMatchObject({
      ok: false,
      error: expect.stringContaining('empty'),
    });
  });
});
