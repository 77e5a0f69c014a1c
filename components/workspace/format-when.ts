const FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** A timestamp as people read it in a review log: "29 Nov 2026, 14:05 UTC". Same output on server and client. */
export function formatWhen(iso: string): string {
  return `${FORMAT.format(new Date(iso))} UTC`;
}
