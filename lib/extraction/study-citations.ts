import { parseCitationIdentifier } from '@/lib/citations/citation-identifier';

// Claims that cite a study, and the document's reference list they point to. A claim cites a study with a
// numbered marker ("[12]", "[3, 7–9]", "¹²"), an author-year marker ("(Smith et al., 2019)", "Smith and Jones
// (2019)"), or in words ("a 2006 study showed", "researchers reported in 2018"). Its reference is linked by
// number, or by the first author's surname and the year, when the document has a reference list.

/** What a claim's sentence says of the studies it rests on. */
export type StudyCitation = {
  citesStudy: boolean;
  /** The reference numbers its markers name, in order, without repeats. */
  numbers: readonly number[];
  /** Its author-year markers, as written ("Smith et al., 2019"), with the surname and year to match. */
  authorYears: readonly AuthorYear[];
};

export type AuthorYear = { label: string; surname: string; year: string };

/** An entry of the document's reference list. */
export type ReferenceEntry = {
  /** Its number in a numbered list ("1." or "[1]"), if any. */
  number?: number;
  /** The first author's surname, as a key (lower case, no accents), and the year, for author-year markers. */
  surname?: string;
  year?: string;
  text: string;
  doi?: string;
  pmid?: string;
};

/** A claim's linked reference, as stored with the claim (Claim.references). */
export type ClaimReference = { label: string; text: string; doi?: string; pmid?: string };

const NONE: StudyCitation = { citesStudy: false, numbers: [], authorYears: [] };
const WORDS_ONLY: StudyCitation = { citesStudy: true, numbers: [], authorYears: [] };

