import Link from 'next/link';

// A member whose project role is not lead (page.tsx asks for 'project.manage').
export default function ProjectSettingsForbidden() {
  return (
    <div className="rounded border border-slate-200 bg-white p-6">
      <h1 className="text-lg font-semibold">Not allowed for your role</h1>
      <p className="mt-2 text-sm text-slate-700">
        Only the project’s leads change its settings. Ask a lead of this project if something should change.
      </p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-sky-800 underline">
        Back to your projects
      </Link>
    </div>
  );
}
