import Link from 'next/link';

// A member whose project role is not lead: the instance roles RoleNotAllowed names are beside the point here.
export default function MembersForbidden() {
  return (
    <div className="rounded border border-slate-200 bg-white p-6">
      <h1 className="text-lg font-semibold">Not allowed for your role</h1>
      <p className="mt-2 text-sm text-slate-700">
        Your role in this project does not allow managing its members; only its leads may. Ask a project lead
        if you need a change.
      </p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-sky-800 underline">
        Back to the dashboard
      </Link>
    </div>
  );
}
