import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES } from '@/lib/consensus/consensus';
import { CLAIM_KINDS, EVIDENCE_LEVELS, VERDICTS } from '@/lib/domain/vocabulary';
import { packClaims, unpackClaims } from '@/lib/workspace/packed-claims';
import type { WorkspaceClaim } from '@/lib/workspace/workspace-types';

const sections = [{ id: 'section-a' }, { id: 'section-b' }];

function claim(i: number, over: Partial<WorkspaceClaim> = {}): WorkspaceClaim {
  return {
    id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    n: i + 1,
    start: i * 50 + 3,
    end: i * 50 + 40,
    sectionId: 'section-a',
    kind: 'EFFICACY',
    hedged: false,
    citesStudy: false,
    text: null,
    status: 'UNREVIEWED',
    assessed: 0,
    level: null,
    mine: null,
    ...over,
  };
}

describe('packClaims and unpackClaims', () => {
  it('give back every field of every claim', () => {
    // Every value of every enum, the optional ones empty too, an edited text, no section, and overlapping claims.
    const claims = [
      ...CLAIM_KINDS.map((kind, i) => claim(i, { kind, hedged: i % 2 === 0, citesStudy: i % 3 === 0 })),
      ...CLAIM_STATUSES.map((status, i) => claim(10 + i, { status, sectionId: 'section-b' })),
      ...EVIDENCE_LEVELS.map((level, i) => claim(20 + i, { level, sectionId: null })),
      ...VERDICTS.map((mine, i) => claim(30 + i, { mine, text: `Edited "text" ${i}, with \n a line` })),
      claim(40, { start: 2000, end: 2100, n: 77 }),
      claim(41, { start: 2050, end: 2060, n: 12 }),
    ];
    const packed = packClaims(claims, sections);
    expect(unpackClaims(JSON.parse(JSON.stringify(packed)), sections)).toEqual(claims);
  });

  it('send a claim in far fewer characters than its object would take', () => {
    const claims = Array.from({ length: 100 }, (_, i) => claim(i));
    const packed = JSON.stringify(packClaims(claims, sections)).length;
    expect(packed).toBeLessThan(JSON.stringify(claims).length / 2.5);
  });

  it('gives an unknown section as none', () => {
    const [packed] = packClaims([claim(0, { sectionId: 'gone' })], sections);
    expect(unpackClaims(packed ? [packed] : [], sections)[0]?.sectionId).toBeNull();
  });
});
