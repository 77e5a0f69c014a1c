import {
  CERTAINTY_LABEL,
  EVIDENCE_LEVEL_SHORT,
  GRADE_DOMAIN_LABEL,
  VERDICT_LABEL,
} from '@/lib/domain/vocabulary';
import { Button } from '../ui/button';
import type { AssessmentValues } from './workspace-actions';
import type { Theirs } from './workspace-state';

const ROWS: Array<[string, (v: AssessmentValues | null) => string]> = [
  ['Verdict', (v) => (v?.verdict ? VERDICT_LABEL[v.verdict] : '—')],
  ['Evidence level', (v) => (v?.evidenceLevel ? EVIDENCE_LEVEL_SHORT[v.evidenceLevel] : '—')],
  ['Certainty', (v) => (v?.certainty ? CERTAINTY_LABEL[v.certainty] : '—')],
  ['Downgraded for', (v) => v?.downgradeReasons.map((r) => GRADE_DOMAIN_LABEL[r]).join(', ') || '—'],
  ['Rationale', (v) => v?.rationale || '—'],
];

/**
 * A stale save: what I saved meanwhile elsewhere (another tab, window or device; an assessment is only ever
 * changed by its own reviewer) beside what I chose here, so I can re-apply this one knowingly or keep the other.
 */
export function StaleComparison(props: {
  mine: AssessmentValues;
  theirs: Theirs;
  onReapply: () => void;
  onKeepTheirs: () => void;
}) {
  return (
    <section
      aria-label="Saved elsewhere, beside this choice"
      className="rounded border border-rose-300 bg-rose-50 p-2"
    >
      <table className="w-full text-left text-xs" data-stale-comparison>
        <caption className="mb-1 text-left text-xs font-medium text-rose-900">
          Saved in another tab, window or device
          {props.theirs?.updatedAt
            ? ` at ${new Date(props.theirs.updatedAt).toLocaleTimeString('en-GB')}`
            : ''}
          , after this one opened it.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="pr-2">
              Field
            </th>
            <th scope="col" className="pr-2">
              Saved now
            </th>
            <th scope="col">Mine (not saved)</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([label, show]) => {
            const theirs = show(props.theirs);
            const mine = show(props.mine);
            return (
              <tr key={label} className={theirs === mine ? 'text-slate-600' : 'font-medium'}>
                <th scope="row" className="pr-2 font-normal">
                  {label}
                </th>
                <td className="pr-2 align-top">{theirs}</td>
                <td className="align-top">{mine}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="mt-2 flex gap-2">
        <Button variant="primary" onClick={props.onReapply}>
          Re-apply mine
        </Button>
        <Button onClick={props.onKeepTheirs}>Keep the saved one</Button>
      </div>
    </section>
  );
}
