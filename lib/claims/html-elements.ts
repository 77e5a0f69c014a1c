// How the HTML reader treats elements.

/** Never in the body: code, page furniture (navigation, header, footer, asides), forms and embedded media. */
export const SKIPPED = new Set([
  'aside',
  'audio',
  'button',
  'canvas',
  'dialog',
  'embed',
  'footer',
  'form',
  'header',
  'iframe',
  'map',
  'math',
  'nav',
  'noscript',
  'object',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'video',
]);

/** ARIA roles of the same page furniture, for sites that use <div role="navigation"> and the like. */
export const SKIPPED_ROLES = new Set([
  'banner',
  'complementary',
  'contentinfo',
  'dialog',
  'menu',
  'menubar',
  'navigation',
  'search',
]);

/** Elements that start and end a block of text. */
export const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

/** class, id or role values that mark a reference list. */
export const REFERENCE_MARKUP =
  /\b(?:references?|reflist|bibliography|citations?|footnotes?|endnotes?|works-cited|doc-bibliography|doc-endnotes)\b/i;
