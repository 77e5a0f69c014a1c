// Document furniture told by its shape: the lines of a paper, a news page or an abstract that describe the
// document (who wrote it, where it was published, how it is licensed) or help a reader get about (share bars,
// menus), and so hold no claim. Also the labels of structured abstracts ("Background: …"), which name a section.

/** A block that is furniture, and the authors it names, if it is an author list. */
export type Furniture = { authors?: string };

// Labels whose text describes the document rather than its subject: keywords, registrations, funding,
// correspondence, the article's history, how to cite it, its licence.
const FURNITURE_LABEL =
  /^\s*(?:key ?words?|index terms|mesh(?: terms)?|abbreviations|(?:clinical )?trials? registration(?: number)?|registration(?: number)?|funding(?: sources?| statement)?|sources? of funding|financial (?:support|disclosures?)|(?:conflicts?|declarations?) of interests?|competing interests?|disclosures?|correspondence(?: to)?|corresponding authors?|e-?mail|received|accepted|revised|published online|article history|citation|cite this(?: article)?|how to cite(?: this article)?|doi|copyright|licen[cs]e|data (?:availability|sharing)(?: statement)?|acknowledge?ments?|author contributions?|ethics(?: approval)?|editor|peer review)\s*[:.]/i;
// A history line needs no colon: "Received 2 October 2023; accepted 11 January 2024".
const HISTORY = /^(?:received|accepted|revised|published online)\s+\d/i;

// Where a text was published: a DOI, a journal reference ("2024;61(3):245-253"), a PubMed number.
const CITATION =
  /\bdoi\s*:|\b10\.\d{4,9}\/\S|\b(?:19|20)\d{2}\s*;\s*\d+\s*(?:\(\s*[\w-]{1,10}\s*\))?\s*:\s*\d+|\bPMID\s*:?\s*\d|\bPMCID\s*:?\s*PMC\d/i;
const CITATION_LONGEST = 250;

// Rights: a copyright sign or notice, a reserved-rights notice, a Creative Commons licence.
const RIGHTS =
  /^(?:©|\(c\)\s*\d{4}|copyright\b)|\ball rights reserved\b|\bcreative commons\b|\bCC[ -]BY(?:[ -](?:NC|ND|SA))*(?:[ -]\d\.\d)?\b|\bopen access article\b/i;
const LONGEST = 400;

// A trial's number in a public registry: ClinicalTrials.gov, ISRCTN, EudraCT, ANZCTR, ChiCTR, DRKS, CTRI,
// PROSPERO.
const REGISTRY_ID =
  /\bNCT\d{8}\b|\bISRCTN\d{8}\b|\bEudraCT\b|\bACTRN\d{14}\b|\bChiCTR[-\w]*\d{6,}|\bDRKS\d{8}\b|\bCTRI\/\d{4}|\bCRD\d{11}\b/;
const REGISTRY_LONGEST = 200;

// Where authors work: an institution with its place, as comma-separated parts, under a footnote mark or none.
const INSTITUTION =
  /\b(?:Department|Dept\.?|Division|University|Universit[äéà]\w*|Hospital|Institute|Institut\w*|School|Faculty|College|Cent(?:re|er)|Clinic|Laborator(?:y|ies)|Unit|Foundation|Trust|NHS|Ministry|Agency)\b/;
const AFFILIATION_LONGEST = 200;

// A bar of links written as text: "Share on Facebook | Tweet | Email", "Home · Health · News".
const BAR_SEPARATOR = /\s+[|·•]\s+/;
const BAR_MARK = /[|·•]/;
const BAR_ITEM_WORDS = 3;

/**
 * Whether a block is furniture wherever it stands: a labelled metadata line (keywords, trial registration,
 * funding, correspondence), a citation line with a DOI or a journal reference, a copyright or licence line, a
 * trial registration, or a bar of short links. Each kind is told by its shape, so an article's own sentences,
 * which are longer and rarely carry a DOI or a registry number, are left alone.
 */
