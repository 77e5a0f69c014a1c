import { emptyExportReason } from '@/lib/exports/export-formats';
import type { ReviewHeader } from '@/lib/exports/review-types';
import { EXPORT_LINKS, exportHref } from '@/lib/summary/summary-page';
import { buttonClass } from './ui/button';

/**
 * Downloads of this summary in every format, for exactly the claims the filter shows. A download that would
 * be empty is not offered: it stays in the list, disabled, and says why, so nobody wonders where it went.
 */
export function SummaryExportLinks({
  documentId,
  header,
}: {
  documentId: string;
  header: Pick<ReviewHeader, 'filter' | 'counts'>;
}) {
  const links = EXPORT_LINKS.map((link) => ({ ...link, empty: emptyExportReason(link.format, header) }));
  return (
    <nav aria-label="Download this summary" className="text-sm">
      <ul className="flex flex-wrap gap-2">
        {links.map(({ format, label, empty }) => (
          <li key={format}>
            {empty ? (
              // biome-ignore lint/a11y/useSemanticElements: a disabled link has no address, and an <a> without one is no link; this one can still be reached and read, with its reason.
              <span
                role="link"
                aria-disabled="true"
                tabIndex={0}
                aria-describedby={`export-${format}-empty`}
                className={buttonClass({ className: 'border-dashed' })}
              >
                Export {label}
              </span>
            ) : (
              <a href={exportHref(documentId, format, header.filter)} className={buttonClass()}>
                Export {label}
              </a>
            )}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-slate-600">
        Each download holds the claims shown here, with the same filters.
      </p>
      {links.map(({ format, label, empty }) =>
        empty ? (
          <p key={format} id={`export-${format}-empty`} className="mt-1 text-xs text-slate-600">
            {label} is not offered: {empty}
          </p>
        ) : null,
      )}
    </nav>
  );
}
