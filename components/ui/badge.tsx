import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'positive' | 'caution' | 'negative' | 'conflict' | 'info';

/** Each tone's colours, also lent to the claim list's one-symbol chips so they match the badges. */
export const BADGE_TONE: Record<BadgeTone, string> = {
  neutral: 'bg-slate-100 text-slate-800 ring-slate-300',
  positive: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
  caution: 'bg-amber-50 text-amber-900 ring-amber-300',
  negative: 'bg-rose-50 text-rose-900 ring-rose-300',
  conflict: 'bg-violet-50 text-violet-900 ring-violet-300',
  info: 'bg-sky-50 text-sky-900 ring-sky-300',
};

/**
 * A short label on a coloured ground. It never wraps inside itself, so in a narrow column it moves whole to
 * the next line instead of running into the next one; `symbol` comes first and is hidden from screen readers,
 * since the words already say it.
 */
export function Badge({
  tone = 'neutral',
  symbol,
  children,
}: {
  tone?: BadgeTone;
  symbol?: string;
  children: ReactNode;
}) {
  return (
    <span
      className={`inline-flex max-w-full items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${BADGE_TONE[tone]}`}
    >
      {symbol && <span aria-hidden="true">{symbol}</span>}
      {children}
    </span>
  );
}