export function isFurniture(text: string): boolean {
  // Every shape but a label is short; a long block is only looked at for its label.
  if (text.length > LONGEST) return FURNITURE_LABEL.test(text.slice(0, 80));
  if (FURNITURE_LABEL.test(text) || HISTORY.test(text)) return true;
  if (text.length <= CITATION_LONGEST && CITATION.test(text)) return true;
  if (RIGHTS.test(text)) return true;
  if (text.length <= REGISTRY_LONGEST && REGISTRY_ID.test(text)) return true;
  return BAR_MARK.test(text) && isLinkBar(text.replace(/\s+/g, ' '));
}

function isLinkBar(line: string): boolean {
  const items = line.split(BAR_SEPARATOR);
  return (
    items.length >= 3 &&
    items.every((item) => {
      const words = item.split(' ').length;
      return words <= BAR_ITEM_WORDS && /\p{L}/u.test(item) && !/[.!?:;,]$/.test(item);
    })
  );
}

// Footnote marks after a name or before an affiliation: superscript digits, digits, *, †, ‡, §, #.
const MARKS = /[⁰¹²³⁴⁵⁶⁷⁸⁹*†‡§#]+(?:,[⁰¹²³⁴⁵⁶⁷⁸⁹*†‡§#]+)*|(?<=\p{L})\d+(?:,\d+)*/gu;
// A personal name: two to four words, each capitalised or an initial, with the particles of surnames between.
const PERSON =
  /^\p{Lu}[\p{L}\p{M}'’-]*\.?(?:\s+(?:\p{Lu}[\p{L}\p{M}'’-]*\.?|van|von|de|der|den|da|del|della|di|du|dos|la|le|bin|al|el|ter)){1,3}$/u;
const DEGREE = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z.]{1,7}$/;
const AUTHORS_LONGEST = 400;

/**
 * Front matter: the lines between a paper's title and its text. An author list ("Jane Morrow¹, Anil Patel²,
 * Li Wei¹,³") gives the authors' names; affiliation lines ("²Centre for Mood Disorders, St Aldhelm's Hospital,
 * Kingsport, UK") are furniture too. Only looked for near the top, where a heading of names cannot be meant.
 */
export function frontMatter(text: string): Furniture | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return null;
  const authors = authorList(lines.join(' '));
  if (authors) return { authors };
  return lines.every(isAffiliation) ? {} : null;
}

function authorList(line: string): string | null {
  if (line.length > AUTHORS_LONGEST) return null;
  const marked = MARKS.test(line);
  MARKS.lastIndex = 0;
  const parts = line
    .replace(MARKS, '')
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  const names = parts.filter((p) => !DEGREE.test(p));
  if (names.length < 2 || !names.every((p) => PERSON.test(p))) return null;
  // Two capitalised phrases may be a heading ("Vivid Dreams, Night Sweats"); footnote marks, degrees or a third
  // name make it a list of people.
  if (!marked && names.length === parts.length && names.length < 3) return null;
  return names.join(', ');
}

function isAffiliation(line: string): boolean {
  const unmarked = line.replace(/^[⁰¹²³⁴⁵⁶⁷⁸⁹*†‡§#\d]+\s*/u, '');
  return (
    unmarked.length <= AFFILIATION_LONGEST &&
    INSTITUTION.test(unmarked) &&
    (unmarked.match(/,/g)?.length ?? 0) >= 2 &&
    !/[.!?]$/.test(unmarked)
  );
}

// The label of a structured abstract's part: one to three words and a colon at the start of a paragraph
// ("Background:", "Main outcome measures:"). The words start with a letter and hold no digits, so "Table 2:" and
// "Note 1:" are not labels.
const LABEL = /^(\p{Lu}[\p{Ll}\p{Lu}'’-]+(?:\s[\p{L}'’-]+){0,2})\s*:[ \t\n]+(?=\S)/u;

/** The length of the label (with its colon) that opens a paragraph of a structured abstract, or 0. */
export function labelLength(text: string): number {
  const match = LABEL.exec(text);
  if (!match || FURNITURE_LABEL.test(text)) return 0;
  return match[0].trimEnd().length;
}
