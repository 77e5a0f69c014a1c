import type { ActionResult } from '@/lib/errors';

/**
 * What a Server Action said, in a live region so that it is announced: its confirmation in green, its failure
 * in red, or `busy` while it runs.
 */
export function ActionMessage(props: {
  result: ActionResult<unknown> | null;
  /** Said instead of the last result while the action runs, or while a change waits to be sent. */
  busy?: string | false;
  /** Fields whose errors show beside them: a failure made only of those is not repeated here. */
  shown?: ReadonlyArray<string>;
  /** A field whose error, when it is the only one, is said here in place of the general message. */
  field?: string;
  /** Success goes unsaid, because the change itself shows it. */
  failuresOnly?: boolean;
  /** Announced at once (role="alert"), for a form that has nothing else to say. */
  alert?: boolean;
  id?: string;
  className?: string;
}) {
  return (
    <p
      id={props.id}
      role={props.alert ? 'alert' : undefined}
      aria-live={props.alert ? undefined : 'polite'}
      className={props.className ?? 'text-xs'}
    >
      <Message {...props} />
    </p>
  );
}

function Message(props: Parameters<typeof ActionMessage>[0]) {
  const { result } = props;
  if (props.busy) return <span className="text-slate-700">{props.busy}</span>;
  if (!result) return null;
  if (result.ok)
    return props.failuresOnly ? null : <span className="text-emerald-800">{result.message}</span>;
  const fields = Object.keys(result.fieldErrors ?? {});
  if (fields.length > 0 && fields.every((field) => props.shown?.includes(field))) return null;
  const own =
    props.field && fields.length === 1 && fields[0] === props.field
      ? result.fieldErrors?.[props.field]
      : undefined;
  return <span className="text-rose-800">{own ?? result.message}</span>;
}
