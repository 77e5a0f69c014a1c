import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvExport, csvRecord, neutraliseFormula } from '@/lib/exports/csv-export';
import { collectText, inBatches, reviewHeader, reviewRow, sampleRows } from './review-fixture';

// Everything a spreadsheet or a naive CSV writer gets wrong, in one set of values.
const AWKWARD = [
  'plain',
  'commas, in, the, middle',
  'a "quoted" word and a lone " quote',
  'two\nlines',
  'windows\r\nline break',
  'עברית: נלטרקסון במינון נמוך',
  'العربية: النالتريكسون بجرعة منخفضة',
  'emoji 🙂👩🏽‍⚕️ and κ, μ, −2',
  '=HYPERLINK("http://evil.example","click")',
  '+1 and more',
  '-2 points',
  '@SUM(A1)',
  '\ttabbed',
  '=1+1\nwith a second line',
];

async function csvOf(rows = sampleRows(), header = reviewHeader(rows)) {
  return (await collectText(csvExport(header, inBatches(rows)))).text;
}

function records(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: false });
}

describe('csvExport', () => {
  it('starts with a UTF-8 byte order mark and ends every record with CRLF', async () => {
    const text = await csvOf();
    expect(text.startsWith('\uFEFFclaim id,number,section,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/"[^"]*"/g, '').match(/(?<!\r)\n/)).toBeNull();
  });

  it('has a header row, then one row per claim with a verdict column per reviewer', async () => {
    const [head, ...rows] = records(await csvOf());
    expect(head).toEqual([
      'claim id',
      'number',
      'section',
      'text',
      'quote',
      'start',
      'end',
      'kind',
      'hedged',
      'status',
      'in review',
      'consensus verdict',
      'evidence level',
      'certainty',
      'downgrade reasons',
      'rationale',
      'citations',
      'open threads',
      'adjudicated',
      'cites a study',
      'verdict: Ana Reviewer',
      'verdict: Ben Reviewer',
    ]);
    expect(rows).toHaveLength(4);
    const byColumn = (row: string[] | undefined) =>
      Object.fromEntries((head ?? []).map((name, i) => [name, row?.[i]]));
    expect(byColumn(rows[0])).toMatchObject({
      number: '1',
      status: 'SUPPORTED',
      'consensus verdict': 'SUPPORTED',
      'evidence level': 'LEVEL_2',
      certainty: 'MODERATE',
      'downgrade reasons': 'IMPRECISION',
      citations: 'SUPPORTS https://pubmed.ncbi.nlm.nih.gov/12345678/ (A pilot trial)',
      adjudicated: 'false',
      'cites a study': 'false',
      'verdict: Ana Reviewer': 'SUPPORTED',
      'verdict: Ben Reviewer': '',
    });
    expect(byColumn(rows[2])).toMatchObject({
      status: 'CONFLICT',
      'consensus verdict': '',
      'open threads': '1',
      'verdict: Ana Reviewer': 'SUPPORTED',
      'verdict: Ben Reviewer': 'UNSUPPORTED',
    });
  });

  it('round-trips every text field through a real CSV parser, with formulas neutralised', async () => {
    const rows = AWKWARD.map((value, i) =>
      reviewRow(i + 1, 'LDN cures', {
        id: value,
        section: value,
        text: value,
        quote: value,
        rationale: value,
        citations: [
          {
            kind: 'URL',
            identifier: 'https://example.org',
            url: 'https://example.org',
            title: value,
            studyDesign: null,
            relation: 'MENTIONS',
            note: null,
          },
        ],
      }),
    );
    const header = reviewHeader(rows, { reviewers: [{ id: 'x', name: '=cmd|" /C calc"!A0' }] });
    const [head, ...parsed] = records(await csvOf(rows, header));
    expect(head?.at(-1)).toBe('verdict: =cmd|" /C calc"!A0');
    expect(parsed).toHaveLength(AWKWARD.length);
    AWKWARD.forEach((value, i) => {
      const expected = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
      const [id, , section, text, quote] = parsed[i] ?? [];
      expect([id, section, text, quote, parsed[i]?.[15]]).toEqual([
        expected,
        expected,
        expected,
        expected,
        expected,
      ]);
      expect(parsed[i]?.[16]).toBe(`MENTIONS https://example.org (${value})`);
    });
  });

  it('writes only the header row for a review without claims', async () => {
    const text = await csvOf([], reviewHeader([], { reviewers: [] }));
    expect(records(text)).toEqual([[expect.any(String), ...Array(19).fill(expect.any(String))]]);
  });

  it('names reviewers who share a name apart', async () => {
    const header = reviewHeader([], {
      reviewers: [
        { id: '0190a0c4-0000-7000-8000-00000000aaaa', name: 'Sam Lee' },
        { id: '0190a0c4-0000-7000-8000-00000000bbbb', name: 'Sam Lee' },
      ],
    });
    const [head] = records(await csvOf([], header));
    expect(head?.slice(-2)).toEqual(['verdict: Sam Lee (0000aaaa)', 'verdict: Sam Lee (0000bbbb)']);
  });
});

describe('csvRecord', () => {
  it('writes plain cells as they are, comma-separated and CRLF-terminated', () => {
    expect(csvRecord(['a', 'b c', '', '1.5'])).toBe('a,b c,,1.5\r\n');
  });

  it('quotes a cell with a comma, a quote, a CR or an LF, doubling its quotes', () => {
    expect(csvRecord(['x,y'])).toBe('"x,y"\r\n');
    expect(csvRecord(['say "no"'])).toBe('"say ""no"""\r\n');
    expect(csvRecord(['one\ntwo', 'three\rfour', 'five\r\nsix'])).toBe(
      '"one\ntwo","three\rfour","five\r\nsix"\r\n',
    );
  });

  it('round-trips through a real CSV parser', () => {
    const cells = [
      '"',
      '""',
      ',',
      '\n',
      '\r',
      ' lead',
      'trail ',
      'שלום, עולם',
      '🧪 "β-blocker"',
      '=SUM(A1)',
      '',
    ];
    const text = csvRecord(cells) + csvRecord(cells.toReversed());
    expect(parse(text, { relax_column_count: false })).toEqual([cells, cells.toReversed()]);
  });
});

describe('neutraliseFormula', () => {
  it.each([
    '=HYPERLINK("http://evil.example","click")',
    '+1+1',
    '-2+3',
    '@SUM(A1:A2)',
    '\t=1+1',
    '\r=1+1',
    '=1+1\nsecond line',
    '＝1+1',
  ])('makes %j text with a leading apostrophe', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it.each(['LDN = low-dose naltrexone', 'a-b', '', "'quoted'", '1.5 mg', ' =1'])(
    'leaves %j alone',
    (value) => {
      expect(neutraliseFormula(value)).toBe(value);
    },
  );
});
