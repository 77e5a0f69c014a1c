'use client';

import { Button } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/heading';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="rounded border border-rose-200 bg-white p-6">
      <PageTitle>Something went wrong</PageTitle>
      <p className="mt-2 text-sm text-slate-700">
        The page could not be shown. Nothing you saved is lost. Try again in a moment.
      </p>
      <Button variant="primary" onClick={reset} className="mt-4">
        Try again
      </Button>
    </div>
  );
}
