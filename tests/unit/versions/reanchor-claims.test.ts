import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  claimsInRanges,
  MIN_SIMILARITY,
  type OldClaim,
  type ReanchoredClaim,
  reanchorClaims,
  uncoveredRanges,
} from '@/lib/versions/reanchor-claims';

function claimsOf(body: string, quotes: string[]): OldClaim[] {
  let from = 0;
  return quotes.map((quote, i) => {
    const start = body.indexOf(quote, from);
    if (start < 0) throw new Error(`not in the body: ${quote}`);
    from = start + quote.length;
    return { id: `c${i}`, start, end: from, quote };
  });
}

const anchoredText = (body: string, result: ReanchoredClaim) =>
  result.status === 'orphaned' ? null : body.slice(result.start, result.end);

describe('reanchorClaims', () => {
  const oldBody =
    'Dosing\n\nStart at 1.5 mg. Raise it slowly. Stop at 4.5 mg.\n\nSafety\n\nDreams are vivid.';

  it('keeps every claim where it was when the text has not changed', () => {
    const claims = claimsOf(oldBody, ['Start at 1.5 mg.', 'Raise it slowly.', 'Dreams are vivid.']);
    expect(reanchorClaims({ oldBody, newBody: oldBody, claims })).toEqual(
      claims.map(({ id, start, end }) => ({ id, status: 'kept', start, end })),
    );
  });

  it('answers in the order the claims were given, whatever their order in the text', () => {
    const claims = claimsOf(oldBody, ['Start at 1.5 mg.', 'Dreams are vivid.']).reverse();
    const results = reanchorClaims({ oldBody, newBody: `Intro.\n\n${oldBody}`, claims });
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['c1', 'kept'],
      ['c0', 'kept'],
    ]);
  });

  it('tells a claim kept in place among its neighbours from one moved elsewhere', () => {
    const claims = claimsOf(oldBody, [
      'Start at 1.5 mg.',
      'Raise it slowly.',
      'Stop at 4.5 mg.',
      'Dreams are vivid.',
    ]);
    const newBody =
      'Dosing\n\nStart at 1.5 mg. Stop at 4.5 mg. New advice here.\n\nSafety\n\nDreams are vivid. Raise it slowly.';
    const results = reanchorClaims({ oldBody, newBody, claims });
    expect(results.map((r) => r.status)).toEqual(['kept', 'moved', 'kept', 'kept']);
    expect(results.map((r) => anchoredText(newBody, r))).toEqual(claims.map((c) => c.quote));
  });

  it('places a repeated quote by its prefix and suffix, then by its neighbours, never twice', () => {
    const body = 'LDN helps. Ask first.\n\nSleep worsens. Ask first.\n\nEnd.';
    const claims = claimsOf(body, ['LDN helps.', 'Ask first.', 'Sleep worsens.', 'Ask first.']);
    const same = reanchorClaims({ oldBody: body, newBody: body, claims });
    expect(same.map((r) => (r.status === 'orphaned' ? null : r.start))).toEqual(claims.map((c) => c.start));

    // The second "Ask first." is gone: the first keeps its place, the second has nowhere left to go.
    const newBody = 'LDN helps. Ask first.\n\nSleep worsens.\n\nEnd.';
    const results = reanchorClaims({ oldBody: body, newBody, claims });
    expect(results.map((r) => r.status)).toEqual(['kept', 'kept', 'kept', 'orphaned']);
    expect(anchoredText(newBody, results[1]!)).toBe('Ask first.');
  });

  it('uses the prefix and suffix stored with a claim rather than the old body around it', () => {
    const body = 'X. Ask first. Y. Ask first. Z.';
    const newBody = 'Y. Ask first. X. Ask first. Z.';
    const claim = { id: 'x', start: 3, end: 13, quote: 'Ask first.' };
    // Around it in the old body: no place in the new one matches, so it stays nearest to where it was.
    const [derived] = reanchorClaims({ oldBody: body, newBody, claims: [claim] });
    expect(derived).toMatchObject({ status: 'kept', start: 3 });
    const [stored] = reanchorClaims({
      oldBody: body,
      newBody,
      claims: [{ ...claim, prefix: 'X. ', suffix: ' Z.' }],
    });
    expect(stored).toMatchObject({ status: 'kept', start: 17 });
  });

  it('marks a reworded claim changed, with its new range and a word diff', () => {
    const claims = claimsOf(oldBody, ['Raise it slowly.']);
    const newBody = oldBody.replace('Raise it slowly.', 'Raise it very slowly, every two weeks.');
    const [result] = reanchorClaims({ oldBody, newBody, claims });
    expect(result).toEqual({
      id: 'c0',
      status: 'changed',
      start: newBody.indexOf('Raise'),
      end: newBody.indexOf('weeks.') + 6,
      quote: 'Raise it very slowly, every two weeks.',
      // One word added among the four that matched; the rest of the sentence came with them.
      similarity: 0.75,
      diff: [
        { kind: 'same', text: 'Raise it ' },
        { kind: 'added', text: 'very ' },
        { kind: 'same', text: 'slowly' },
        { kind: 'added', text: ', every two weeks' },
        { kind: 'same', text: '.' },
      ],
    });
  });

  it('orphans a claim whose words are gone, or whose few remaining words are coincidence', () => {
    const claims = claimsOf(oldBody, ['Raise it slowly.', 'Stop at 4.5 mg.']);
    const newBody =
      'Dosing\n\nStart at 1.5 mg. Take the dose with food, it is absorbed slowly.\n\nSafety\n\nDreams are vivid.';
    const results = reanchorClaims({
      oldBody,
      newBody,
      claims: [...claims, ...claimsOf(oldBody, ['Start at 1.5 mg.'])],
    });
    expect(results.map((r) => r.status)).toEqual(['orphaned', 'orphaned', 'kept']);
    expect(reanchorClaims({ oldBody, newBody: '', claims }).map((r) => r.status)).toEqual([
      'orphaned',
      'orphaned',
    ]);
  });

  it('carries a changed dose over as changed, for a reviewer to look at again', () => {
    const claims = claimsOf(oldBody, ['Stop at 4.5 mg.']);
    const newBody = oldBody.replace('Stop at 4.5 mg.', 'Stop at 6 mg.');
    expect(reanchorClaims({ oldBody, newBody, claims })[0]).toMatchObject({
      status: 'changed',
      quote: 'Stop at 6 mg.',
      diff: [
        { kind: 'same', text: 'Stop at ' },
        { kind: 'removed', text: '4.5' },
        { kind: 'added', text: '6' },
        { kind: 'same', text: ' mg.' },
      ],
    });
  });

  it('keeps a claim whose lines were only re-wrapped', () => {
    const claims = claimsOf(oldBody, ['Start at 1.5 mg. Raise it slowly.']);
    const newBody = oldBody.replace('1.5 mg. Raise', '1.5 mg.\nRaise');
    expect(reanchorClaims({ oldBody, newBody, claims })).toEqual([
      { id: 'c0', status: 'kept', start: 8, end: 41 },
    ]);
  });

  it('finds a claim moved and reworded at once by pairs of its words', () => {
    const filler = 'Nothing to see in this paragraph at all. '.repeat(200);
    const body = `Buprenorphine combined with LDN is being studied in resistant depression.\n\n${filler}\n\nEnd.`;
    const claims = claimsOf(body, [
      'Buprenorphine combined with LDN is being studied in resistant depression.',
    ]);
    const newBody = `${filler}\n\nEnd.\n\nBuprenorphine combined with LDN is now studied in treatment-resistant depression.`;
    const [result] = reanchorClaims({ oldBody: body, newBody, claims });
    expect(result?.status).toBe('changed');
    expect(anchoredText(newBody, result!)).toBe(
      'Buprenorphine combined with LDN is now studied in treatment-resistant depression.',
    );
  });

  // Old claims are the sentences of a generated text; the new text is the old one with sentences reworded,
  // deleted, duplicated and moved at random.
  it('never gives two claims overlapping ranges, and every range holds what its status says', () => {
    const words = ['ldn', 'dose', 'sleep', 'mood', 'trial', 'patients', 'opioid', 'dreams', 'weeks', 'mg'];
    const sentence = fc
      .array(fc.constantFrom(...words), { minLength: 2, maxLength: 8 })
      .map((w) => `${w.join(' ')}.`);
    const edit = fc.constantFrom('same', 'reword', 'delete', 'duplicate', 'move');
    fc.assert(
      fc.property(fc.array(fc.tuple(sentence, edit), { minLength: 1, maxLength: 30 }), (plan) => {
        const oldBody = plan.map(([s]) => s).join(' ');
        const claims = claimsOf(
          oldBody,
          plan.map(([s]) => s),
        );
        const kept: string[] = [];
        const moved: string[] = [];
        for (const [s, e] of plan) {
          if (e === 'same') kept.push(s);
          if (e === 'reword') kept.push(s.replace(/^\w+/, 'perhaps'));
          if (e === 'duplicate') kept.push(s, s);
          if (e === 'move') moved.push(s);
        }
        const newBody = [...kept, ...moved].join(' ');
        const results = reanchorClaims({ oldBody, newBody, claims });
        const ranges = results
          .flatMap((r) => (r.status === 'orphaned' ? [] : [r]))
          .sort((a, b) => a.start - b.start);
        for (let i = 1; i < ranges.length; i++)
          expect(ranges[i]!.start).toBeGreaterThanOrEqual(ranges[i - 1]!.end);
        results.forEach((result, i) => {
          expect(result.id).toBe(claims[i]!.id);
          if (result.status === 'kept' || result.status === 'moved')
            expect(newBody.slice(result.start, result.end)).toBe(claims[i]!.quote);
          if (result.status === 'changed') {
            expect(newBody.slice(result.start, result.end)).toBe(result.quote);
            expect(result.similarity).toBeGreaterThanOrEqual(MIN_SIMILARITY);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('uncoveredRanges and claimsInRanges', () => {
  const body = 'Title\n\nOld one. New one. Old two.\n\nNew two, long. \n\n  .  ';
  const anchored = [
    { start: body.indexOf('Old one.'), end: body.indexOf('Old one.') + 8 },
    { start: body.indexOf('Old two.'), end: body.indexOf('Old two.') + 8 },
  ];

  it('lists the trimmed stretches outside every anchored claim that hold words', () => {
    expect(uncoveredRanges(body, anchored).map((r) => body.slice(r.start, r.end))).toEqual([
      'Title',
      'New one.',
      'New two, long.',
    ]);
    expect(uncoveredRanges('', [])).toEqual([]);
    expect(uncoveredRanges(body, [{ start: 0, end: body.length }])).toEqual([]);
  });

  it('keeps the claims that lie wholly inside those stretches', () => {
    const at = (text: string) => ({ start: body.indexOf(text), end: body.indexOf(text) + text.length, text });
    const extracted = [at('New two, long.'), at('New one.'), at('one. New')];
    expect(claimsInRanges(extracted, uncoveredRanges(body, anchored)).map((c) => c.text)).toEqual([
      'New one.',
      'New two, long.',
    ]);
  });
});
