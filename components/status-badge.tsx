import type { ClaimStatus } from '@/lib/consensus/consensus';
import { STATUS_STYLE } from './status-style';

export function StatusBadge({ status }: { status: ClaimStatus }) {
  const style = STATUS_STYLE[status];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ${style.badge}`}
    >
      <span aria-hidden="true">{style.symbol}</span>
      {style.label}
    </span>
  );
}
