// The text a browser shows for an HTML fragment: tags (with their attributes) and comments removed,
// character references decoded. Pure, and deliberately small: it reads the HTML our renderer writes
// (markdown-it output plus the `<section>`/`<aside>` wrappers), not arbitrary web pages.

/** Named references markdown-it emits, plus the ones people type into raw HTML in a Chinese deck. */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  middot: '·',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  laquo: '«',
  raquo: '»',
  times: '×',
  copy: '©',
  reg: '®',
  deg: '°',
  bull: '•',
};

const MAX_CODE_POINT = 0x10ffff;

function fromCodePoint(code: number): string {
  // Surrogates and out-of-range numbers are not characters; NUL is shown as U+FFFD by browsers.
  if (!Number.isInteger(code) || code <= 0 || code > MAX_CODE_POINT || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/** Decodes &name; &#123; &#x4E00; references; unknown names stay as written (as browsers show them). */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    return NAMED[name ?? ''] ?? whole;
  });
}

// A tag with its attributes; quoted attribute values may hold ">" and must not end the tag early.
const TAG = /<\/?[A-Za-z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>/g;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** Text content of an HTML fragment; tags become a space so words of adjacent elements stay apart. */
export function htmlText(html: string): string {
  return decodeEntities(html.replace(COMMENT, ' ').replace(TAG, ' '));
}
