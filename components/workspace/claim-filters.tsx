'use client';

import { memo } from 'react';
import { CLAIM_STATUSES } from '@/lib/consensus/consensus';
import { sectionChoices } from '@/lib/domain/sections';
import {
  CLAIM_KIND_LABEL,
  CLAIM_KINDS,
  EVIDENCE_LEVEL_SHORT,
  EVIDENCE_LEVELS,
} from '@/lib/domain/vocabulary';
import { activeFilterCount, type ClaimFilters, NO_FILTERS } from '@/lib/workspace/filter-claims';
import { STATUS_STYLE } from '../status-style';
import { Button } from '../ui/button';
import { Choice, controlClass } from '../ui/field';

const SELECT = controlClass('mt-0.5 px-1.5');

/** Search and filters for the claim list. Search is focused with "/". */
export const ClaimFilterBar = memo(function ClaimFilterBar(props: {
  filters: ClaimFilters;
  sections: ReadonlyArray<{ id: string; heading: string }>;
  searchRef: React.RefObject<HTMLInputElement | null>;
  onChange: (filters: ClaimFilters) => void;
}) {
  const { filters, onChange } = props;
  const set = <K extends keyof ClaimFilters>(key: K, value: ClaimFilters[K]) =>
    onChange({ ...filters, [key]: value });
  const active = activeFilterCount(filters);
  return (
    <div className="space-y-2">
      <label className="block">
        <span className="sr-only">Search claims</span>
        <input
          ref={props.searchRef}
          type="search"
          value={filters.search}
          onChange={(e) => set('search', e.target.value)}
          placeholder="Search claims  ( / )"
          className={controlClass()}
        />
      </label>
      <details className="text-sm" open={active > 0 ? true : undefined}>
        <summary className="cursor-pointer text-slate-800">
          Filters{active > 0 ? ` (${active} on)` : ''}
        </summary>
        <div className="mt-2 grid grid-cols-2 gap-2">
          <label className="flex flex-col text-xs text-slate-700">
            Verdict
            <select
              className={SELECT}
              value={filters.status ?? ''}
              onChange={(e) => set('status', (e.target.value || null) as ClaimFilters['status'])}
            >
              <option value="">Any</option>
              {CLAIM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_STYLE[s].label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-xs text-slate-700">
            Evidence level
            <select
              className={SELECT}
              value={filters.level ?? ''}
              onChange={(e) => set('level', (e.target.value || null) as ClaimFilters['level'])}
            >
              <option value="">Any</option>
              {EVIDENCE_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {EVIDENCE_LEVEL_SHORT[l]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-xs text-slate-700">
            Kind
            <select
              className={SELECT}
              value={filters.kind ?? ''}
              onChange={(e) => set('kind', (e.target.value || null) as ClaimFilters['kind'])}
            >
              <option value="">Any</option>
              {CLAIM_KINDS.map((k) => (
                <option key={k} value={k}>
                  {CLAIM_KIND_LABEL[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-xs text-slate-700">
            Section
            <select
              className={SELECT}
              value={filters.sectionId ?? ''}
              onChange={(e) => set('sectionId', e.target.value || null)}
            >
              <option value="">Any</option>
              {sectionChoices(props.sections).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <div className="col-span-2 flex flex-wrap gap-x-4 gap-y-1">
            {(
              [
                ['conflictsOnly', 'Conflicts only'],
                ['unreviewedByMe', 'Unreviewed by me'],
                ['hedgedOnly', 'Hedged'],
              ] as const
            ).map(([key, label]) => (
              <Choice
                key={key}
                type="checkbox"
                checked={filters[key]}
                onChange={(e) => set(key, e.target.checked)}
                label={label}
              />
            ))}
            {active > 0 && (
              <Button
                variant="quiet"
                size="sm"
                onClick={() => onChange({ ...NO_FILTERS, search: filters.search })}
                className="ml-auto"
              >
                Clear filters
              </Button>
            )}
          </div>
        </div>
      </details>
    </div>
  );
});
