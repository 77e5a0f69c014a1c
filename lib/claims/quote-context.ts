export const CONTEXT_LENGTH = 32;

/** The TextQuote selector's prefix and suffix around body[start, end). */
export function quoteContext(body: string, start: number, end: number) {
  return {
    prefix: body.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: body.slice(end, end + CONTEXT_LENGTH),
  };
}
