import Link from 'next/link';

// Importing needs a project to import into: page.tsx refuses a user who leads or reviews none.
export default function ImportForbidden() {
  return (
    <div className="rounded border border-slate-200 bg-white p-6">
      <h1 className="text-lg font-semibold">Not allowed for your role</h1>
      <p className="mt-2 text-sm text-slate-700">
        Your role does not allow importing documents: only a project&apos;s leads and reviewers may import
        into it, and you are neither in any project. Ask a project lead if you need it.
      </p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-sky-800 underline">
        Back to your projects
      </Link>
    </div>
  );
}
