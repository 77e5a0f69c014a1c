import { type ComponentProps, type ReactNode, useId } from 'react';

// The form controls' one look. On a touch screen a one-line control is at least 44 px tall.
const CONTROL =
  'w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm font-normal text-slate-900 disabled:bg-slate-100 disabled:text-slate-600 aria-[invalid=true]:border-rose-700';
const ONE_LINE = 'pointer-coarse:min-h-11';

export const LABEL = 'block text-sm font-medium text-slate-800';
export const HINT = 'text-xs text-slate-600';
export const ERROR = 'text-sm text-rose-800';

export function controlClass(className?: string): string {
  return [CONTROL, ONE_LINE, className].filter(Boolean).join(' ');
}

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={controlClass(className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select className={controlClass(className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea className={[CONTROL, className].filter(Boolean).join(' ')} {...props} />;
}

/** What a Field hands its control, so that the label, the hint and the error are tied to it. */
export type FieldControl = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

/**
 * A label, its control, an optional hint and the field's error, wired together: the control gets the id the
 * label names and is described by the hint and the error, so a screen reader says both.
 */
export function Field(props: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** Other elements that describe the control, such as a form's status line. */
  describedBy?: string;
  className?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId, props.describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div className={props.className}>
      <label htmlFor={id} className={LABEL}>
        {props.label}
      </label>
      <div className="mt-1">
        {props.children({
          id,
          'aria-invalid': props.error ? true : undefined,
          'aria-describedby': describedBy,
        })}
      </div>
      {props.hint && (
        <p id={hintId} className={`mt-1 ${HINT}`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId} className={`mt-1 ${ERROR}`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** A radio button or checkbox with its words, tall enough to hit with a thumb. */
export function Choice({
  label,
  className,
  ...input
}: Omit<ComponentProps<'input'>, 'type'> & { type: 'radio' | 'checkbox'; label: ReactNode }) {
  return (
    <label
      className={`inline-flex items-center gap-2 text-sm pointer-coarse:min-h-11 ${className ?? ''}`.trim()}
    >
      <input className="size-4 shrink-0 accent-sky-800" {...input} />
      {label}
    </label>
  );
}
