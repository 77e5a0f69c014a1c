import { describe, expect, it } from 'vitest';
import { type Fragment, layOut } from '@/lib/extraction/pdf-layout';

// The layout rules on pages written out as fragments, for shapes the PDFs made in pdf.test.ts do not have:
// running heads that change by chapter or alternate between pages, and the type of headings and leads.

const run = (text: string, x: number, y: number, extra: Partial<Fragment> = {}): Fragment => ({
  text,
  x,
  xEnd: x + text.length * 5,
  y,
  size: 10,
  bold: false,
  ...extra,
});

/** A page of one column: a running head at the top, then body lines 12 points apart. */
function page(head: string | null, lines: string[]): Fragment[] {
  return [
    ...(head ? [run(head, 56, 800, { size: 8 })] : []),
    ...lines.map((line, i) => run(line, 56, 760 - 12 * i)),
  ];
}

const blocks = (pages: Fragment[][]) => {
  const { body, blocks } = layOut(pages);
  return blocks.map((block) => [block.kind, body.slice(block.start, block.end)]);
};

describe('layOut', () => {
  it('drops a chapter’s running head that two pages repeat, and running heads that alternate', () => {
    const pages = [
      page('Chapter 2: Dosing', ['Doses start low.']),
      page('Chapter 2: Dosing', ['They rise slowly.']),
      page('Chapter 3: Safety 17', ['Dreams are common.']),
      page('Evidence Review 18', ['Nausea is rare.']),
      page('Chapter 3: Safety 19', ['Liver tests stay normal.']),
      page('Evidence Review 20', ['Few patients stop.']),
    ];
    expect(layOut(pages).body).toBe(
      [
        'Doses start low.',
        'They rise slowly.',
        'Dreams are common.',
        'Nausea is rare.',
        'Liver tests stay normal.',
        'Few patients stop.',
      ].join('\n\n'),
    );
  });

  it('keeps a line of the body that two pages happen to start with', () => {
    const pages = [
      page(null, ['Results', 'Pain fell by a third.']),
      page(null, ['Results', 'Sleep improved.']),
    ].map((fragments) => fragments.map((f) => (f.text === 'Results' ? { ...f, bold: true } : f)));
    expect(blocks(pages)).toEqual([
      ['heading', 'Results'],
      ['paragraph', 'Pain fell by a third.'],
      ['heading', 'Results'],
      ['paragraph', 'Sleep improved.'],
    ]);
  });

  it('reads bold lines in the body’s size as a heading, and bold type over many lines as a paragraph', () => {
    const lead = ['LDN is cheap', 'and widely', 'prescribed', 'off label.'];
    const fragments = [
      ...lead.map((line, i) => run(line, 56, 760 - 12 * i, { bold: true })),
      run('Background', 56, 700, { bold: true }),
      ...['It is an opioid antagonist used', 'at a tenth of the usual dose.'].map((line, i) =>
        run(line, 56, 685 - 12 * i),
      ),
      ...['Trials are small and short, and', 'most of them lack a control group.'].map((line, i) =>
        run(line, 56, 640 - 12 * i),
      ),
    ];
    expect(blocks([fragments])).toEqual([
      ['paragraph', 'LDN is cheap and widely prescribed off label.'],
      ['heading', 'Background'],
      ['paragraph', 'It is an opioid antagonist used at a tenth of the usual dose.'],
      ['paragraph', 'Trials are small and short, and most of them lack a control group.'],
    ]);
  });
});
