// A list item's marker at the start of a line: a bullet, "1." / "1)" / "(1)", or "a)" / "(a)". A letter with a
// full stop ("A. Smith") is left alone, as are "1.5" and "2006." because a marker must be followed by a space.
const MARKER = /(?:[•●○◦▪▫■□‣⁃∙*+\-–]|\(?\d{1,3}[.)]|\(?[a-z]\))[ \t\u00A0]+/y;

/** Where an item's text starts when a list marker sits at body[at], or -1. */
export function listMarkerEnd(body: string, at: number): number {
  MARKER.lastIndex = at;
  return MARKER.test(body) ? MARKER.lastIndex : -1;
}
