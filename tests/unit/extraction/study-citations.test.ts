import { describe, expect, it } from 'vitest';
import { extractClaims } from '@/lib/extraction/extract-claims';
import { detectStudyCitation, linkReferences, parseReferenceEntries } from '@/lib/extraction/study-citations';

describe('detectStudyCitation', () => {
  it.each([
    'A 2006 study showed that LDN lowered pain scores.',
    'A 2019 randomised trial found no difference in mood.',
    'A 2020 double-blind, placebo-controlled trial reported fewer relapses.',
    'According to a 2021 meta-analysis, the effect is small.',
    'Researchers at Stanford reported in 2018 that symptoms improved.',
    'In 2018, researchers found that the dose mattered.',
    'A study published in 2015 followed 40 patients.',
    'A trial published in The Lancet found a benefit.',
    'LDN reduced exhaustion, according to a small study published on Monday.',
    'According to the 2019 Cochrane review, the evidence is weak.',
  ])('marks a study cited in words: %s', (text) => {
    expect(detectStudyCitation(text)).toEqual({ citesStudy: true, numbers: [], authorYears: [] });
  });

  it.each([
    ['LDN improved mood [12].', [12]],
    ['LDN improved mood [3, 7–9].', [3, 7, 8, 9]],
    ['LDN improved mood [1; 4].', [1, 4]],
    ['Two trials agree [2] and a third does not [5-6].', [2, 5, 6]],
    ['LDN improved mood.¹²', [12]],
    ['Several trials¹⁻³ agree.', [1, 2, 3]],
  ])('reads numbered markers: %s', (text, numbers) => {
    expect(detectStudyCitation(text)).toMatchObject({ citesStudy: true, numbers });
  });

  it.each([
    ['LDN improved mood (Smith et al., 2019).', [['Smith et al., 2019', 'smith', '2019']]],
    [
      'LDN improved mood (Smith and Jones 2019; Lee 2020).',
      [
        ['Smith and Jones, 2019', 'smith', '2019'],
        ['Lee, 2020', 'lee', '2020'],
      ],
    ],
    ['Pain fell (e.g. van der Berg 2017a).', [['van der Berg, 2017a', 'van der berg', '2017a']]],
    ['Smith et al. (2019) found lower pain scores.', [['Smith et al., 2019', 'smith', '2019']]],
    [
      'Mood improved (Müller, 2018, 2020).',
      [
        ['Müller, 2018', 'muller', '2018'],
        ['Müller, 2020', 'muller', '2020'],
      ],
    ],
    ['Guidance changed (WHO, 2022).', [['WHO, 2022', 'who', '2022']]],
  ])('reads author-year markers: %s', (text, expected) => {
    const result = detectStudyCitation(text);
    expect(result.citesStudy).toBe(true);
    expect(result.authorYears.map((a) => [a.label, a.surname, a.year])).toEqual(expected);
  });

  it.each([
    'He wrote that the dose was "too hig" [sic].',
    'Take LDN at night (2 mg).',
    'In 2019 the FDA approved a new drug.',
    'By 2020, most clinics offered it.',
    'The dose was 4.5 mg in 2019 and 2020.',
    "[Editor's note] This article was updated.",
    'The area was 10 m² and the dose 50 mg/m².',
    'Symptoms began (March 2019) after the move.',
    'The clinic opened (in 2019) downtown.',
    'Studies show that exercise helps.',
    'The result [2019] was odd.',
    'Patients (n = 40, 2019 cohort) were included.',
    'LDN is used off label for depression.',
    'The trial ended in 2020.',
    'According to her doctor, LDN helped.',
    'The leaflet was updated on Monday.',
  ])('does not mark: %s', (text) => {
    expect(detectStudyCitation(text).citesStudy).toBe(false);
  });
});

describe('parseReferenceEntries', () => {
  it('reads a numbered Vancouver entry with its DOI and PMID, the number from its list marker', () => {
    const [entry] = parseReferenceEntries(
      'Smith J, Jones K. Low-dose naltrexone for depression. J Affect Disord. 2019;12(3):45-67. doi:10.1016/j.jad.2019.01.001. PMID: 31234567.',
      '12. ',
    );
    expect(entry).toEqual({
      number: 12,
      surname: 'smith',
      year: '2019',
      text: 'Smith J, Jones K. Low-dose naltrexone for depression. J Affect Disord. 2019;12(3):45-67. doi:10.1016/j.jad.2019.01.001. PMID: 31234567.',
      doi: '10.1016/j.jad.2019.01.001',
      pmid: '31234567',
    });
  });

  it('splits a block of "[n]" lines into entries, a wrapped line going with the entry above it', () => {
    const entries = parseReferenceEntries(
      '[1] Lee A. Title one. BMJ. 2020;1:2.\n[2] Park B. Title two,\ncontinued. Lancet. 2018;3:4.',
    );
    expect(entries.map((e) => [e.number, e.text])).toEqual([
      [1, 'Lee A. Title one. BMJ. 2020;1:2.'],
      [2, 'Park B. Title two, continued. Lancet. 2018;3:4.'],
    ]);
  });

  it('reads author-year entries one a line, with their surname and year', () => {
    const entries = parseReferenceEntries(
      'Smith, J., & Jones, K. (2019). LDN and mood. https://doi.org/10.1000/xyz1\nLee, A. (2020a). Another title.',
    );
    expect(entries.map((e) => [e.surname, e.year, e.doi])).toEqual([
      ['smith', '2019', '10.1000/xyz1'],
      ['lee', '2020a', undefined],
    ]);
  });

  it('refuses what is neither numbered nor an author and a year', () => {
    expect(parseReferenceEntries('This work was funded by nobody.')).toEqual([]);
  });
});