// Most sentences have no bracket, superscript digit, year, "published" or "according to": they are let go after one cheap test.
const MAY_CITE = /[[(⁰¹²³⁴⁵⁶⁷⁸⁹]|\b(?:19|20)\d\d\b|\bpublished\b|\baccording to\b/i;

// "[12]", "[3, 7–9]", "[1; 4]": numbers of one to three digits, so "[2019]" (a year) and "[sic]" are not markers.
const NUMBERED = /\[(\d{1,3}(?:\s*[-–—]\s*\d{1,3})?(?:\s*[,;]\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?)*)\]/g;
// Superscript digits after a word or a full stop ("improved mood.¹²", "trials¹⁻³"). After a unit ("mg/m²",
// "10 m²") they are powers.
const SUPERSCRIPT = /(?<=[\p{L}.,;:)\]])([⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:\s*[,⁻–-]\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*)/gu;
const UNIT_BEFORE = /(?:^|[\s/\d])(?:[kcdmµμ]?m|ft|in|s|cm|km|mm)$/;
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
// A range longer than this is not a list of references ("[1–500]" is a range of something else).
const LONGEST_RANGE = 50;

// A surname: capitalised, with the particles that may open one ("van der Berg", "de Vries"); an organisation
// written in capitals ("WHO") is an author too.
const SURNAME = String.raw`(?<![\p{L}\p{M}'’-])(?:(?:van|von|de|der|den|da|di|du|le|la|del|della|dos|ter)\s+){0,2}\p{Lu}[\p{L}\p{M}'’-]+`;
const AUTHORS = String.raw`${SURNAME}(?:\s+et\s+al\.?|(?:,\s*${SURNAME})*,?\s+(?:and|&)\s+${SURNAME})?`;
const YEAR = String.raw`(?:19|20)\d{2}[a-z]?`;
const YEARS = String.raw`${YEAR}(?:\s*,\s*${YEAR})*`;
// One part of a parenthesis: "Smith et al., 2019", "e.g. Lee 2020a", "see Smith and Jones 2019, p. 4".
const CITE_PART = new RegExp(
  String.raw`^(?:(?:e\.g\.|i\.e\.|see(?:\s+also)?|cf\.|reviewed in)[,:]?\s+)?(${AUTHORS})\s*,?\s*(${YEARS})(?:\s*,\s*(?:pp?\.|chapter|table|fig\.?)\s*[\w–-]+)?$`,
  'u',
);
const PARENTHESIS = /\(([^()]{4,300})\)/g;
// "Smith et al. (2019)", "Smith and Jones (2019) found": the authors in the sentence, the year in brackets.
const NARRATIVE = new RegExp(String.raw`(${AUTHORS})\s+\((${YEARS})\)`, 'gu');
// Words that are capitalised and stand before a year without naming an author.
const NOT_AUTHORS =
  /^(?:in|on|by|since|until|from|during|before|after|the|a|an|this|that|these|those|its|their|our|between|and|or|as|of|for|to|at|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|spring|summer|autumn|fall|winter|phase|study|trial|version|fig(?:ure)?|table|ref)$/i;

// In words: "a 2006 study", "a 2019 randomised, double-blind trial", "the 2020 meta-analysis".
const DATED_STUDY =
  /\b(?:19|20)\d{2}\s+(?:[\p{L}-]+,?\s+){0,4}?(?:stud(?:y|ies)|trials?|meta-?analys[ie]s|(?:systematic\s+)?reviews?|analys[ie]s|surveys?|papers?|experiments?)\b/iu;
// "a study published in 2015", "a trial conducted in 2018", "a study published in JAMA", "… on Monday".
const STUDY_PUBLISHED =
  /\b(?:stud(?:y|ies)|trials?|meta-?analys[ie]s|reviews?|papers?|research|surveys?|articles?)\s+(?:[\p{L}-]+\s+){0,4}?(?:published|conducted|carried out|released|reported|presented)\s+(?:in|at|on)\s+(?:(?:19|20)\d{2}\b|(?:the\s+)?\p{Lu})/u;
// "according to a small study", "according to the 2019 review".
const ACCORDING_TO =
  /\baccording to (?:a|an|the|one|this|that|their|another)\s+(?:[\p{L}\d-]+,?\s+){0,3}?(?:stud(?:y|ies)|trials?|meta-?analys[ie]s|(?:systematic\s+)?reviews?|surveys?|papers?)\b/iu;
// "researchers at Yale reported in 2018", "In 2018, researchers found".
const RESEARCHERS_DATED =
  /\b(?:researchers|scientists|investigators|the authors|a team|clinicians)\b[^.;]{0,80}?\b(?:reported|found|showed|published|concluded|observed|demonstrated|described)\s+in\s+(?:19|20)\d{2}\b|\bin\s+(?:19|20)\d{2},?\s+(?:(?:a\s+team\s+of\s+)?researchers|scientists|investigators)\b/i;
const STUDY_WORDS =
  /stud|trial|analys|review|survey|paper|experiment|cohort|research|scientist|investigator|team|author|clinician/i;

/** Whether a claim's sentence cites a study, and the markers it cites with. Pure; cheap for sentences that don't. */
export function detectStudyCitation(text: string): StudyCitation {
  if (!MAY_CITE.test(text)) return NONE;
  const numbers = new Set<number>();
  for (const match of text.matchAll(NUMBERED)) addNumbers(numbers, match[1] ?? '');
  if (/[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(text)) {
    for (const match of text.matchAll(SUPERSCRIPT)) {
      if (UNIT_BEFORE.test(text.slice(Math.max(0, (match.index ?? 0) - 4), match.index))) continue;
      addNumbers(numbers, [...(match[1] ?? '')].map(fromSuperscript).join(''));
    }
  }
  const authorYears: AuthorYear[] = [];
  if (text.includes('(')) {
    for (const match of text.matchAll(PARENTHESIS)) {
      for (const part of (match[1] ?? '').split(';'))
        addAuthorYears(authorYears, CITE_PART.exec(part.trim()));
    }
    for (const match of text.matchAll(NARRATIVE)) addAuthorYears(authorYears, match);
  }
  if (numbers.size > 0 || authorYears.length > 0) {
    return { citesStudy: true, numbers: [...numbers], authorYears };
  }
  if (!STUDY_WORDS.test(text)) return NONE;
  return DATED_STUDY.test(text) ||
    STUDY_PUBLISHED.test(text) ||
    RESEARCHERS_DATED.test(text) ||
    ACCORDING_TO.test(text)
    ? WORDS_ONLY
    : NONE;
}

function fromSuperscript(char: string): string {
  const digit = SUPERSCRIPT_DIGITS.indexOf(char);
  if (digit !== -1) return String(digit);
  return char === '⁻' ? '-' : char;
}

function addNumbers(numbers: Set<number>, list: string) {
  for (const part of list.split(/[,;]/)) {
    const [from, to] = part.split(/[-–—]/).map((n) => Number.parseInt(n.trim(), 10));
    if (from === undefined || Number.isNaN(from) || from === 0) continue;
    if (to === undefined || Number.isNaN(to)) {
      numbers.add(from);
      continue;
    }
    if (to < from || to - from > LONGEST_RANGE) continue;
    for (let n = from; n <= to; n++) numbers.add(n);
  }
}

function addAuthorYears(into: AuthorYear[], match: RegExpExecArray | RegExpMatchArray | null) {
  const authors = match?.[1];
  const years = match?.[2];
  if (!authors || !years) return;
  const surname = surnameKey(authors);
  if (!surname || NOT_AUTHORS.test(firstWord(authors))) return;
  for (const year of years.split(/\s*,\s*/)) {
    const label = `${authors.replace(/\s+/g, ' ')}, ${year}`;
    if (!into.some((a) => a.label === label)) into.push({ label, surname, year });
  }
}

function firstWord(authors: string): string {
  return authors.trim().split(/[\s,]+/)[0] ?? '';
}

/** A surname as a key: the first author's, in lower case, without accents or particles' case. */
function surnameKey(authors: string): string {
  const match = new RegExp(`^${SURNAME}`, 'u').exec(authors.trim());
  return match ? match[0].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, "'") : '';
}

// An entry's number: "1.", "1)", "(1)" or "[1]" at its start (a list's marker may lie before the block, and is
// passed in), and its year: in brackets as APA writes it, else as Vancouver does ("2019;12:45"), else any.
const ENTRY_NUMBER = /^\s*(?:\[(\d{1,3})\]|\(?(\d{1,3})[.)])\s*/;
const ENTRY_YEAR = [
  /\((?:19|20)\d{2}[a-z]?\)/,
  /\b(?:19|20)\d{2}[a-z]?(?=\s*[;.,:])/,
  /\b(?:19|20)\d{2}[a-z]?\b/,
];
const DOI = /\b10\.\d{4,9}\/[^\s"<>]+/i;
const PMID = /\bPMID\s*:?\s*(\d{1,9})\b/i;
// A reference entry is kept whole up to here; longer blocks are not one entry.
const ENTRY_LONGEST = 1_000;

/**
 * The entries of a reference-list block: one per line that starts with a number ("1.", "[1]"), or, in an
 * author-year list written one entry a line, one per line; otherwise the block is one entry. `marker` is the
 * list item's marker that stands before the block's text, when there is one.
 */
export function parseReferenceEntries(text: string, marker = ''): ReferenceEntry[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const numbered = lines.filter((l) => ENTRY_NUMBER.test(l)).length;
  const byLine =
    lines.length > 1 && (numbered > 1 || lines.every((l) => yearOf(l) !== undefined && /^\p{Lu}/u.test(l)));
  const chunks: string[] = [];
  for (const line of byLine ? lines : [lines.join(' ')]) {
    if (chunks.length > 0 && numbered > 1 && !ENTRY_NUMBER.test(line))
      chunks[chunks.length - 1] += ` ${line}`;
    else chunks.push(line);
  }
  if (chunks.length === 1 && marker) chunks[0] = `${marker.trim()} ${chunks[0]}`;
  return chunks.flatMap((chunk) => {
    const entry = parseReferenceEntry(chunk);
    return entry ? [entry] : [];
  });
}

function parseReferenceEntry(raw: string): ReferenceEntry | null {
  const numberMatch = ENTRY_NUMBER.exec(raw);
  const number = numberMatch ? Number(numberMatch[1] ?? numberMatch[2]) : undefined;
  const text = (numberMatch ? raw.slice(numberMatch[0].length) : raw).replace(/\s+/g, ' ').trim();
  if (!text || text.length > ENTRY_LONGEST) return null;
  const surname = surnameKey(text);
  const year = yearOf(text);
  if (number === undefined && (!surname || !year)) return null;
  const entry: ReferenceEntry = { text };
  if (number !== undefined) entry.number = number;
  if (surname && year) {
    entry.surname = surname;
    entry.year = year;
  }
  const doi = DOI.exec(text)?.[0].replace(/[.,;)\]]+$/, '');
  const parsedDoi = doi ? parseCitationIdentifier(doi) : null;
  if (parsedDoi?.kind === 'DOI') entry.doi = parsedDoi.identifier;
  const pmid = PMID.exec(text)?.[1];
  const parsedPmid = pmid ? parseCitationIdentifier(pmid) : null;
  if (parsedPmid?.kind === 'PMID') entry.pmid = parsedPmid.identifier;
  return entry;
}

