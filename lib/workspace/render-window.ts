// How much of a long document the workspace renders at once. The benchmark's baseline renders the same
// window, so the two pages compare like for like.

/** Paragraphs rendered before and after the selected claim's paragraph, and added per scroll step. */
export const TEXT_WINDOW = { before: 15, after: 45, step: 40 } as const;

/** The claim list's fixed row height in pixels, and the rows rendered beyond the visible ones. */
export const ROW_HEIGHT = 60;
export const ROW_OVERSCAN = 6;

/** The list height assumed before the browser has measured it, as on the server. */
export const INITIAL_LIST_HEIGHT = 480;

/** The paragraphs to render around the paragraph holding the selected claim. */
export function textWindow(block: number, count: number) {
  return { from: Math.max(0, block - TEXT_WINDOW.before), to: Math.min(count, block + TEXT_WINDOW.after) };
}

/** The rows to render for a list scrolled to `top` and `height` pixels tall. */
export function rowWindow(top: number, height: number, count: number) {
  return {
    first: Math.max(0, Math.floor(top / ROW_HEIGHT) - ROW_OVERSCAN),
    last: Math.min(count, Math.ceil((top + height) / ROW_HEIGHT) + ROW_OVERSCAN),
  };
}
