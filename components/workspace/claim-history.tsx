import { memo } from 'react';
import type { ClaimPanel } from '@/lib/workspace/claim-panel-types';
import { actionWords, describeChanges } from '@/lib/workspace/describe-changes';
import { formatWhen } from './format-when';

/** Who changed what and when, newest first, with old and new values. */
export const ClaimHistory = memo(function ClaimHistory({ history }: { history: ClaimPanel['history'] }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-semibold">History ({history.length})</summary>
      {history.length === 0 ? (
        <p className="mt-1 text-slate-700">No changes recorded yet.</p>
      ) : (
        <ol className="mt-2 space-y-1.5">
          {history.map((event) => (
            <li key={event.id} className="border-l-2 border-slate-200 pl-2">
              <p className="text-xs text-slate-600">{formatWhen(event.createdAt)}</p>
              <p>
                <span className="font-medium">{event.actor ?? 'The system'}</span>{' '}
                {actionWords(event.action) ?? event.action}
              </p>
              <ul className="text-xs text-slate-700">
                {describeChanges(event.before, event.after).map((change) => (
                  <li key={change.field}>
                    {change.field}: {change.from === null ? '' : <del>{change.from}</del>}
                    {change.from === null ? '' : ' → '}
                    <ins className="no-underline">{change.to ?? '—'}</ins>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
});
