import { PageTitle } from '@/components/ui/heading';

/** An unknown or malformed version number: said plainly, with the way to the versions there are. */
export default function VersionNotFound() {
  return (
    <div className="rounded border border-slate-200 bg-white p-6">
      <PageTitle>That version does not exist</PageTitle>
      <p className="mt-2 text-sm text-slate-700">
        This document has no earlier version with that number. Versions are numbered from 1, and the current
        one is the document itself. Check the link, or pick one from the document’s versions.
      </p>
      <a href="../versions" className="mt-4 inline-block text-sm font-medium text-sky-800 underline">
        The document’s versions
      </a>
    </div>
  );
}
