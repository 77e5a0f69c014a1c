import { describe, expect, it } from 'vitest';
import { classifyKind } from '@/lib/claims/classify-kind';
import { KIND_RULES } from '@/lib/claims/kind-rules';

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
  ])('“%s” is %s', (text, kind) => {
    expect(classifyKind(text)).toBe(kind);
  });

  it('documents every rule for reviewers', () => {
    for (const rule of KIND_RULES) expect(rule.when.length).toBeGreaterThan(10);
  });
});
