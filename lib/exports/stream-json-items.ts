/** Put this where the streamed items go: as the only element of the array that holds them. */
export const JSON_ITEMS = '\u0000items';

// JSON.stringify always escapes U+0000, so the marker cannot be confused with any string in the document.
const MARKER = /\n( *)"\\u0000items"/;

/**
 * Writes `document` as indented JSON, with one array's items pulled from `items` and written one chunk each,
 * so a large export never holds more than one item as text. The array stays valid JSON when there are none.
 */
export async function* streamJsonItems(
  document: object,
  items: AsyncIterable<object>,
): AsyncIterable<string> {
  const [head, indent = '', tail] = JSON.stringify(document, null, 2).split(MARKER);
  if (tail === undefined) throw new Error('streamJsonItems: the document has no JSON_ITEMS marker');
  yield head as string;
  let separator = '';
  for await (const item of items) {
    yield `${separator}\n${indent}${JSON.stringify(item, null, 2).replace(/\n/g, `\n${indent}`)}`;
    separator = ',';
  }
  yield `${tail}\n`;
}
