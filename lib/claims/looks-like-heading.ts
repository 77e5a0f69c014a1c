import { splitSentences } from './split-sentences';

const MAX_LENGTH = 100;
const MAX_WORDS = 14;
// A heading may end in a question ("Does LDN Cause Depression?") or a colon, but not a full stop or a comma.
const OPEN_ENDING = /[.,;…]$/;
// Its first letter is a capital (or from a script without case): "thus, the brain" is a fragment, not a heading.
const CAPITAL_FIRST = /^[^\p{L}\p{N}]*[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u;
const WORD = /\S+/g;

/** A short line without a final full stop, of one sentence: what a heading in plain text looks like. */
export function looksLikeHeading(line: string): boolean {
  if (line.length === 0 || line.length > MAX_LENGTH) return false;
  if (OPEN_ENDING.test(line) || !CAPITAL_FIRST.test(line) || !/\p{L}/u.test(line)) return false;
  if ((line.match(WORD)?.length ?? 0) > MAX_WORDS) return false;
  // One sentence: a single start and end offset.
  return splitSentences(line, 0, line.length).length === 2;
}
