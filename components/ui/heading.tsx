import type { ReactNode } from 'react';

// The type scale: a page has one title, its parts have section titles, and a part's own parts are small bold
// headings in the body size. Pages use these rather than sizes of their own.
export const PAGE_TITLE = 'text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl';
export const SECTION_TITLE = 'text-lg font-semibold text-slate-900';
export const PART_TITLE = 'text-sm font-semibold text-slate-900';

export function PageTitle({ children }: { children: ReactNode }) {
  return <h1 className={PAGE_TITLE}>{children}</h1>;
}

export function SectionTitle({ id, children }: { id: string; children: ReactNode }) {
  return (
    <h2 id={id} className={SECTION_TITLE}>
      {children}
    </h2>
  );
}
