import { expect } from 'vitest';
import { CONTEXT_LENGTH } from '@/lib/extraction/sentences';
import { CLAIM_KINDS, type Extraction } from '@/lib/extraction/types';

/** The invariants every extraction keeps, whatever the input: each claim and heading is pinned to the body. */
export function expectPinned({ body, sections, claims }: Extraction) {
  let previousEnd = 0;
  for (const claim of claims) {
    expect(claim.start).toBeGreaterThanOrEqual(previousEnd);
    expect(claim.end).toBeGreaterThan(claim.start);
    expect(claim.end).toBeLessThanOrEqual(body.length);
    expect(claim.quote).toBe(body.slice(claim.start, claim.end));
    expect(claim.quote).toBe(claim.quote.trim());
    expect(claim.prefix).toBe(body.slice(Math.max(0, claim.start - CONTEXT_LENGTH), claim.start));
    expect(claim.suffix).toBe(body.slice(claim.end, claim.end + CONTEXT_LENGTH));
    expect(CLAIM_KINDS).toContain(claim.kind);
    expect(claim.hedged).toBe(claim.hedges.length > 0);
    if (claim.sectionIndex !== null) {
      expect(claim.sectionIndex).toBeLessThan(sections.length);
      expect(sections[claim.sectionIndex]?.end).toBeLessThanOrEqual(claim.start);
    }
    previousEnd = claim.end;
  }
  for (const section of sections) {
    expect(section.heading).toBe(body.slice(section.start, section.end));
    expect(section.heading).not.toMatch(/:$/);
  }
}
