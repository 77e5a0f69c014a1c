import { buttonClass } from './ui/button';
import { PAGE_TITLE } from './ui/heading';

/** Why the summary cannot be shown, in words, with the one link that helps, instead of an error page. */
export function SummaryNotice({
  title,
  message,
  link,
}: {
  title: string;
  message: string;
  link: { href: string; label: string };
}) {
  return (
    <div className="rounded border border-amber-300 bg-amber-50 p-6">
      <h1 className={PAGE_TITLE}>{title}</h1>
      <p className="mt-2 text-sm text-slate-800">{message}</p>
      <a href={link.href} className={buttonClass({ className: 'mt-4' })}>
        {link.label}
      </a>
    </div>
  );
}
