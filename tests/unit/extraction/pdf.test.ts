import { describe, expect, it } from 'vitest';
import { extractPdf, PDF_MAX_BYTES } from '@/lib/extraction/pdf';
import type { Extraction } from '@/lib/extraction/types';
import { makePdf, makeScannedPdf, type PdfSection } from '@/tests/support/make-pdf';
import { expectPinned } from '@/tests/unit/extraction/expect-pinned';

// A known text, set in PDFs made here: each paragraph is a list of its sentences, so what the claims must be is
// written out. The long words get hyphenated at line ends in a column this narrow; the compound words
// ("low-dose", "placebo-controlled") keep their own hyphens.
const SECTIONS: Array<{ heading?: string; paragraphs: string[][] }> = [
  {
    paragraphs: [
      [
        'Low-dose naltrexone has been proposed as an adjunctive antidepressant for patients whose depression did not respond to standard treatment.',
        'Its proposed mechanism involves transient opioid receptor blockade followed by a compensatory rise in endogenous opioid signalling.',
        'Several investigators have also described anti-inflammatory effects mediated by microglial cells.',
      ],
      [
        'Despite widespread interest among clinicians and patients, randomised evidence remains remarkably scarce.',
        'Most published reports describe uncontrolled observations in specialised outpatient clinics.',
      ],
    ],
  },
  {
    heading: 'Methods',
    paragraphs: [
      [
        'We conducted a placebo-controlled trial in eleven outpatient psychiatric departments between 2021 and 2024.',
        'Adults with major depressive disorder and an inadequate response to at least two antidepressants were eligible.',
        'Participants were randomly assigned to naltrexone or an indistinguishable placebo capsule taken at bedtime.',
      ],
      [
        'The primary outcome was the change in the Montgomery and Asberg depression rating score after twelve weeks.',
        'Secondary outcomes included remission, sleep disturbance, gastrointestinal complaints and discontinuation for any reason.',
        'Assessors remained unaware of treatment allocation throughout the observation period.',
      ],
      [
        'All analyses followed the intention-to-treat principle with multiple imputation for missing questionnaires.',
        'The protocol was approved by the regional ethics committee before the first participant was enrolled.',
      ],
    ],
  },
  {
    heading: 'Results',
    paragraphs: [
      [
        'Of the three hundred and twelve participants who were randomised, two hundred and eighty-four completed the trial.',
        'Depression scores fell by a mean of nine points with naltrexone and by seven points with placebo.',
        'The difference between the groups was small and its confidence interval included no effect.',
      ],
      [
        'Vivid dreams were reported more frequently by participants receiving naltrexone than by those receiving placebo.',
        'Headache, nausea and insomnia occurred at similar frequencies in both groups.',
        'No serious adverse events were attributed to the study medication.',
      ],
      [
        'Remission occurred in twenty-one percent of the naltrexone group and in seventeen percent of the placebo group.',
        'Hospitalisation for worsening depression was uncommon and did not differ between the groups.',
      ],
    ],
  },
  {
    heading: 'Discussion',
    paragraphs: [
      [
        'This trial found no convincing antidepressant benefit of low-dose naltrexone over placebo.',
        'The treatment was nevertheless well tolerated, and its side effects were mild and transient.',
        'Larger trials with longer follow-up would be needed to exclude a modest benefit in particular subgroups.',
      ],
      [
        'Clinicians should discuss the uncertain evidence with patients who ask about this unconventional treatment.',
        'Until further evidence becomes available, established antidepressant strategies should be preferred.',
      ],
      [
        'Our findings are consistent with the cautious conclusions of previous systematic reviews of naltrexone in psychiatry.',
        'They also illustrate how enthusiastic uncontrolled reports can overestimate the benefits of a treatment.',
        'Independent replication in other healthcare systems would strengthen confidence in these conclusions.',
      ],
    ],
  },
  {
    heading: 'Limitations',
    paragraphs: [
      [
        'The trial enrolled mostly white participants from urban hospitals, which limits how far its findings generalise.',
        'Twelve weeks may be too short to observe the slower improvements that some clinicians describe anecdotally.',
        'Adherence was measured by returned capsule counts, which can overestimate the doses actually swallowed.',
      ],
      [
        'The dose was fixed at four and a half milligrams, so the trial cannot say whether other doses behave differently.',
        'Participants could continue their existing antidepressants, and those medications varied considerably between centres.',
        'Such heterogeneity reflects ordinary practice but complicates the interpretation of any small difference.',
      ],
      [
        'Finally, the trial was not powered to detect differences in uncommon adverse events.',
        'Rare harms would only become apparent through careful pharmacovigilance after wider prescription.',
      ],
    ],
  },
  {
    heading: 'Conclusions',
    paragraphs: [
      [
        'Low-dose naltrexone did not meaningfully improve depressive symptoms compared with placebo in this population.',
        'Its favourable tolerability does not by itself justify routine prescription for depression.',
        'Patients considering it should be told that the current evidence does not show a worthwhile benefit.',
      ],
      [
        'Future research should prespecify subgroups defined by inflammatory markers, where a biological rationale is strongest.',
        'Such trials should also collect patient-reported outcomes over at least six months of treatment.',
        'Until then, claims of dramatic recovery with naltrexone should be regarded with considerable scepticism.',
      ],
    ],
  },
];

