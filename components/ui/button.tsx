import type { ComponentProps } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';
export type ButtonSize = 'sm' | 'md';

const BASE =
  'inline-flex items-center justify-center gap-1.5 rounded font-medium text-center no-underline disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60';

const VARIANT: Record<ButtonVariant, string> = {
  primary: 'border border-sky-800 bg-sky-800 text-white hover:bg-sky-700',
  secondary: 'border border-slate-400 bg-white text-slate-900 hover:bg-slate-100',
  danger: 'border border-rose-700 bg-white text-rose-800 hover:bg-rose-50',
  quiet: 'border border-transparent text-sky-800 underline underline-offset-2 hover:bg-slate-100',
};

// On a touch screen every size grows to a 44 px target (WCAG 2.5.5); a mouse keeps the compact size.
const SIZE: Record<ButtonSize, string> = {
  sm: 'px-2 py-0.5 text-xs pointer-coarse:min-h-11 pointer-coarse:min-w-11 pointer-coarse:px-3 pointer-coarse:text-sm',
  md: 'px-3 py-1.5 text-sm pointer-coarse:min-h-11 pointer-coarse:min-w-11',
};

/** The classes of a button, for a link that acts as one (an export, the summary) as well as for <Button>. */
export function buttonClass({
  variant = 'secondary',
  size = 'md',
  className,
}: {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
} = {}): string {
  return [BASE, VARIANT[variant], SIZE[size], className].filter(Boolean).join(' ');
}

type ButtonProps = ComponentProps<'button'> & { variant?: ButtonVariant; size?: ButtonSize };

/** The one button. `type` defaults to "button", so only a form's own submit button submits it. */
export function Button({ variant, size, className, type = 'button', ...props }: ButtonProps) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}
