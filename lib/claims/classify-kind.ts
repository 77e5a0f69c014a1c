import { KIND_RULES } from './kind-rules';
import type { ClaimKind } from './types';

/** The kind of the first rule in KIND_RULES that matches, else OTHER. */
export function classifyKind(text: string): ClaimKind {
  return KIND_RULES.find((rule) => rule.pattern.test(text))?.kind ?? 'OTHER';
}
