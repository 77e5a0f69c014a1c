import { CLAIM_STATUSES, type ClaimStatus } from '@/lib/consensus/consensus';
import { STATUS_STYLE } from './status-style';

/** A stacked bar of claim statuses, with the numbers spelled out beside it for screen readers and print. */
export function StatusMixBar({ counts, total }: { counts: Record<ClaimStatus, number>; total: number }) {
  const description = CLAIM_STATUSES.map((s) => `${counts[s]} ${STATUS_STYLE[s].label.toLowerCase()}`).join(
    ', ',
  );
  return (
    <div>
      <div
        role="img"
        aria-label={`Verdict mix: ${description}`}
        className="flex h-2.5 w-full overflow-hidden rounded bg-slate-200"
      >
        {total > 0 &&
          CLAIM_STATUSES.map((s) =>
            counts[s] > 0 ? (
              <div
                key={s}
                className={STATUS_STYLE[s].bar}
                style={{ width: `${(100 * counts[s]) / total}%` }}
              />
            ) : null,
          )}
      </div>
      <ul className="mt-1.5 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700">
        {CLAIM_STATUSES.map((s) => (
          <li key={s} className="inline-flex items-center gap-1">
            <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-sm ${STATUS_STYLE[s].bar}`} />
            {STATUS_STYLE[s].label} {counts[s]}
          </li>
        ))}
      </ul>
    </div>
  );
}
