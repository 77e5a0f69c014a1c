import { describeRange } from '@/lib/assignments/assignment-range';
import type { MyAssignment } from '@/lib/assignments/list-my-assignments';

/** A reviewer's assignments on the dashboard, each with how far they are through it. Hidden when there are none. */
export function MyAssignments({ assignments }: { assignments: ReadonlyArray<MyAssignment> }) {
  if (assignments.length === 0) return null;
  return (
    <section
      aria-labelledby="my-assignments-heading"
      className="mt-4 rounded border border-slate-200 bg-white p-4"
    >
      <h2 id="my-assignments-heading" className="text-sm font-semibold">
        My assignments
      </h2>
      <ul className="mt-2 divide-y divide-slate-200">
        {assignments.map((a) => (
          <li key={a.id} className="grid gap-2 py-2 text-sm md:grid-cols-[1fr_16rem] md:items-center">
            <div className="min-w-0">
              <a
                href={`/documents/${a.documentId}`}
                className="break-words font-medium text-sky-900 underline-offset-2 hover:underline pointer-coarse:inline-block pointer-coarse:py-2.5"
              >
                {a.documentTitle}
              </a>
              <p className="mt-0.5 text-xs text-slate-600">
                {a.projectName} · {describeRange(a.fromNumber, a.toNumber)}
              </p>
            </div>
            <div>
              <p>
                <strong>{a.reviewed}</strong> of {a.total} reviewed
              </p>
              <progress
                className="mt-1 h-1.5 w-full overflow-hidden rounded [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-sky-700"
                value={a.reviewed}
                max={Math.max(a.total, 1)}
                aria-label={`${a.documentTitle}: ${a.reviewed} of ${a.total} assigned claims reviewed`}
              />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
