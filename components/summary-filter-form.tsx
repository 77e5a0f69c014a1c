import type { ReviewFilter, ReviewHeader } from '@/lib/exports/review-types';

const ONLY_CHOICES = [
  { value: '', label: 'All claims' },
  { value: 'conflicts', label: 'Only conflicts' },
  { value: 'unsupported', label: 'Only unsupported' },
] as const;

/**
 * The filters as a plain GET form, so they work without script and the filtered view has its own link; the
 * same query string carries them into every export.
 */
export function SummaryFilterForm({
  documentId,
  filter,
  sections,
}: {
  documentId: string;
  filter: ReviewFilter;
  sections: ReviewHeader['sections'];
}) {
  const filtered = filter.only !== null || filter.sectionId !== null;
  return (
    <form
      method="get"
      action={`/documents/${documentId}/summary`}
      aria-label="Filter the summary"
      className="flex flex-wrap items-end gap-x-6 gap-y-3 rounded border border-slate-200 bg-white p-3 text-sm"
    >
      <fieldset>
        <legend className="font-medium">Show</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {ONLY_CHOICES.map((choice) => (
            <label key={choice.value} className="inline-flex items-center gap-1.5">
              <input
                type="radio"
                name="only"
                value={choice.value}
                defaultChecked={(filter.only ?? '') === choice.value}
              />
              {choice.label}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex flex-col gap-1">
        <span className="font-medium">Section</span>
        <select
          name="section"
          defaultValue={filter.sectionId ?? ''}
          className="max-w-xs rounded border border-slate-300 bg-white px-2 py-1"
        >
          <option value="">All sections</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.heading}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          className="rounded bg-slate-800 px-3 py-1.5 font-medium text-white hover:bg-slate-700"
        >
          Apply filters
        </button>
        {filtered && (
          <a href={`/documents/${documentId}/summary`} className="text-sky-800 underline underline-offset-2">
            Clear filters
          </a>
        )}
      </div>
    </form>
  );
}
