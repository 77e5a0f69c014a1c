import type { ClaimStatus } from '@/lib/consensus/claim-status';

// The status colours as hex for drawings (the SVG chart and the PDF), where Tailwind classes do not reach:
// the shades of the bars in components/status-style.ts (emerald-600, amber-500, rose-600, violet-600,
// slate-300). Each comes with the same symbol as there, because colour is never the only signal.
export const STATUS_COLOUR: Record<ClaimStatus, string> = {
  SUPPORTED: '#059669',
  SPECULATIVE: '#f59e0b',
  UNSUPPORTED: '#e11d48',
  CONFLICT: '#7c3aed',
  UNREVIEWED: '#cbd5e1',
};

export const STATUS_SYMBOL: Record<ClaimStatus, string> = {
  SUPPORTED: '✓',
  SPECULATIVE: '~',
  UNSUPPORTED: '✗',
  CONFLICT: '!',
  UNREVIEWED: '○',
};
