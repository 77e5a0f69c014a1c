import type { Role } from './assign-roles';
import type { Block } from './layout';
import { oneLine } from './one-line';
import { splitSentences } from './split-sentences';

export type LeadIns = {
  /** Per list, the sentence that introduces it, e.g. "Major Depressive Disorder symptoms:". */
  byList: Map<number, string>;
  /** Per paragraph index, where its claims stop: the lead-in sentence at its end is not a claim of its own. */
  cuts: Map<number, number>;
};

/**
 * A list's lead-in is the block just before its first item when it ends in a colon: a heading
 * ("Major Depressive Disorder symptoms:") or the last sentence of a paragraph ("Common symptoms include:").
 * See docs/decisions/0003-list-claims.md.
 */
export function findLeadIns(body: string, blocks: Block[], roles: Role[]): LeadIns {
  const byList = new Map<number, string>();
  const cuts = new Map<number, number>();
  const seen = new Set<number>();
  blocks.forEach((block, i) => {
    if (block.kind !== 'item' || seen.has(block.list)) return;
    seen.add(block.list);
    const before = blocks[i - 1];
    if (!before || !endsWithColon(body, before.end)) return;
    if (roles[i - 1] === 'heading') byList.set(block.list, oneLine(body.slice(before.start, before.end)));
    if (roles[i - 1] !== 'claims' || before.kind !== 'paragraph') return;
    const sentences = splitSentences(body, before.start, before.end);
    const [start = before.start, end = before.end] = sentences.slice(-2);
    byList.set(block.list, oneLine(body.slice(start, end)));
    cuts.set(i - 1, start);
  });
  return { byList, cuts };
}

function endsWithColon(body: string, end: number): boolean {
  const code = body.charCodeAt(end - 1);
  return code === 58 || code === 0xff1a;
}
