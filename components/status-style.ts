import type { ClaimStatus } from '@/lib/consensus/consensus';
import { BADGE_TONE, type BadgeTone } from './ui/badge';

const STYLE: Record<ClaimStatus, { label: string; symbol: string; tone: BadgeTone; bar: string }> = {
  SUPPORTED: {
    label: 'Supported',
    symbol: '✓',
    tone: 'positive',
    bar: 'bg-emerald-600',
  },
  SPECULATIVE: {
    label: 'Speculative',
    symbol: '~',
    tone: 'caution',
    bar: 'bg-amber-500',
  },
  UNSUPPORTED: {
    label: 'Unsupported',
    symbol: '✗',
    tone: 'negative',
    bar: 'bg-rose-600',
  },
  IN_REVIEW: {
    label: 'In review',
    symbol: '◐',
    tone: 'info',
    bar: 'bg-sky-500',
  },
  CONFLICT: {
    label: 'In conflict',
    symbol: '!',
    tone: 'conflict',
    bar: 'bg-violet-600',
  },
  UNREVIEWED: {
    label: 'Unreviewed',
    symbol: '○',
    tone: 'neutral',
    bar: 'bg-slate-300',
  },
};

// Colour is never the only signal: every status also has a symbol and a word. The article's highlights take
// theirs, and an underline of their own, from globals.css. `badge` is the tone's colours, for the places that
// draw a chip of their own.
export const STATUS_STYLE = Object.fromEntries(
  Object.entries(STYLE).map(([status, style]) => [status, { ...style, badge: BADGE_TONE[style.tone] }]),
) as Record<ClaimStatus, (typeof STYLE)[ClaimStatus] & { badge: string }>;
