import { memo } from 'react';

/**
 * "Reviewed by me" and "consensus" as bars with their numbers, for the whole document (not the filter). A role
 * that cannot assess has no "reviewed by me" (mine is null): a bar stuck at 0 would read as work left undone.
 */
export const ReviewProgress = memo(function ReviewProgress({
  mine,
  consensus,
  total,
}: {
  mine: number | null;
  consensus: number;
  total: number;
}) {
  return (
    <div className="grid grid-cols-2 gap-3 text-xs text-slate-700">
      {mine !== null && <Bar label="Reviewed by me" value={mine} total={total} colour="bg-sky-700" />}
      <Bar label="Consensus" value={consensus} total={total} colour="bg-emerald-600" />
    </div>
  );
});

function Bar({
  label,
  value,
  total,
  colour,
}: {
  label: string;
  value: number;
  total: number;
  colour: string;
}) {
  const text = `${label}: ${value} of ${total}`;
  return (
    <div>
      <p>{text}</p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={value}
        aria-valuetext={text}
        className="mt-1 h-2 overflow-hidden rounded bg-slate-200"
      >
        <div className={`h-full ${colour}`} style={{ width: total ? `${(100 * value) / total}%` : 0 }} />
      </div>
    </div>
  );
}
