import { sectionLabel } from '@/lib/domain/sections';
import type { ReviewFilter, ReviewHeader } from '@/lib/exports/review-types';

// The review header in words, shared by the summary page and the PDF so both describe a review alike.

export function filterWords(filter: ReviewFilter, sections: ReviewHeader['sections']): string {
  const which =
    filter.only === 'conflicts'
      ? 'Only claims in conflict'
      : filter.only === 'unsupported'
        ? 'Only unsupported claims'
        : 'All claims';
  const section = sectionLabel(sections, filter.sectionId);
  return section === null ? which : `${which} in the section “${section}”`;
}

export function reviewPeriodWords(period: ReviewHeader['reviewPeriod']): string {
  if (!period.first || !period.last) return 'No assessments yet';
  const [first, last] = [period.first.slice(0, 10), period.last.slice(0, 10)];
  return first === last ? first : `${first} to ${last}`;
}

/**
 * "Version 2 of this document: of the 40 claims of version 1, 37 carried over, 1 with its text changed, 2
 * orphaned; 3 new claims." Every view of the review names the version it describes.
 */
export function versionWords(document: Pick<ReviewHeader['document'], 'version' | 'changes'>): string {
  const { version, changes } = document;
  if (!changes) return `Version ${version} of this document`;
  const old = changes.kept + changes.moved + changes.changed + changes.orphaned;
  const carried = changes.kept + changes.moved;
  const parts = [
    `${carried} carried over${changes.moved ? ` (${changes.moved} moved)` : ''}`,
    `${changes.changed} with text changed since assessed`,
    `${changes.orphaned} orphaned`,
  ];
  const added = `${changes.added} new ${changes.added === 1 ? 'claim' : 'claims'}`;
  return `Version ${version} of this document: of the ${old} ${old === 1 ? 'claim' : 'claims'} of version ${changes.since}, ${parts.join(', ')}; ${added}`;
}

export function reviewModeWords(mode: ReviewHeader['document']['reviewMode']): string {
  return mode === 'BLIND'
    ? 'Blind review: reviewers see the others’ assessments only after giving their own'
    : 'Open review: reviewers see each other’s assessments';
}

/** The project's consensus rule: how many reviewers' verdicts a claim needs before they make a consensus. */
export function consensusRuleWords(reviewersRequired: number): string {
  return reviewersRequired === 1
    ? 'One reviewer’s verdict makes the consensus'
    : `${reviewersRequired} reviewers must give a verdict; a consensus when they agree, a conflict when not`;
}

/** "2026-11-29 12:00 UTC": exports are shared across time zones, so the zone is always named. */
export function timestampWords(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