const sections: PdfSection[] = SECTIONS.map(({ heading, paragraphs }) => ({
  ...(heading ? { heading } : {}),
  paragraphs: paragraphs.map((sentences) => sentences.join(' ')),
}));
const SENTENCES = SECTIONS.flatMap((section) => section.paragraphs.flat());
const TITLE = 'Low-dose naltrexone for treatment-resistant depression: a randomised placebo-controlled trial';
const HEADER = 'Journal of Evidence Review 2026; 14: 101-109';

async function extracted(bytes: Buffer): Promise<Extraction & { pages: number }> {
  const result = await extractPdf(bytes);
  if (!result.ok) throw new Error(result.error);
  expectPinned(result.extraction);
  return { ...result.extraction, pages: result.pages };
}

describe('extractPdf', () => {
  it('reads two columns in order, joins hyphenated words and drops the running header and page numbers', async () => {
    const bytes = await makePdf({
      columns: 2,
      sections,
      title: TITLE,
      authors: 'Jane Morrow, Peter van Dijk and Ann Lee',
      header: HEADER,
      pageNumbers: 'plain',
    });
    const extraction = await extracted(bytes);

    expect(extraction.pages).toBeGreaterThanOrEqual(2);
    expect(extraction.claims.map((claim) => claim.quote)).toEqual(SENTENCES);
    expect(extraction.body).not.toContain('Journal of Evidence Review');
    expect(extraction.body.split('\n\n').filter((block) => /^\d+$/.test(block))).toEqual([]);
    expect(extraction.body).toContain('placebo-controlled trial in eleven');
    expect(extraction.sections.map((section) => [section.heading, section.level])).toEqual([
      ['Methods', 2],
      ['Results', 2],
      ['Discussion', 2],
      ['Limitations', 2],
      ['Conclusions', 2],
    ]);
    const methods = extraction.sections.findIndex((section) => section.heading === 'Methods');
    expect(extraction.claims.find((claim) => claim.quote.startsWith('We conducted'))?.sectionIndex).toBe(
      methods,
    );
  });

  it('hyphenates long words at line ends in the PDF it reads, so the joining above is tested', async () => {
    const bytes = await makePdf({ columns: 2, sections });
    const result = await extractPdf(bytes);
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    const lines: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      for (const item of content.items) if ('str' in item) lines.push(item.str);
    }
    await doc.destroy();
    expect(lines.filter((line) => /\p{Ll}-$/u.test(line)).length).toBeGreaterThanOrEqual(5);
    expect(result.ok && result.extraction.body).not.toMatch(/\p{L}- \p{L}/u);
  });

  it('reads a heading across both columns in its place, between the columns above it and those below', async () => {
    // The columns above the heading end level, so both hold text: read by columns alone, the right one above
    // the heading would come after the left one below it.
    const [first, second] = SECTIONS;
    const acrossSections: PdfSection[] = [
      { paragraphs: (first?.paragraphs ?? []).map((sentences) => sentences.join(' ')) },
      {
        heading: second?.heading ?? '',
        across: true,
        paragraphs: (second?.paragraphs ?? []).map((sentences) => sentences.join(' ')),
      },
    ];
    const extraction = await extracted(await makePdf({ columns: 2, sections: acrossSections }));
    expect(extraction.pages).toBe(1);
    expect(extraction.sections.map((section) => section.heading)).toEqual(['Methods']);
    expect(extraction.claims.map((claim) => claim.quote)).toEqual(
      [first, second].flatMap((section) => section?.paragraphs.flat() ?? []),
    );
  });

  it('drops a page number that no other page repeats', async () => {
    const extraction = await extracted(
      await makePdf({
        columns: 1,
        text: 'Naltrexone is an opioid antagonist.\n\nIt is cheap.\n',
        pageNumbers: 'page-of',
      }),
    );
    expect(extraction.pages).toBe(1);
    expect(extraction.body).toBe('Naltrexone is an opioid antagonist.\n\nIt is cheap.');
  });

  it('finds headings set bold in the body’s size', async () => {
    const extraction = await extracted(await makePdf({ columns: 2, sections, headingSize: 10 }));
    expect(extraction.sections.map((section) => section.heading)).toEqual([
      'Methods',
      'Results',
      'Discussion',
      'Limitations',
      'Conclusions',
    ]);
    expect(extraction.claims.map((claim) => claim.quote)).toEqual(SENTENCES);
  });

  it('takes the title and author from the metadata', async () => {
    const extraction = await extracted(
      await makePdf({
        columns: 1,
        sections,
        title: TITLE,
        metadata: { title: 'LDN for depression: trial report', author: 'Jane Morrow' },
      }),
    );
    expect(extraction.title).toBe('LDN for depression: trial report');
    expect(extraction.author).toBe('Jane Morrow');
    expect(extraction.claims.map((claim) => claim.quote)).toEqual(SENTENCES);
  });

  it('takes the title and author from the first page when the metadata names none', async () => {
    const extraction = await extracted(
      await makePdf({
        columns: 2,
        sections,
        title: TITLE,
        authors: 'Jane Morrow¹, Peter van Dijk² and Ann Lee',
        pageNumbers: 'page-of',
      }),
    );
    expect(extraction.title).toBe(TITLE);
    expect(extraction.author).toBe('Jane Morrow, Peter van Dijk, Ann Lee');
    expect(extraction.claims.map((claim) => claim.quote)).toEqual(SENTENCES);
    expect(extraction.body).not.toMatch(/Page \d+ of \d+/);
  });

  it('leaves the title empty when neither the metadata nor the first page gives one', async () => {
    const extraction = await extracted(await makePdf({ columns: 1, sections }));
    expect(extraction.title).toBeNull();
    expect(extraction.author).toBeUndefined();
  });

  it('reports each page as it is read', async () => {
    const seen: Array<[number, number]> = [];
    const result = await extractPdf(await makePdf({ columns: 2, sections, fillPages: 3 }), {
      onPage: (page, pages) => seen.push([page, pages]),
    });
    expect(result.ok).toBe(true);
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('refuses a scanned PDF, one without a text layer, and says it needs OCR', async () => {
    const result = await extractPdf(await makeScannedPdf(3));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/no text layer; it looks scanned/) });
    expect(!result.ok && result.error).toMatch(/OCR/);
  });

  it('refuses an encrypted PDF and says to remove the password', async () => {
    const result = await extractPdf(await makePdf({ columns: 1, sections, userPassword: 'secret' }));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/protected by a password/) });
  });

  it('refuses a damaged PDF and one cut short, each with its own message', async () => {
    const garbage = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)),
      Buffer.from('\n%%EOF\n'),
    ]);
    const damaged = await extractPdf(garbage);
    expect(damaged).toEqual({
      ok: false,
      error: expect.stringMatching(/^This PDF is damaged and cannot be read/),
    });

    const whole = await makePdf({ columns: 1, sections });
    const cut = await extractPdf(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(cut).toEqual({ ok: false, error: expect.stringMatching(/^This PDF is incomplete/) });

    const notPdf = await extractPdf(new TextEncoder().encode('Just some text.\n'));
    expect(notPdf).toEqual({ ok: false, error: expect.stringMatching(/^This file is not a PDF/) });
  });

  it('refuses a PDF over the page or size limit before reading its pages', async () => {
    let read = 0;
    const long = await extractPdf(await makePdf({ columns: 1, sections, fillPages: 3 }), {
      maxPages: 2,
      onPage: () => read++,
    });
    expect(long).toEqual({
      ok: false,
      error: expect.stringMatching(/has 3 pages; at most 2 can be imported/),
    });
    expect(read).toBe(0);

    const large = new Uint8Array(PDF_MAX_BYTES + 1);
    large.set(new TextEncoder().encode('%PDF-1.7\n'));
    expect(await extractPdf(large)).toEqual({
      ok: false,
      error: expect.stringMatching(/the limit for a PDF is 20 MB/),
    });
  });

  it('leaves the caller its bytes', async () => {
    const bytes = new Uint8Array(await makePdf({ columns: 1, sections }));
    await extractPdf(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
  });
});