function yearOf(text: string): string | undefined {
  for (const pattern of ENTRY_YEAR) {
    const match = pattern.exec(text);
    if (match) return match[0].replace(/[()]/g, '');
  }
  return undefined;
}

/**
 * The entries a claim's markers point to: by number, or by first author and year ("2019" also finds an entry
 * of "2019a" when only one entry matches). Each entry once, in the order the markers name them.
 */
export function linkReferences(
  citation: StudyCitation,
  entries: readonly ReferenceEntry[],
): ClaimReference[] {
  if (entries.length === 0 || !citation.citesStudy) return [];
  const linked: ClaimReference[] = [];
  const seen = new Set<ReferenceEntry>();
  const add = (label: string, entry: ReferenceEntry | undefined) => {
    if (!entry || seen.has(entry)) return;
    seen.add(entry);
    linked.push({
      label,
      text: entry.text,
      ...(entry.doi ? { doi: entry.doi } : {}),
      ...(entry.pmid ? { pmid: entry.pmid } : {}),
    });
  };
  for (const n of citation.numbers)
    add(
      String(n),
      entries.find((e) => e.number === n),
    );
  for (const cite of citation.authorYears) {
    const bySurname = entries.filter((e) => e.surname === cite.surname);
    const exact = bySurname.find((e) => e.year === cite.year);
    const loose = bySurname.filter((e) => e.year?.slice(0, 4) === cite.year.slice(0, 4));
    add(cite.label, exact ?? (loose.length === 1 ? loose[0] : undefined));
  }
  return linked;
}

/** Claim.references as stored by claimBatch; anything else (a row written by hand) reads as none. */
export function readClaimReferences(stored: unknown): ClaimReference[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item) => {
    if (typeof item !== 'object' || item === null) return [];
    const { label, text, doi, pmid } = item as Record<string, unknown>;
    if (typeof label !== 'string' || typeof text !== 'string') return [];
    return [
      {
        label,
        text,
        ...(typeof doi === 'string' ? { doi } : {}),
        ...(typeof pmid === 'string' ? { pmid } : {}),
      },
    ];
  });
}
