// Keeps the author's raw HTML inside its own slide. The deck Markdown may hold raw HTML (html: true), and a
// slide with `<div>` never closed, a stray `</section>`, an unclosed `<!--` or `<script>`, or a tag whose
// quoted attribute never ends would otherwise close or swallow the <section> we put around the slide, and
// with it reveal.js's own containers and the page's script. This pass makes each slide's HTML a closed
// fragment: every element opened in it is closed at its end, a closing tag with nothing open to close is
// dropped, and markup that can never end (an unclosed comment or tag) becomes visible text.
// Well-formed HTML passes through unchanged. Pure and linear in the length of the HTML.

/** Elements that never have a closing tag. */
const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** Elements whose content is raw text up to their own closing tag: left open, they swallow the page. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

/** Foreign content, where `<x/>` really is self-closing. */
const FOREIGN = new Set(['svg', 'math']);

const TAG_NAME = /^[A-Za-z][^\s/>\u0000]*/;

export interface BalancedHtml {
  html: string;
  /** What was repaired, in words for a warning; empty when the HTML was already balanced. */
  repairs: string[];
}

export function balanceHtml(html: string): BalancedHtml {
  if (!html.includes('<')) return { html, repairs: [] };
  const repairs: string[] = [];
  const open: string[] = [];
  let out = '';
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt === -1) {
      out += html.slice(at);
      break;
    }
    out += html.slice(at, lt);
    at = lt;
    const rest = html.slice(at, at + 10);

    if (rest.startsWith('<!--')) {
      const end = html.indexOf('-->', at + 4);
      if (end === -1) {
        repairs.push('HTML 注释 `<!--` 没有用 `-->` 结束，已当作普通文字显示');
        out += '&lt;';
        at += 1;
        continue;
      }
      out += html.slice(at, end + 3);
      at = end + 3;
      continue;
    }
    if (rest.startsWith('<!') || rest.startsWith('<?')) {
      // A doctype, CDATA section or processing instruction means nothing inside a slide; a browser would
      // read it as a comment up to the next `>`, hiding whatever tags come before that. Shown as text.
      repairs.push(`\`${rest.slice(0, 2)}\` markup (doctype, CDATA, processing instruction) has no place in a slide; shown as text`);
      out += '&lt;';
      at += 1;
      continue;
    }

    const closing = rest.startsWith('</');
    const nameMatch = TAG_NAME.exec(html.slice(at + (closing ? 2 : 1), at + 200));
    if (nameMatch === null) {
      // "<" that starts no tag ("a < b", "<3") is text to a browser too.
      out += '<';
      at += 1;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    const end = tagEnd(html, at + (closing ? 2 : 1) + nameMatch[0].length);
    if (end === -1) {
      repairs.push(`标签 <${closing ? '/' : ''}${name}> 缺少结尾的 \`>\`，已当作普通文字显示`);
      out += '&lt;';
      at += 1;
      continue;
    }
    const tag = html.slice(at, end + 1);
    at = end + 1;

    if (closing) {
      const index = open.lastIndexOf(name);
      if (index === -1) {
        repairs.push(`已删除 </${name}>：这张幻灯片里没有与它配对的开始标签`);
        continue;
      }
      const implicit = open.splice(index).reverse();
      implicit.pop();
      if (implicit.length > 0) repairs.push(`已在 </${name}> 之前补上 ${implicit.map((inner) => `<${inner}>`).join(' ')} 的结束标签`);
      for (const inner of implicit) out += `</${inner}>`;
      out += tag;
      continue;
    }

    if (name === 'plaintext') {
      repairs.push('<plaintext> 会把页面其余部分都变成文字，已当作普通文字显示');
      out += '&lt;' + tag.slice(1);
      continue;
    }
    if (VOID.has(name)) {
      out += tag;
      continue;
    }
    const selfClosing = /\/\s*>$/.test(tag);
    const inForeign = open.some((element) => FOREIGN.has(element));
    if (selfClosing && (inForeign || FOREIGN.has(name))) {
      out += tag;
      continue;
    }
    if (selfClosing) {
      // `<div/>` is an open <div> to a browser; write what the author meant.
      out += `${tag.replace(/\s*\/\s*>$/, '>')}</${name}>`;
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const close = findClosingTag(html, at, name);
      if (close === -1) {
        repairs.push(`<${name}> 没有结束标签，已在幻灯片末尾补上`);
        out += tag + html.slice(at) + `</${name}>`;
        at = html.length;
      } else {
        out += tag + html.slice(at, close);
        at = close;
        open.push(name);
      }
      continue;
    }
    out += tag;
    open.push(name);
  }
  if (open.length > 0) {
    const names = [...new Set(open)].map((name) => `<${name}>`).join(' ');
    repairs.push(`${names} 没有结束标签，已在幻灯片末尾补上`);
    for (const name of open.reverse()) out += `</${name}>`;
  }
  return { html: out, repairs };
}

/** Index of the `>` that ends a tag whose attributes start at `from`, honouring quoted values; -1 if none. */
function tagEnd(html: string, from: number): number {
  let quote: string | undefined;
  let afterEquals = false;
  for (let index = from; index < html.length; index += 1) {
    const char = html[index];
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      continue;
    }
    if (char === '>') return index;
    if ((char === '"' || char === "'") && afterEquals) {
      quote = char;
      afterEquals = false;
      continue;
    }
    if (char === '=') afterEquals = true;
    else if (char !== ' ' && char !== '\t' && char !== '\n' && char !== '\r' && char !== '\f') afterEquals = false;
  }
  return -1;
}

/** Index of the `</name` that ends a raw-text element (case-insensitive, followed by space, / or >), or -1. */
function findClosingTag(html: string, from: number, name: string): number {
  const pattern = new RegExp(`</${name}(?=[\\s/>])`, 'gi');
  pattern.lastIndex = from;
  const match = pattern.exec(html);
  return match === null ? -1 : match.index;
}
