import type { ClaimStatus } from '@/lib/consensus/consensus';
import type { ClaimKind, EvidenceLevel } from '@/lib/domain/vocabulary';
import type { WorkspaceClaim } from './workspace-types';

export type ClaimFilters = {
  status: ClaimStatus | null;
  level: EvidenceLevel | null;
  kind: ClaimKind | null;
  sectionId: string | null;
  conflictsOnly: boolean;
  unreviewedByMe: boolean;
  hedgedOnly: boolean;
  search: string;
};

export const NO_FILTERS: ClaimFilters = {
  status: null,
  level: null,
  kind: null,
  sectionId: null,
  conflictsOnly: false,
  unreviewedByMe: false,
  hedgedOnly: false,
  search: '',
};

/**
 * The claims the list shows, in document order. Search ignores case and matches the claim's text; "#12" finds
 * claim 12, since a claim keeps its number for life and comments name claims that way.
 */
export function filterClaims(
  claims: ReadonlyArray<WorkspaceClaim>,
  filters: ClaimFilters,
  textOf: (claim: WorkspaceClaim) => string,
): WorkspaceClaim[] {
  const needle = filters.search.trim().toLocaleLowerCase();
  const number = /^#(\d+)$/.exec(needle)?.[1];
  return claims.filter(
    (c) =>
      (filters.status === null || c.status === filters.status) &&
      (filters.level === null || c.level === filters.level) &&
      (filters.kind === null || c.kind === filters.kind) &&
      (filters.sectionId === null || c.sectionId === filters.sectionId) &&
      (!filters.conflictsOnly || c.status === 'CONFLICT') &&
      (!filters.unreviewedByMe || c.mine === null) &&
      (!filters.hedgedOnly || c.hedged) &&
      (number !== undefined
        ? c.n === Number(number)
        : needle === '' || textOf(c).toLocaleLowerCase().includes(needle)),
  );
}

export function activeFilterCount(filters: ClaimFilters): number {
  return Object.entries(filters).filter(
    ([key, value]) => key !== 'search' && value !== null && value !== false,
  ).length;
}
