// The export worker's first file (see the pool in export-in-worker.ts). A worker thread does not get the tsx
// loader that the server was started with, so this plain module loads the worker's TypeScript through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./export-worker-thread.ts', import.meta.url);
