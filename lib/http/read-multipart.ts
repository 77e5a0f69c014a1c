import { readBody } from './read-body';

/** A file sent in a multipart body: its name as the browser gave it, and its bytes as they were sent. */
export type MultipartFile = { name: string; bytes: Uint8Array };

const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');

/**
 * A multipart/form-data body of at most `maxBytes`: its text fields and its files, by field name (the first of
 * each name). `request.formData()` would do the same, but it parses a 2 MB upload in one go on the server's
 * thread, for tens of milliseconds in which no page is answered; here the body is read as it arrives and cut
 * at its boundaries with native searches, so no step holds the thread for more than a few.
 */
export async function readMultipart(
  request: Request,
  options: { maxBytes: number; tooLarge: string },
): Promise<{ fields: Map<string, string>; files: Map<string, MultipartFile> }> {
  const body = await readBody(request, options);
  const fields = new Map<string, string>();
  const files = new Map<string, MultipartFile>();
  // Without a boundary there are no parts: the caller says what it expected.
  const boundary = boundaryOf(request.headers.get('content-type') ?? '');
  if (!boundary) return { fields, files };
  const delimiter = Buffer.from(`--${boundary}`);
  const nextDelimiter = Buffer.concat([CRLF, delimiter]);
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const partStart = at + delimiter.length;
    // "--" after a delimiter closes the body.
    if (body[partStart] === 0x2d && body[partStart + 1] === 0x2d) break;
    const headersStart = partStart + CRLF.length;
    const headersEnd = body.indexOf(HEADERS_END, headersStart);
    if (headersEnd === -1) break;
    const next = body.indexOf(nextDelimiter, headersEnd);
    if (next === -1) break;
    const headers = body.subarray(headersStart, headersEnd).toString('utf8');
    const content = body.subarray(headersEnd + HEADERS_END.length, next);
    const name = parameterOf(headers, 'name');
    const fileName = parameterOf(headers, 'filename');
    if (name !== null && fileName !== null) {
      if (!files.has(name)) files.set(name, { name: fileName, bytes: content });
    } else if (name !== null && !fields.has(name)) {
      fields.set(name, content.toString('utf8'));
    }
    at = next + CRLF.length;
  }
  return { fields, files };
}

function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/**
 * A parameter of the part's Content-Disposition header. Browsers send a file's name as UTF-8 and escape a
 * quote, CR and LF in it as %22, %0D and %0A (the HTML standard's rule for form data).
 */
function parameterOf(headers: string, parameter: string): string | null {
  const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1];
  if (!disposition) return null;
  const match = new RegExp(`;\\s*${parameter}="([^"]*)"`, 'i').exec(disposition);
  if (!match) return null;
  return (match[1] ?? '').replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
}
