// What marks reference lists, bibliographies and book lists, none of which holds claims.

/** A heading over a reference list: "References", "Further reading:", "5. Bibliography". */
const REFERENCE_HEADING =
  /^(?:\d+\.?\s*)?(?:references?|bibliography|sources?|further reading|suggested reading|recommended reading|reading list|works cited|literature(?: cited)?|citations?|footnotes|endnotes|notes|books?|resources)$/i;

/**
 * An entry that cites rather than claims: a book ("Book by"), an author list ("et al."), a DOI, ISBN, PMID or
 * PMCID, a journal reference ("2019;12(3):45-67", "Vol. 12", "pp. 45-67"), an edited volume, a retrieval note,
 * or a bare link.
 */
const REFERENCE_ENTRY =
  /\bBook by\b|\bet al\b|\bdoi\s*:|\b10\.\d{4,9}\/\S|\bISBN\b|\bPMID\b|\bPMC\d{4,}|\bRetrieved from\b|\b(?:19|20)\d{2}\s*;\s*\d+\s*(?:\(\s*[\w-]{1,10}\s*\))?\s*:\s*\d+|\bVol\.\s*\d+|\bpp?\.\s*\d+\s*[-–]\s*\d+|\(eds?\.\)|\bJournal of\b|^\s*https?:\/\/\S+\s*$/i;

export function isReferenceHeading(heading: string): boolean {
  return REFERENCE_HEADING.test(heading.trim());
}

export function looksLikeReference(entry: string): boolean {
  return REFERENCE_ENTRY.test(entry);
}
