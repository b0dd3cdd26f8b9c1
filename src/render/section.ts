// Builds the reveal.js `<section>` markup around rendered slide HTML.


/** HTML attribute names we write; anything else could break the tag, so it is left out. */
const SAFE_NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*$/;

/** Escapes an attribute value for a double-quoted attribute: it can end neither the value nor the tag. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (char) => ENTITIES[char] ?? char);
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };

/** ` class="cover" data-timing="45"`, or "" for none. Unsafe names are reported and skipped. */
export function renderAttributes(
  attributes: Record<string, string>,
  report: (message: string) => void,
): string {
  let html = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (!SAFE_NAME.test(name)) {
      report(`幻灯片属性名 ${JSON.stringify(name)} 不是有效的 HTML 属性名，已略去`);
      continue;
    }
    html += ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return html;
}

export function section(attributes: string, inner: string): string {
  return `<section${attributes}>\n${withNewline(inner)}</section>\n`;
}

export function notesAside(notesHtml: string): string {
  return notesHtml.trim() === '' ? '' : `<aside class="notes">\n${withNewline(notesHtml)}</aside>\n`;
}

function withNewline(html: string): string {
  return html === '' || html.endsWith('\n') ? html : `${html}\n`;
}

