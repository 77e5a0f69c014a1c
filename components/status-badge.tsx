import { type ClaimStatus, inReviewWords, type ReviewProgress } from '@/lib/consensus/consensus';
import { STATUS_STYLE } from './status-style';
import { Badge } from './ui/badge';

/**
 * A claim's status as a badge: its colour, its symbol and its word, so colour is never the only signal. A claim
 * in review says how far it has got ("In review (1 of 2)") when the caller knows.
 */
export function StatusBadge({ status, progress }: { status: ClaimStatus; progress?: ReviewProgress | null }) {
  const style = STATUS_STYLE[status];
  return (
    <Badge tone={style.tone} symbol={style.symbol}>
      {status === 'IN_REVIEW' && progress ? inReviewWords(progress) : style.label}
    </Badge>
  );
}
