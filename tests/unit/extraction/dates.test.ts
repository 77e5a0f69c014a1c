import { describe, expect, it } from 'vitest';
import { parseDate, parseMetaLine } from '@/lib/extraction/dates';

describe('parseDate', () => {
  it.each([
    ['March 29, 2023', '2023-03-29'],
    ['Mar. 29 2023', '2023-03-29'],
    ['29th March 2023', '2023-03-29'],
    ['Published on Wednesday, March 29, 2023', '2023-03-29'],
    ['Updated: 2023-03-29', '2023-03-29'],
    ['2023-03-29T10:15:00+02:00', '2023-03-29'],
    ['29/03/2023', '2023-03-29'],
    ['03/29/2023', '2023-03-29'],
  ])('reads “%s” as %s', (text, iso) => {
    expect(parseDate(text)).toEqual({ iso });
  });

  it('knows a date line without a full date, and rejects impossible dates and prose', () => {
    expect(parseDate('March 2023')).toEqual({ iso: null });
    expect(parseDate('03/04/2023')).toEqual({ iso: null });
    expect(parseDate('February 30, 2023')).toBeNull();
    expect(parseDate('LDN was approved in 1984')).toBeNull();
  });
});

describe('parseMetaLine', () => {
  it('reads bylines and dates, alone or together', () => {
    expect(parseMetaLine('By Jane Doe, MD | March 29, 2023')).toEqual({
      author: 'Jane Doe, MD',
      date: { iso: '2023-03-29' },
    });
    expect(parseMetaLine('Written by Ann Lee')).toEqual({ author: 'Ann Lee' });
    expect(parseMetaLine('By contrast, naltrexone is cheap.')).toBeNull();
  });
});
