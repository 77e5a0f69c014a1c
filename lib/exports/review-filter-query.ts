import type { ReviewFilter } from './review-types';

/**
 * The filter as the query string that parseReviewFilter reads back (`only=…&section=…`), so links from the
 * summary to its exports, and the ids of filtered exports, name the same selection of claims.
 */
export function reviewFilterQuery(filter: ReviewFilter): URLSearchParams {
  const query = new URLSearchParams();
  if (filter.only) query.set('only', filter.only);
  if (filter.sectionId) query.set('section', filter.sectionId);
  return query;
}
