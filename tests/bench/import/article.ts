// The articles the import bench feeds the app: the workspace bench's reproducible article (sentences of about
// 100 bytes in headed paragraphs), sized so that the app's extractor cuts exactly the number of claims asked for.
import { extractClaims } from '@/lib/extraction/extract-claims';
import type { Extraction } from '@/lib/extraction/types';
import { buildArticle } from '../workspace/article';

const CLAIMS_PER_SECTION = 100;

/** The text and what the app extracts from it. */
export function articleWithClaims(claims: number): { text: string; extraction: Extraction } {
  const sections = Math.ceil(claims / CLAIMS_PER_SECTION);
  let sentences = claims;
  // The extractor may take a heading or a list item for a claim too: adjust the sentences until the count is met.
  for (let attempt = 0; attempt < 5; attempt++) {
    const text = buildArticle({ sections, sentences }).body;
    const extraction = extractClaims({ text, format: 'TEXT' });
    if (extraction.claims.length === claims) return { text, extraction };
    sentences += claims - extraction.claims.length;
  }
  throw new Error(`No article of exactly ${claims} claims was found; the extractor's cuts keep shifting.`);
}

/** The text of the frozen import: "1.2 mg. " repeated 240,000 times, 1.92 MB. */
export const REPEATED_DOSE_TEXT = '1.2 mg. '.repeat(240_000);
