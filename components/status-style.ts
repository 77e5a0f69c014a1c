import type { ClaimStatus } from '@/lib/consensus/consensus';

// Colour is never the only signal: every status also has a symbol and a word.
export const STATUS_STYLE: Record<
  ClaimStatus,
  { label: string; symbol: string; badge: string; bar: string; highlight: string }
> = {
  SUPPORTED: {
    label: 'Supported',
    symbol: '✓',
    badge: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
    bar: 'bg-emerald-600',
    highlight: 'bg-emerald-100 border-b-2 border-emerald-700',
  },
  SPECULATIVE: {
    label: 'Speculative',
    symbol: '~',
    badge: 'bg-amber-50 text-amber-900 ring-amber-300',
    bar: 'bg-amber-500',
    highlight: 'bg-amber-100 border-b-2 border-dashed border-amber-700',
  },
  UNSUPPORTED: {
    label: 'Unsupported',
    symbol: '✗',
    badge: 'bg-rose-50 text-rose-900 ring-rose-300',
    bar: 'bg-rose-600',
    highlight: 'bg-rose-100 border-b-2 border-dotted border-rose-700',
  },
  CONFLICT: {
    label: 'In conflict',
    symbol: '!',
    badge: 'bg-violet-50 text-violet-900 ring-violet-300',
    bar: 'bg-violet-600',
    highlight: 'bg-violet-100 border-b-2 border-double border-violet-700',
  },
  UNREVIEWED: {
    label: 'Unreviewed',
    symbol: '○',
    badge: 'bg-slate-100 text-slate-800 ring-slate-300',
    bar: 'bg-slate-300',
    highlight: 'bg-slate-100 border-b border-slate-400',
  },
};
