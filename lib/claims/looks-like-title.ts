const MAX_LENGTH = 200;

/** The first line is the title when it reads like one: not too long and not ending like a sentence. */
export function looksLikeTitle(line: string): boolean {
  return line.length > 0 && line.length <= MAX_LENGTH && !/[.,;]$/.test(line) && /\p{L}/u.test(line);
}
