import { describe, expect, it } from 'vitest';
import { parseReviewFilter } from '@/lib/exports/review-filter';

const SECTION = '0190A0C4-1111-7000-8000-000000000002';
const parse = (query: string) => parseReviewFilter(new URLSearchParams(query));

describe('parseReviewFilter', () => {
  it('reads no filter as every claim, and leaves other parameters alone', () => {
    expect(parse('format=csv')).toEqual({ only: null, sectionId: null });
  });

  it('reads only=conflicts, only=unsupported and a section id', () => {
    expect(parse('only=conflicts')).toEqual({ only: 'conflicts', sectionId: null });
    expect(parse(`only=unsupported&section=${SECTION}`)).toEqual({
      only: 'unsupported',
      sectionId: SECTION.toLowerCase(),
    });
  });

  it('treats a blank value as no filter, as a form submits its "all" choice', () => {
    expect(parse('only=&section=')).toEqual({ only: null, sectionId: null });
  });

  it.each([
    ['only=supported', /only="supported".*only=conflicts or only=unsupported/],
    ['only=CONFLICTS', /only="CONFLICTS"/],
    ['section=intro', /section="intro".*section=<section id>/],
    ['only=conflicts&only=unsupported', /only was given 2 times/],
  ])('refuses %s with a message naming the valid values', (query, message) => {
    expect(() => parse(query)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringMatching(message) }),
    );
  });
});
