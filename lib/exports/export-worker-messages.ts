import type { ExportFormat } from './export-formats';
import type { ReviewFilter, ReviewHeader } from './review-types';

/** What an export reads: the document's claims that the filter selects, linked to from the app at appUrl. */
export type ExportSource = { documentId: string; filter: ReviewFilter; appUrl: string };

/** From the main thread to an export worker: start an export, or send one more chunk of it. */
export type ExportWorkerRequest =
  | { type: 'start'; format: ExportFormat; header: ReviewHeader; source: ExportSource }
  | { type: 'next' };

/** From an export worker to the main thread: a chunk of the file, the end, or what went wrong. */
export type ExportWorkerReply =
  | { type: 'chunk'; chunk: Uint8Array }
  | { type: 'done' }
  | { type: 'error'; message: string };