describe('linkReferences', () => {
  const entries = [
    ...parseReferenceEntries('[1] Lee A. One. BMJ. 2020;1:2. doi:10.1000/one\n[2] Park B. Two. 2018;3:4.'),
    ...parseReferenceEntries('Smith, J. (2019a). Three.\nSmith, J. (2019b). Four. PMID: 123'),
    ...parseReferenceEntries('Jones, K. (2017). Five.'),
  ];

  it('links numbers to numbered entries and author-year markers to their entry', () => {
    expect(linkReferences(detectStudyCitation('It works [1, 2, 9].'), entries).map((r) => r.label)).toEqual([
      '1',
      '2',
    ]);
    expect(linkReferences(detectStudyCitation('It works (Smith 2019b).'), entries)).toEqual([
      { label: 'Smith, 2019b', text: 'Smith, J. (2019b). Four. PMID: 123', pmid: '123' },
    ]);
    expect(linkReferences(detectStudyCitation('It works (Jones et al., 2017).'), entries)).toMatchObject([
      { label: 'Jones et al., 2017', text: 'Jones, K. (2017). Five.' },
    ]);
  });

  it('leaves an ambiguous author-year marker unlinked', () => {
    expect(linkReferences(detectStudyCitation('It works (Smith 2019).'), entries)).toEqual([]);
  });
});

describe('extractClaims with a reference list', () => {
  const text = [
    'LDN and depression',
    '',
    'A 2006 study showed that LDN eased pain.',
    'LDN improved mood in two trials [1, 2].',
    'Sleep got better too (Lee et al., 2020).',
    'Nobody knows why.',
    '',
    'References',
    '',
    '1. Park B. Mood and LDN. J Affect Disord. 2018;3:4. doi:10.1000/park',
    '2. Kim C. Second trial. BMJ. 2021;5:6. PMID: 31234567',
    '3. Lee A, Cho D. Sleep and LDN. Sleep. 2020;7:8.',
  ].join('\n');

  it('marks the citing claims, links their entries, and takes no claim from the reference list', () => {
    const { claims } = extractClaims({ text, format: 'TEXT' });
    expect(claims.map((c) => [c.quote, c.citesStudy, c.references?.map((r) => r.label)])).toEqual([
      ['A 2006 study showed that LDN eased pain.', true, undefined],
      ['LDN improved mood in two trials [1, 2].', true, ['1', '2']],
      ['Sleep got better too (Lee et al., 2020).', true, ['Lee et al., 2020']],
      ['Nobody knows why.', false, undefined],
    ]);
    expect(claims[1]?.references).toEqual([
      {
        label: '1',
        text: 'Park B. Mood and LDN. J Affect Disord. 2018;3:4. doi:10.1000/park',
        doi: '10.1000/park',
      },
      { label: '2', text: 'Kim C. Second trial. BMJ. 2021;5:6. PMID: 31234567', pmid: '31234567' },
    ]);
  });

  it('links in Markdown and HTML as in plain text', () => {
    const markdown =
      '# T\n\nIt works [2].\n\n## Bibliography\n\n1. Park B. One. 2018;3:4.\n2. Kim C. Two. 2021;5:6.\n';
    expect(extractClaims({ text: markdown, format: 'MARKDOWN' }).claims.map((c) => c.references)).toEqual([
      [{ label: '2', text: 'Kim C. Two. 2021;5:6.' }],
    ]);
    const html =
      '<h1>T</h1><p>It works [2].</p><h2>Works cited</h2><ol><li>Park B. One. 2018;3:4.</li><li>Kim C. Two. 2021;5:6.</li></ol>';
    expect(extractClaims({ text: html, format: 'HTML' }).claims.map((c) => c.references)).toEqual([
      [{ label: '2', text: 'Kim C. Two. 2021;5:6.' }],
    ]);
  });
});
