import type { ClaimStatus } from '@/lib/consensus/consensus';
import { STATUS_STYLE } from './status-style';
import { Badge } from './ui/badge';

/** A claim's status as a badge: its colour, its symbol and its word, so colour is never the only signal. */
export function StatusBadge({ status }: { status: ClaimStatus }) {
  const style = STATUS_STYLE[status];
  return (
    <Badge tone={style.tone} symbol={style.symbol}>
      {style.label}
    </Badge>
  );
}
