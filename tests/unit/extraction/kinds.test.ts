import { describe, expect, it } from 'vitest';
import { classifyKind, detectHedges, KIND_RULES } from '@/lib/extraction/kinds';

describe('classifyKind', () => {
  it.each([
    ['Nausea is a common side effect of LDN.', 'SAFETY'],
    ['LDN is contraindicated with opioid painkillers.', 'SAFETY'],
    ['Patients should take LDN at night.', 'RECOMMENDATION'],
    ['Never take LDN with methadone.', 'RECOMMENDATION'],
    ['Avoid alcohol while the risk of liver damage is unknown.', 'RECOMMENDATION'],
    ['LDN blocks opioid receptors for a few hours.', 'MECHANISM'],
    ['LDN improved pain scores in two trials.', 'EFFICACY'],
    ['Blocking kappa receptors may be beneficial for depression treatment.', 'EFFICACY'],
    ['About 5% of adults have depression worldwide.', 'EPIDEMIOLOGY'],
    ['LDN was first made in 1963.', 'OTHER'],
    ['Statins gave a 20% cut in heart attacks.', 'EFFICACY'],
    ['Aspirin cut the risk of heart attacks by 20%.', 'EFFICACY'],
    ['Pain scores fell by 30% with LDN.', 'EFFICACY'],
    ['Naltrexone was approved in 1984 for treating opioid dependence.', 'OTHER'],
    ['Naltrexone has been used since 1984 in treating alcoholism.', 'OTHER'],
    ['Adults were randomly assigned to LDN or placebo.', 'OTHER'],
    ['LDN raises the risk of liver damage at high doses.', 'SAFETY'],
    ['Vivid dreams were reported by 19% of participants.', 'SAFETY'],
    ['It can stop these medicines from working and bring on withdrawal symptoms.', 'SAFETY'],
  ])('“%s” is %s', (text, kind) => {
    expect(classifyKind(text)).toBe(kind);
  });

  it('documents every rule for reviewers', () => {
    for (const rule of KIND_RULES) expect(rule.when.length).toBeGreaterThan(10);
  });
});

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
