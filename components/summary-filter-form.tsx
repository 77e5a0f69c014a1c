import { sectionChoices } from '@/lib/domain/sections';
import type { ReviewFilter, ReviewHeader } from '@/lib/exports/review-types';
import { Button, buttonClass } from './ui/button';
import { Choice, Field, LABEL, Select } from './ui/field';

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
        <legend className={LABEL}>Show</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {ONLY_CHOICES.map((choice) => (
            <Choice
              key={choice.value}
              type="radio"
              name="only"
              value={choice.value}
              defaultChecked={(filter.only ?? '') === choice.value}
              label={choice.label}
            />
          ))}
        </div>
      </fieldset>
      <Field label="Section" className="w-full min-w-0 sm:w-auto">
        {(control) => (
          <Select {...control} name="section" defaultValue={filter.sectionId ?? ''} className="sm:max-w-xs">
            <option value="">All sections</option>
            {sectionChoices(sections).map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        {filtered && (
          <a href={`/documents/${documentId}/summary`} className={buttonClass({ variant: 'quiet' })}>
            Clear filters
          </a>
        )}
      </div>
    </form>
  );
}
