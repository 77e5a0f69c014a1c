import { z } from 'zod';
import { AppError } from '@/lib/errors';
import type { ReviewFilter } from './review-types';

// The summary's filter in a query string: read from one (parseReviewFilter) and written back (reviewFilterQuery).

const ONLY = ['conflicts', 'unsupported'] as const;
const SectionId = z.uuid();

/**
 * The summary's filters from a query string: `only=conflicts|unsupported` and `section=<section id>`. Other
 * parameters (such as `format`) belong to the caller and are left alone. A blank value means "no filter",
 * because a filter form submits its "all" choice as an empty field.
 */
export function parseReviewFilter(params: URLSearchParams): ReviewFilter {
  const only = single(params, 'only');
  const section = single(params, 'section');
  if (only !== null && !ONLY.includes(only as (typeof ONLY)[number])) {
    throw new AppError(
      'VALIDATION',
      `Unknown filter only="${only}". Use only=conflicts or only=unsupported, or leave it out for every claim.`,
    );
  }
  if (section !== null && !SectionId.safeParse(section).success) {
    throw new AppError(
      'VALIDATION',
      `Unknown filter section="${section}". Use section=<section id>, a UUID from the summary's section list, or leave it out for every section.`,
    );
  }
  return {
    only: only as ReviewFilter['only'],
    sectionId: section?.toLowerCase() ?? null,
  };
}

function single(params: URLSearchParams, name: string): string | null {
  const values = params
    .getAll(name)
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (values.length > 1) {
    throw new AppError(
      'VALIDATION',
      `The filter ${name} was given ${values.length} times; give it once, or leave it out.`,
    );
  }
  return values[0] ?? null;
}

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
