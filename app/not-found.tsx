import { PageTitle } from '@/components/ui/heading';

export default function NotFound() {
  return (
    <div className="rounded border border-slate-200 bg-white p-6">
      <PageTitle>Not found</PageTitle>
      <p className="mt-2 text-sm text-slate-700">
        That page, document or claim does not exist, or it was removed. Check the link, or go back to the
        documents.
      </p>
      <a href="/" className="mt-4 inline-block text-sm font-medium text-sky-800 underline">
        Back to the documents
      </a>
    </div>
  );
}
