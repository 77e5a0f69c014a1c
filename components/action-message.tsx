import type { ActionResult } from '@/lib/errors';

/**
 * What a Server Action said, for a form's live status line: its confirmation in green, its failure in red. A
 * failure whose every field error is already shown beside its field (`shown`) is not repeated here.
 */
export function ActionMessage(props: {
  result: ActionResult<unknown> | null;
  shown?: ReadonlyArray<string>;
}) {
  const { result } = props;
  if (!result) return null;
  if (result.ok) return <span className="text-emerald-800">{result.message}</span>;
  const fields = Object.keys(result.fieldErrors ?? {});
  if (fields.length > 0 && fields.every((field) => props.shown?.includes(field))) return null;
  return <span className="text-rose-800">{result.message}</span>;
}
