import { describe, expect, it } from 'vitest';
import { extractImport } from '@/lib/documents/import-input';
import { extractClaims } from '@/lib/extraction/extract-claims';
import { frontMatter, isFurniture, labelLength } from '@/lib/extraction/furniture';
import { expectPinned } from '@/tests/unit/extraction/expect-pinned';

// Shapes of furniture written differently from the corpus, and the sentences that look like them but are claims.

describe('isFurniture', () => {
  it.each([
    'Key words: fibromyalgia, opioid antagonists, microglia',
    'MeSH terms: Naltrexone; Pain; Depression',
    'Conflicts of interest: none declared.',
    'Corresponding author: A. Patel, a.patel@example.org',
    'Received: 1 May 2022. Accepted: 9 June 2022.',
    'Pain Med 2009; 10(4): 663–72.',
    'https://doi.org/10.1093/pm/pnz011',
    'PMID: 19453963',
    'Copyright (c) 2023 Example Health. Some rights reserved.',
    '© Example Press 2019',
    'Distributed under a CC BY-NC 4.0 licence.',
    'The trial was registered at ClinicalTrials.gov (NCT01234567).',
    'Home · Conditions · Pain · Fibromyalgia',
    'Facebook | X | LinkedIn | WhatsApp | Copy link',
  ])('“%s” is furniture', (line) => {
    expect(isFurniture(line)).toBe(true);
  });

  it.each([
    'LDN reduced pain by 30% in a small trial of 31 women.',
    'Naltrexone was approved in 1984 for opioid dependence.',
    'Common side effects include vivid dreams, headache and nausea.',
    'Results were similar in men | women | children.',
    'Younger and colleagues found that pain fell by a third, a result that others have not yet repeated.',
  ])('“%s” is not', (line) => {
    expect(isFurniture(line)).toBe(false);
  });
});

describe('frontMatter', () => {
  it('reads author lists with footnote marks, degrees or three names, and affiliation lines', () => {
    expect(frontMatter('Ana Souza*, Ben Okoro† and Chen Li‡')).toEqual({
      authors: 'Ana Souza, Ben Okoro, Chen Li',
    });
    expect(frontMatter('Maria van der Berg, MD, PhD; Tom Price, RN')).toEqual({
      authors: 'Maria van der Berg, Tom Price',
    });
    expect(frontMatter('* Division of Rheumatology, Mercy Hospital, Cork, Ireland')).toEqual({});
    expect(
      frontMatter(
        'Department of Pain Medicine, Mercy Hospital, Cork\nSchool of Medicine, University of Leeds, Leeds, UK',
      ),
    ).toEqual({});
  });

  it('leaves headings and sentences alone', () => {
    expect(frontMatter('Vivid Dreams, Night Sweats')).toBeNull();
    expect(frontMatter('Patients in Cork, Dublin and Galway took part.')).toBeNull();
    expect(
      frontMatter('The University Hospital, the clinic and the trust agreed, on balance, to go on.'),
    ).toBeNull();
  });
});

describe('labelLength', () => {
  it('finds the label of a structured abstract’s part, but not a furniture label or a sentence', () => {
    expect(labelLength('OBJECTIVE: To test whether LDN eases pain.')).toBe('OBJECTIVE:'.length);
    expect(labelLength('Main outcome measures: pain at 12 weeks.')).toBe('Main outcome measures:'.length);
    expect(labelLength('Keywords: pain; LDN')).toBe(0);
    expect(labelLength('Table 2: doses')).toBe(0);
    expect(labelLength('Long COVID is common: one adult in 30 has it.')).toBe(0);
  });
});

describe('extractClaims on pasted furniture', () => {
  it('takes a pasted byline with a job title as the author, not as a heading', () => {
    const text = [
      'Why some doctors prescribe low-dose naltrexone',
      'By Sam Okafor, Senior Health Reporter',
      'Updated 12 May 2024',
      'Low-dose naltrexone is cheap. Some patients say it eases their pain.',
    ].join('\n');
    const extraction = extractClaims({ text, format: 'TEXT' });
    expectPinned(extraction);
    expect(extraction).toMatchObject({
      title: 'Why some doctors prescribe low-dose naltrexone',
      author: 'Sam Okafor',
      publishedAt: '2024-05-12',
      sections: [],
    });
    expect(extraction.claims.map((c) => c.quote)).toEqual([
      'Low-dose naltrexone is cheap.',
      'Some patients say it eases their pain.',
    ]);
  });

  it('gives a paste the title, author and date an upload gets', () => {
    const text =
      'LDN and sleep\n\nBy Ann Lee | Reviewed by Dr Ben Roe | 3 March 2025\n\nLDN may cause vivid dreams.';
    const result = extractImport({ text, format: 'TEXT' });
    expect(result.ok && result.extraction).toMatchObject({
      title: 'LDN and sleep',
      author: 'Ann Lee',
      publishedAt: '2025-03-03',
    });
  });

  it('does not make labels of a paragraph or two that open with a phrase and a colon', () => {
    const text = 'LDN notes\n\nThe short answer: nobody knows yet. Trials are small.\n\nIt is cheap.';
    const extraction = extractClaims({ text, format: 'TEXT' });
    expect(extraction.sections).toEqual([]);
    expect(extraction.claims[0]?.quote).toBe('The short answer: nobody knows yet.');
  });

  it('keeps a page without <main> or <article> whole, and drops consent dialogs and link-only lists', () => {
    const extraction = extractClaims({
      format: 'HTML',
      text: `<body><div role="dialog"><p>We value your privacy.</p></div>
        <div class="cookie-bar"><p>This site uses cookies.</p></div>
        <p>LDN is cheap.</p>
        <ul><li><a href="/a">LDN and pain</a></li><li><a href="/b">LDN and sleep</a></li></ul>
        <ul><li>It may cause <a href="/dreams">vivid dreams</a>.</li></ul></body>`,
    });
    expect(extraction.claims.map((c) => c.quote)).toEqual(['LDN is cheap.', 'It may cause vivid dreams.']);
  });
});
