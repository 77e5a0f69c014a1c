// Offsets must stay valid forever, so the body is normalised once, at import, and only in ways that
// cannot change what a reader sees: a byte-order mark and Windows or old-Mac line endings.
export function normaliseBody(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
