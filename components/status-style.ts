import type { ClaimStatus } from '@/lib/consensus/consensus';
import { BADGE_TONE, type BadgeTone } from './ui/badge';

const STYLE: Record<
  ClaimStatus,
  { label: string; symbol: string; tone: BadgeTone; bar: string; highlight: string }
> = {
  SUPPORTED: {
    label: 'Supported',
    symbol: '✓',
    tone: 'positive',
    bar: 'bg-emerald-600',
    highlight: 'bg-emerald-100 border-b-2 border-emerald-700',
  },
  SPECULATIVE: {
    label: 'Speculative',
    symbol: '~',
    tone: 'caution',
    bar: 'bg-amber-500',
    highlight: 'bg-amber-100 border-b-2 border-dashed border-amber-700',
  },
  UNSUPPORTED: {
    label: 'Unsupported',
    symbol: '✗',
    tone: 'negative',
    bar: 'bg-rose-600',
    highlight: 'bg-rose-100 border-b-2 border-dotted border-rose-700',
  },
  CONFLICT: {
    label: 'In conflict',
    symbol: '!',
    tone: 'conflict',
    bar: 'bg-violet-600',
    highlight: 'bg-violet-100 border-b-2 border-double border-violet-700',
  },
  UNREVIEWED: {
    label: 'Unreviewed',
    symbol: '○',
    tone: 'neutral',
    bar: 'bg-slate-300',
    highlight: 'bg-slate-100 border-b border-slate-400',
  },
};

// Colour is never the only signal: every status also has a symbol and a word, and the highlights differ in
// their underline as well. `badge` is the tone's colours, for the places that draw a chip of their own.
export const STATUS_STYLE = Object.fromEntries(
  Object.entries(STYLE).map(([status, style]) => [status, { ...style, badge: BADGE_TONE[style.tone] }]),
) as Record<ClaimStatus, (typeof STYLE)[ClaimStatus] & { badge: string }>;
