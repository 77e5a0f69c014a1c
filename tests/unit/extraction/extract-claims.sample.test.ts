import { describe, expect, it } from 'vitest';
import { extractClaims } from '@/lib/extraction/extract-claims';
import type { ExtractedClaim } from '@/lib/extraction/types';
import { expectPinned } from '@/tests/unit/extraction/expect-pinned';
import { readFixture, SAMPLE_DOCUMENT } from '@/tests/unit/extraction/read-fixture';

const text = readFixture(SAMPLE_DOCUMENT);
const extraction = extractClaims({ text, format: 'TEXT' });
const { body, sections, claims } = extraction;

const TITLE = 'The Potential of Low-Dose Naltrexone in Treating Depression';
const DATE = 'March 29, 2023';
const HEADINGS = [
  'Major Depressive Disorder symptoms',
  'LDN as a Psychiatric Medication',
  'LDN as a Psychiatric Medication',
  'LDN Mechanisms of action in depression',
  'Does LDN Cause Depression?',
  'Depression Related to Inflammation',
  'Adding LDN to Depression Treatment Regimen',
  'LDN in depression treatment',
];

function claimQuoting(fragment: string): ExtractedClaim {
  const found = claims.find((c) => c.quote.includes(fragment));
  if (!found) throw new Error(`no claim quotes “${fragment}”`);
  return found;
}

function sectionOf(fragment: string): string | null {
  const index = claimQuoting(fragment).sectionIndex;
  return index === null ? null : (sections[index]?.heading ?? null);
}

function lines() {
  let start = 0;
  return body.split('\n').map((line) => {
    const at = start;
    start += line.length + 1;
    return { line, start: at, end: at + line.length };
  });
}

const overlapsClaim = (start: number, end: number) => claims.some((c) => c.start < end && start < c.end);

