import type { ReviewFilter } from '@/lib/exports/review-types';
import { EXPORT_LINKS, exportHref } from '@/lib/summary/summary-page';

/** Downloads of this summary in every format, for exactly the claims the filter shows. */
export function SummaryExportLinks({ documentId, filter }: { documentId: string; filter: ReviewFilter }) {
  return (
    <nav aria-label="Download this summary" className="text-sm">
      <ul className="flex flex-wrap gap-2">
        {EXPORT_LINKS.map(({ format, label }) => (
          <li key={format}>
            <a
              href={exportHref(documentId, format, filter)}
              className="inline-block rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
            >
              Export {label}
            </a>
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-slate-600">
        Each download holds the claims shown here, with the same filters.
      </p>
    </nav>
  );
}
