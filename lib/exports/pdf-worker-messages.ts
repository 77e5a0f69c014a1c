import type { ReviewClaimRow, ReviewHeader } from './review-types';

/** From the main thread to the PDF worker: start a PDF, send its next chunk, here are the rows you asked for. */
export type PdfWorkerRequest =
  | { type: 'start'; header: ReviewHeader }
  | { type: 'next' }
  | { type: 'rows'; rows: ReviewClaimRow[] | null };

/** From the PDF worker to the main thread: a chunk of the file, more rows please, the end, or what went wrong. */
export type PdfWorkerReply =
  | { type: 'chunk'; chunk: Uint8Array }
  | { type: 'rows?' }
  | { type: 'done' }
  | { type: 'error'; message: string };
