// How sections are named wherever a reader sees them: the workspace, the summary and every export.

/** The section of the claims above a document's first heading, which has no heading of its own. */
export const BEFORE_FIRST_HEADING = 'Before the first heading';

/** The name a claim's section is shown under: its heading, or BEFORE_FIRST_HEADING when it has none. */
export function sectionName(heading: string | null | undefined): string {
  return heading ?? BEFORE_FIRST_HEADING;
}

/**
 * Sections, in document order, as choices in a list. A section is its place in the document, not its text, so
 * a heading that occurs again gets its count ("Methods (2)"): two choices never read the same.
 */
export function sectionChoices<S extends { id: string; heading: string }>(
  sections: ReadonlyArray<S>,
): Array<S & { label: string }> {
  const seen = new Map<string, number>();
  return sections.map((s) => {
    const occurrence = (seen.get(s.heading) ?? 0) + 1;
    seen.set(s.heading, occurrence);
    return { ...s, label: occurrence > 1 ? `${s.heading} (${occurrence})` : s.heading };
  });
}

/** The label of one section among the document's sections, as sectionChoices gives it; null when not there. */
export function sectionLabel(
  sections: ReadonlyArray<{ id: string; heading: string }>,
  id: string | null,
): string | null {
  return sectionChoices(sections).find((s) => s.id === id)?.label ?? null;
}
