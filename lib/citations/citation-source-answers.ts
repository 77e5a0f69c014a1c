// What PubMed's ESummary (JSON) and Crossref's /works/{doi} answer, read into the few fields a citation shows.
// Pure: the look-up (look-up-citation-source.ts) hands the parsed JSON here, and tests hand recorded answers.

export type SourceMetadata = {
  title: string | null;
  journal: string | null;
  year: number | null;
  /** "Family Initials" (PubMed's form), in order. */
  authors: string[];
  publicationTypes: string[];
};

export type SourceAnswer =
  | { status: 'FOUND'; metadata: SourceMetadata }
  /** The source answered and does not know the identifier. */
  | { status: 'NOT_FOUND'; error: string }
  /** No answer, or one that says nothing about the identifier (a rate limit, a server error). */
  | { status: 'UNREACHABLE'; error: string };

const MAX_TEXT = 500;
const MAX_AUTHORS = 100;

/** ESummary's answer for one PMID: `result[pmid]`, which holds `error` when PubMed has no such record. */
export function readPubmedSummary(json: unknown, pmid: string): SourceAnswer {
  const body = record(json);
  const result = record(body?.result);
  const item = record(result?.[pmid]);
  if (item && typeof item.error !== 'string') {
    const authors = Array.isArray(item.authors) ? item.authors.map(record) : [];
    return {
      status: 'FOUND',
      metadata: {
        title: text(item.title),
        journal: text(item.fulljournalname) ?? text(item.source),
        year: yearIn(item.pubdate) ?? yearIn(item.sortpubdate) ?? yearIn(item.epubdate),
        authors: authors
          .filter((a) => a && (a.authtype === undefined || a.authtype === 'Author'))
          .map((a) => text(a?.name))
          .filter((n): n is string => n !== null)
          .slice(0, MAX_AUTHORS),
        publicationTypes: strings(item.pubtype),
      },
    };
  }
  if (item) return { status: 'NOT_FOUND', error: `PubMed: ${String(item.error)}` };
  // An id PubMed cannot read at all is refused in `esummaryresult`; a request it refuses, in `error`.
  const refused = strings(body?.esummaryresult);
  if (refused.length > 0) return { status: 'NOT_FOUND', error: `PubMed: ${refused.join('; ')}` };
  if (typeof body?.error === 'string') return { status: 'UNREACHABLE', error: `PubMed: ${body.error}` };
  if (result) return { status: 'NOT_FOUND', error: 'PubMed: no record for this PMID' };
  return { status: 'UNREACHABLE', error: 'PubMed: the answer was not an ESummary result' };
}

/** Crossref's answer for one DOI: `{status: "ok", message-type: "work", message: {…}}`. */
export function readCrossrefWork(json: unknown): SourceAnswer {
  const body = record(json);
  const work = record(body?.message);
  if (body?.status !== 'ok' || body['message-type'] !== 'work' || !work) {
    return { status: 'UNREACHABLE', error: 'Crossref: the answer was not a work' };
  }
  const authors = (Array.isArray(work.author) ? work.author.map(record) : [])
    .map((a) => {
      const family = text(a?.family);
      const initials = (text(a?.given) ?? '')
        .split(/[\s.-]+/)
        .filter(Boolean)
        .map((part) => part[0]?.toUpperCase())
        .join('');
      return family ? `${family}${initials ? ` ${initials}` : ''}` : text(a?.name);
    })
    .filter((n): n is string => n !== null)
    .slice(0, MAX_AUTHORS);
  const dated = ['issued', 'published', 'published-print', 'published-online'].map((k) => record(work[k]));
  const year = dated.map(yearOfParts).find((y) => y !== null) ?? null;
  return {
    status: 'FOUND',
    metadata: {
      title: text(first(work.title)),
      journal: text(first(work['container-title'])) ?? text(first(work['short-container-title'])),
      year,
      authors,
      publicationTypes: strings([work.type]),
    },
  };
}

function record(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(text).filter((s): s is string => s !== null) : [];
}

/** Trimmed, tags (Crossref's JATS <i>, <sub>) and a closing full stop (PubMed's titles) removed, capped. */
function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const cleaned = value
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '');
  return cleaned ? cleaned.slice(0, MAX_TEXT) : null;
}

function yearIn(value: unknown): number | null {
  const match = typeof value === 'string' ? /\b(1[5-9]\d\d|20\d\d)\b/.exec(value) : null;
  return match ? Number(match[1]) : null;
}

function yearOfParts(date: Record<string, unknown> | null): number | null {
  const parts = first(date?.['date-parts']);
  const year = Array.isArray(parts) ? parts[0] : null;
  return typeof year === 'number' && year >= 1500 && year <= 2100 ? year : null;
}
