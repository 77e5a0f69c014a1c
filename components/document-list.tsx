import type { DocumentListItem } from '@/lib/documents/list-documents';
import { ReviewProgress, VerdictMix } from './review-progress';

/** Documents with their review progress and verdict mix, each linking to its workspace. */
export function DocumentList({ documents }: { documents: DocumentListItem[] }) {
  return (
    <ul className="mt-4 divide-y divide-slate-200 rounded border border-slate-200 bg-white">
      {documents.map((d) => {
        // Under blind review a reviewer sees the progress, not what the others decided, as in the workspace.
        const mix = d.verdictMix;
        return (
          <li
            key={d.id}
            className="grid gap-3 p-4 md:grid-cols-2 lg:grid-cols-[1fr_16rem_20rem] lg:items-center"
          >
            <div className="min-w-0 md:col-span-2 lg:col-span-1">
              <a
                href={`/documents/${d.id}`}
                className="break-words font-medium text-sky-900 underline-offset-2 hover:underline pointer-coarse:inline-block pointer-coarse:py-2.5"
              >
                {d.title}
              </a>
              <p className="mt-0.5 text-xs text-slate-600">
                Imported {d.createdAt.toISOString().slice(0, 10)}
              </p>
            </div>
            <ReviewProgress reviewed={d.reviewed} total={d.total} conflicts={mix?.conflicts ?? null} />
            {mix === null ? (
              <p className="text-xs text-slate-700">
                Blind review: the verdict mix shows once the review is open.
              </p>
            ) : (
              <VerdictMix mix={mix} total={d.total} reviewed={d.reviewed} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
