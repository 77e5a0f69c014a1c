// Runs once when a server process starts (Next.js's instrumentation hook), under `npm start`, `next start` and
// `next dev` alike: every app instance runs the import jobs that are queued in the database, and the retry job
// that looks cited PMIDs and DOIs up.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startImportRunner } = await import('@/lib/imports/import-runner');
  startImportRunner();
  const { startCitationSourceRunner } = await import('@/lib/citations/citation-source-runner');
  startCitationSourceRunner();
}
