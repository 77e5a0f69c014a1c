import type { ProjectListItem } from '@/lib/projects/list-projects';
import { PROJECT_ROLE_LABEL } from '@/lib/projects/project-access';
import { ReviewProgress, VerdictMix } from './review-progress';
import { Badge } from './ui/badge';

/** Projects with the reader's role in each and their review progress, each linking to its page. */
export function ProjectList({ projects }: { projects: ProjectListItem[] }) {
  return (
    <ul className="mt-3 divide-y divide-slate-200 rounded border border-slate-200 bg-white">
      {projects.map((p) => {
        const mix = p.verdictMix;
        return (
          <li
            key={p.id}
            className="grid gap-3 p-4 md:grid-cols-2 lg:grid-cols-[1fr_16rem_20rem] lg:items-center"
          >
            <div className="min-w-0 md:col-span-2 lg:col-span-1">
              <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                <a
                  href={`/projects/${p.id}`}
                  className="break-words font-medium text-sky-900 underline-offset-2 hover:underline pointer-coarse:inline-block pointer-coarse:py-2.5"
                >
                  {p.name}
                </a>
                {p.projectRole ? (
                  <Badge>{PROJECT_ROLE_LABEL[p.projectRole]}</Badge>
                ) : (
                  <Badge tone="caution">Admin view</Badge>
                )}
              </div>
              {p.description && <p className="mt-0.5 line-clamp-2 text-xs text-slate-700">{p.description}</p>}
              <p className="mt-0.5 text-xs text-slate-600">
                {p.documents === 1 ? '1 document' : `${p.documents} documents`}
              </p>
            </div>
            <ReviewProgress reviewed={p.reviewed} total={p.total} conflicts={mix?.conflicts ?? null} />
            <div>
              {mix === null ? (
                <p className="text-xs text-slate-700">
                  Blind review: the verdict mix shows once the review is open.
                </p>
              ) : (
                <VerdictMix mix={mix} total={mix.total} reviewed={mix.reviewed} />
              )}
              {mix !== null && p.blindDocuments > 0 && (
                <p className="mt-1 text-xs text-slate-700">
                  {p.blindDocuments === 1
                    ? '1 document under blind review is left out of the mix.'
                    : `${p.blindDocuments} documents under blind review are left out of the mix.`}
                </p>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
