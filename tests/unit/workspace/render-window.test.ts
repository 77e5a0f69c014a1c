import { describe, expect, it } from 'vitest';
import { blockAt, textBlocks } from '@/lib/workspace/render-window';

const text = (body: string, run: { start: number; end: number }) => body.slice(run.start, run.end);

describe('textBlocks', () => {
  const body = 'Title\n\nFirst claim here. Not a claim.\n\nSecond para with claim two.\n\n\nLast.';
  const claims = [
    { start: body.indexOf('First'), end: body.indexOf('Not') - 1 },
    { start: body.indexOf('claim two'), end: body.indexOf('two.') + 4 },
  ];

  it('cuts the body at blank lines and keeps every character of each paragraph', () => {
    const blocks = textBlocks(body, claims);
    expect(blocks.map((b) => body.slice(b.start, b.end))).toEqual([
      'Title',
      'First claim here. Not a claim.',
      'Second para with claim two.',
      'Last.',
    ]);
    for (const block of blocks) {
      expect(block.runs.map((r) => text(body, r)).join('')).toBe(body.slice(block.start, block.end));
    }
  });

  it('marks each claim run with its index and its exact quote', () => {
    const runs = textBlocks(body, claims).flatMap((b) => b.runs.filter((r) => r.claimIndex !== null));
    expect(runs.map((r) => [r.claimIndex, text(body, r)])).toEqual([
      [0, 'First claim here.'],
      [1, 'claim two.'],
    ]);
  });

  it('highlights a claim that crosses a paragraph break in both paragraphs', () => {
    const crossing = [{ start: body.indexOf('Not'), end: body.indexOf('para') }];
    const runs = textBlocks(body, crossing).flatMap((b) => b.runs.filter((r) => r.claimIndex === 0));
    expect(runs.map((r) => text(body, r))).toEqual(['Not a claim.', 'Second ']);
  });

  it('lets an overlapping claim yield to the earlier one instead of duplicating text', () => {
    const overlapping = [
      { start: body.indexOf('First'), end: body.indexOf('Not') - 1 },
      { start: body.indexOf('here'), end: body.indexOf('claim.') + 6 },
    ];
    const [, block] = textBlocks(body, overlapping);
    expect(block?.runs.map((r) => text(body, r)).join('')).toBe('First claim here. Not a claim.');
    expect(block?.runs.map((r) => r.claimIndex)).toEqual([0, 1]);
  });

  it('handles an empty body and a body with no claims', () => {
    expect(textBlocks('', [])).toEqual([]);
    expect(textBlocks('One.\n\nTwo.', [])).toHaveLength(2);
  });
});

describe('blockAt', () => {
  it('finds the paragraph that holds an offset', () => {
    const blocks = [
      { start: 0, end: 5 },
      { start: 7, end: 20 },
      { start: 22, end: 30 },
    ];
    expect(blockAt(blocks, 0)).toBe(0);
    expect(blockAt(blocks, 6)).toBe(0);
    expect(blockAt(blocks, 7)).toBe(1);
    expect(blockAt(blocks, 29)).toBe(2);
    expect(blockAt([], 3)).toBe(0);
  });
});