describe('extractClaims on the sample document', () => {
  it('keeps the text exactly as the body, non-breaking spaces and curly quotes included', () => {
    expect(body).toBe(text);
    expect(body).toContain('Named\u00A0\u00A0Low Dose Naltrexone');
    expect(body).toContain('“treatment resistant”');
  });

  it('pins every claim and heading to the body', () => {
    expectPinned(extraction);
    expect(claims.length).toBeGreaterThan(40);
  });

  it('reads the title and the date line as metadata, not claims', () => {
    expect(extraction.title).toBe(TITLE);
    expect(extraction.publishedAt).toBe('2023-03-29');
    for (const fragment of [TITLE, DATE]) {
      const start = body.indexOf(fragment);
      expect(overlapsClaim(start, start + fragment.length)).toBe(false);
    }
  });

  it('finds the headings, without their colons, and never claims them', () => {
    expect(sections.map((s) => s.heading)).toEqual(HEADINGS);
    for (const section of sections) expect(overlapsClaim(section.start, section.end)).toBe(false);
  });

  it('does not claim the two book entries at the end', () => {
    const books = lines().filter(({ line }) => line.includes('The LDN Book'));
    expect(books).toHaveLength(2);
    for (const book of books) expect(overlapsClaim(book.start, book.end)).toBe(false);
    expect(claims.some((c) => /Elsegood|Book by/.test(c.text))).toBe(false);
  });

  it('covers every other character of the article with a claim', () => {
    const covered = new Uint8Array(body.length);
    for (const c of claims) covered.fill(1, c.start, c.end);
    const skipped = lines().filter(
      ({ line, start, end }) =>
        line.trim() === '' ||
        line.trim() === TITLE ||
        line.trim() === DATE ||
        line.includes('The LDN Book') ||
        sections.some((s) => s.start >= start && s.end <= end),
    );
    expect(skipped.filter(({ line }) => line.trim() !== '')).toHaveLength(2 + HEADINGS.length + 2);
    for (const { line, start, end } of lines()) {
      if (skipped.some((s) => s.start === start)) continue;
      const marker = /^\s*(?:\d+\.|•)\s+/.exec(line)?.[0].length ?? 0;
      for (let i = start + marker; i < end; i++) {
        if (/\s/.test(body[i] ?? '')) continue;
        expect(covered[i], `“${body[i]}” at ${i} in “${line.trim()}”`).toBe(1);
      }
    }
  });

  it('splits sentences but not abbreviations, and keeps a sentence that lacks a full stop', () => {
    expect(claimQuoting('LDN boosts the release').quote).toContain(
      '(endorphins, enkephalins, etc..) which act on mu',
    );
    expect(claimQuoting('anti-inflammatory activity').quote).toContain('St. John’s wort, willow bark');
    expect(claimQuoting('Combining LDN with buprenorphine').quote).toMatch(/combination therapy$/);
    expect(claimQuoting('Prolonged Subacute').quote).toBe(
      'Prolonged Subacute or Chronic inflammation will impact the brain. thus,',
    );
  });

  it('gives each claim the nearest heading above it', () => {
    expect(sectionOf('Naltrexone is an opiate antagonist')).toBeNull();
    expect(sectionOf('Significant weight change')).toBe('Major Depressive Disorder symptoms');
    expect(sectionOf('LDN boosts the release')).toBe('LDN as a Psychiatric Medication');
    expect(sectionOf('mu receptors, activated by')).toBe('LDN Mechanisms of action in depression');
    expect(sectionOf('LDN has a role as a dopamine enhancer')).toBe('LDN Mechanisms of action in depression');
    expect(sectionOf('theoretically and practically')).toBe('Does LDN Cause Depression?');
    expect(sectionOf('Always consult your physician')).toBe('Depression Related to Inflammation');
    expect(sectionOf('Some patients who suffer')).toBe('Adding LDN to Depression Treatment Regimen');
  });

  it('makes each item of the symptom list a claim that carries the lead-in (ADR 0003)', () => {
    const items = claims.filter((c) => c.text.startsWith('Major Depressive Disorder symptoms: '));
    expect(items.map((c) => c.quote)).toEqual([
      'Duration of two weeks or more.',
      'Depressed mood and lack of interest or pleasure, in addition to at least four of the following symptoms:',
      'Significant weight change.',
      'Sleeping disorder.',
      'Slowed thinking or movement.',
      'Feeling tired almost every day.',
      'A feeling of worthlessness and guilt.',
      'Loss of concentration.',
      'Recurrent thoughts of suicide and death',
    ]);
    expect(claimQuoting('Significant weight change').text).toBe(
      'Major Depressive Disorder symptoms: Significant weight change.',
    );
  });

  it('classifies claims by their wording', () => {
    expect(claimQuoting('main side effects').kind).toBe('SAFETY');
    expect(claimQuoting('theoretically and practically').kind).toBe('SAFETY');
    expect(claimQuoting('Always consult your physician').kind).toBe('RECOMMENDATION');
    expect(claimQuoting('LDN boosts the release').kind).toBe('MECHANISM');
    expect(claimQuoting('mu receptors, activated by').kind).toBe('MECHANISM');
    expect(claimQuoting('Therefore Blocking kappa receptors').kind).toBe('EFFICACY');
    expect(claimQuoting('produces incredible results').kind).toBe('EFFICACY');
    expect(claimQuoting('Significant weight change').kind).toBe('OTHER');
  });

  it('flags hedged claims and names the hedges', () => {
    expect(claimQuoting('Combining LDN with buprenorphine').hedges).toEqual(['is being studied']);
    expect(claimQuoting('A published study in 2006').hedges).toEqual(['suggests', 'may']);
    expect(claimQuoting('LDN can be effective as it’s thought').hedges).toEqual(['it’s thought that']);
    expect(claimQuoting('theoretically and practically').hedges).toEqual(['theoretically']);
    expect(claimQuoting('LDN boosts the release').hedged).toBe(false);
  });
});
