import type { ReviewClaimRow, ReviewHeader } from './review-types';
import { textChunks } from './text-chunks';

/**
 * The complete review as JSON, valid against review-export.schema.json (`schemaVersion` 1): the header's fields,
 * then `claims`. Each claim carries its W3C selectors beside the flat `quote`, `start`, `end`, `prefix` and
 * `suffix`, so annotation tools can take them as they are.
 *
 * The header is indented for people; each claim is one compact line, which halves the size of a large export
 * and keeps it easy to read, diff and grep claim by claim. Claims are written in small chunks as their batches
 * arrive, so a large review streams instead of being built in memory.
 */
export async function* jsonExport(
  header: ReviewHeader,
  batches: AsyncIterable<ReviewClaimRow[]>,
): AsyncIterable<string> {
  // JSON.stringify(header, null, 2) ends with "\n}"; the claims array goes in its place.
  yield `${JSON.stringify(header, null, 2).slice(0, -2)},\n  "claims": [`;
  let first = true;
  for await (const batch of batches) {
    yield* textChunks(
      batch.map((claim) => {
        const line = `${first ? '\n    ' : ',\n    '}${JSON.stringify(jsonClaim(claim))}`;
        first = false;
        return line;
      }),
    );
  }
  yield first ? ']\n}\n' : '\n  ]\n}\n';
}

function jsonClaim(claim: ReviewClaimRow) {
  return {
    ...claim,
    selectors: [
      { type: 'TextQuoteSelector', exact: claim.quote, prefix: claim.prefix, suffix: claim.suffix },
      { type: 'TextPositionSelector', start: claim.start, end: claim.end },
    ],
  };
}
