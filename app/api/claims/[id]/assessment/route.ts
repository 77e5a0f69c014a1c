import { recordAssessmentEndpoint } from '@/lib/http/record-assessment-endpoint';

export const dynamic = 'force-dynamic';

// `npm start` answers this path before Next.js's routing (lib/cli/serve-app.ts); this file answers it
// wherever Next.js routes it itself, as under `next dev`. Both run the same function.
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return recordAssessmentEndpoint(request, (await params).id);
}
