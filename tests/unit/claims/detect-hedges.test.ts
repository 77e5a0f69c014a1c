import { describe, expect, it } from 'vitest';
import { detectHedges } from '@/lib/claims/detect-hedges';

describe('detectHedges', () => {
  it('finds hedging words in order, once each', () => {
    expect(detectHedges('LDN may help and might possibly work; it may also be studied.')).toEqual([
      'may',
      'might',
      'possibly',
    ]);
    expect(detectHedges('It is thought to act on microglia, which suggests a potential use.')).toEqual([
      'is thought to',
      'suggests',
      'potential',
    ]);
    expect(detectHedges('The combination is being studied and could theoretically work.')).toEqual([
      'is being studied',
      'could',
      'theoretically',
    ]);
  });

  it('does not take the month of May or plain statements as hedges', () => {
    expect(detectHedges('The trial ended in May 2023.')).toEqual([]);
    expect(detectHedges('LDN reduces pain.')).toEqual([]);
  });
});
