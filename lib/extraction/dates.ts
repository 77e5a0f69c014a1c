// Dates and bylines as articles write them, for the title's metadata lines and the sources' metadata fields.

// A date written out on its own ("March 29, 2023", "29 March 2023", "2023-03-29T10:00:00Z", "Updated: 3/29/2023"),
// as date lines and metadata give it. iso is null when the date has no day or its order is ambiguous.
const MONTH_NAMES =
  'january february march april may june july august september october november december'.split(' ');
const MONTHS = new Map<string, number>([
  ...MONTH_NAMES.map((name, index) => [name, index + 1] as const),
  ...MONTH_NAMES.map((name, index) => [name.slice(0, 3), index + 1] as const),
  ['sept', 9],
]);

const PREFIX =
  /^(?:(?:first |last )?(?:published|posted|updated|reviewed|modified|written|date)(?: on)?\s*:?\s*|on\s+)?(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?/i;
const MONTH_DAY_YEAR = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{4})$/i;
const MONTH_YEAR = /^([a-z]+)\.?,?\s+(\d{4})$/i;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMERIC = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
const LONGEST = 80;

export function parseDate(text: string): { iso: string | null } | null {
  if (text.length > LONGEST) return null;
  const date = text.trim().replace(PREFIX, '').trim();
  let match = MONTH_DAY_YEAR.exec(date);
  if (match) return named(match[1], match[2], match[3]);
  match = DAY_MONTH_YEAR.exec(date);
  if (match) return named(match[2], match[1], match[3]);
  match = MONTH_YEAR.exec(date);
  if (match) return MONTHS.has((match[1] ?? '').toLowerCase()) ? { iso: null } : null;
  match = ISO.exec(date);
  if (match) return checked(Number(match[1]), Number(match[2]), Number(match[3]));
  match = NUMERIC.exec(date);
  if (match) return numeric(Number(match[1]), Number(match[2]), Number(match[3]));
  return null;
}

function named(month = '', day = '', year = ''): { iso: string | null } | null {
  const m = MONTHS.get(month.toLowerCase());
  return m ? checked(Number(year), m, Number(day)) : null;
}

// 3/29/2023 is American and 29/3/2023 is not; 3/4/2023 could be either, so it stays a date line without a date.
function numeric(first: number, second: number, year: number): { iso: string | null } | null {
  if (first > 12 && second <= 12) return checked(year, second, first);
  if (second > 12 && first <= 12) return checked(year, first, second);
  if (first <= 12 && second <= 12 && first > 0 && second > 0) return { iso: null };
  return null;
}

function checked(year: number, month: number, day: number): { iso: string | null } | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return { iso: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}` };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// A line near the title that names the author or the date, or both ("By Jane Doe | March 29, 2023"), and the
// people who checked the article ("Medically reviewed by Dr A. Patel"). Such a line describes the document and is
// never a claim. A byline may give the author's job after a comma ("By Jane Morrow, Health Correspondent"): the
// author is the name and any degrees (MD, PhD), not the job.
const SEPARATOR = /\s+[|·•—–-]\s+/;
const NAME = String.raw`\p{Lu}[\p{L}\p{M}'’.\- ]{1,60}?`;
// What may follow the name: degrees and a job, each a capitalised phrase ("Health Correspondent", "Editor of The Lancet").
const ROLES = String.raw`(?:,\s*\p{Lu}[\p{L}.]*(?:\s+(?:\p{Lu}[\p{L}.]*|of|for|and|the|on|at|in)){0,5})*`;
const BYLINE = new RegExp(String.raw`^(?:[Bb]y|[Ww]ritten by|[Aa]uthor:)\s+(${NAME})(${ROLES})$`, 'u');
const CREDIT = new RegExp(
  String.raw`^(?:(?:[Mm]edically|[Cc]linically|[Ss]cientifically|[Ee]xpert)\s+)?(?:[Rr]eviewed|[Ff]act[- ]checked|[Cc]hecked|[Ee]dited|[Vv]erified|[Ii]llustrat(?:ed|ions)|[Pp]hotograph(?:s|y)?)\s+by\s+${NAME}${ROLES}$`,
  'u',
);
// A degree or post-nominal: two or more capitals among at most eight letters (MD, PhD, MBChB, FRCP).
const DEGREE = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z.]{1,7}$/;
const LONGEST_META_LINE = 160;

type MetaLine = { author?: string; date?: { iso: string | null } };

export function parseMetaLine(line: string): MetaLine | null {
  if (line.length > LONGEST_META_LINE) return null;
  const meta: MetaLine = {};
  for (const raw of line.split(SEPARATOR)) {
    const part = raw.trim();
    const byline = BYLINE.exec(part);
    if (byline?.[1]) {
      meta.author ??= authorOf(byline[1], byline[2] ?? '');
      continue;
    }
    if (CREDIT.test(part)) continue;
    const date = parseDate(part);
    if (date && !meta.date) meta.date = date;
    else return null;
  }
  return meta;
}

function authorOf(name: string, after: string): string {
  const degrees = after
    .split(',')
    .map((s) => s.trim())
    .filter((s) => DEGREE.test(s));
  return [name.trim(), ...degrees].join(', ');
}
