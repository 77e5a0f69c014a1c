export type SectionGroup<R> = { sectionId: string | null; section: string | null; rows: R[] };

/**
 * Consecutive rows of the same section, in order. Claims come in document order, so each section is one group;
 * a section that somehow recurs later starts a new group rather than pulling rows out of order.
 */
export function groupBySection<R extends { sectionId: string | null; section: string | null }>(
  rows: readonly R[],
): Array<SectionGroup<R>> {
  const groups: Array<SectionGroup<R>> = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.sectionId === row.sectionId) last.rows.push(row);
    else groups.push({ sectionId: row.sectionId, section: row.section, rows: [row] });
  }
  return groups;
}
