import { StatusMixBar } from './status-mix-bar';

type Mix = {
  supported: number;
  speculative: number;
  unsupported: number;
  inReview: number;
  conflicts: number;
};

/** Claims reviewed of the total as a bar, and the open conflicts when the reader may know of them. */
export function ReviewProgress({
  reviewed,
  total,
  conflicts,
}: {
  reviewed: number;
  total: number;
  conflicts: number | null;
}) {
  return (
    <div className="text-sm">
      <p>
        Reviewed <strong>{reviewed}</strong> of {total} claims
      </p>
      <progress
        className="mt-1 h-1.5 w-full overflow-hidden rounded [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-sky-700"
        value={reviewed}
        max={Math.max(total, 1)}
        aria-label={`Review progress: ${reviewed} of ${total} claims reviewed`}
      />
      {conflicts !== null && conflicts > 0 && (
        <p className="mt-1 text-xs font-medium text-violet-900">
          {conflicts === 1 ? '1 open conflict' : `${conflicts} open conflicts`}
        </p>
      )}
    </div>
  );
}

/** The verdict mix of `total` claims of which `reviewed` have a verdict, as a stacked bar. */
export function VerdictMix({ mix, total, reviewed }: { mix: Mix; total: number; reviewed: number }) {
  return (
    <StatusMixBar
      total={total}
      counts={{
        SUPPORTED: mix.supported,
        SPECULATIVE: mix.speculative,
        UNSUPPORTED: mix.unsupported,
        IN_REVIEW: mix.inReview,
        CONFLICT: mix.conflicts,
        UNREVIEWED: total - reviewed,
      }}
    />
  );
}
