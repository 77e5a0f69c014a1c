// The `linebreak` package (Unicode line breaking, UAX #14) ships no type definitions; this is the part
// pdf-text.ts uses.
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    /** The next place a line may end, or must (after a newline); null after the last. */
    nextBreak(): { position: number; required: boolean } | null;
  }
}
