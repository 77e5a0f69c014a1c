// The import worker's first file (see import-runner.ts). A worker thread does not get the tsx loader that the
// server was started with, so this plain module loads the worker's TypeScript through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./import-worker-thread.ts', import.meta.url);
