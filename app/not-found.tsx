import { PageTitle } from '@/components/ui/heading';

export default function NotFound() {
  return (
    <div className="rounded border border-slate-200 bg-white p-6">
      <PageTitle>Not found</PageTitle>
      <p className="mt-2 text-sm text-slate-700">
        That page, project, document or claim does not exist, was removed, or is in a project you are not a
        member of. Check the link, or go back to your projects.
      </p>
      <a href="/" className="mt-4 inline-block text-sm font-medium text-sky-800 underline">
        Back to your projects
      </a>
    </div>
  );
}
