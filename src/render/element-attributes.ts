// `<!-- .element: class="fragment" -->` gives attributes to the element just before the comment,
// as in reveal.js's Markdown plugin, but decided at build time on markdown-it tokens:
// - a comment on a line of its own applies to the block before it (paragraph, list, heading, code…),
//   or to the block it opens (`- <!-- .element: … -->` is the list item);
// - a comment inside a line applies to what it directly follows (an image, **bold**, a link, `code`),
//   and after plain text to the enclosing block: the paragraph, the heading, or the item of a tight list.
// Values are escaped by markdown-it's renderer; names are limited by parseAttributes.
// The comment itself is removed from the output.

import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { joinClasses, parseAttributes } from '../markdown/read-attributes.ts';
import { warnAt } from './env.ts';

const BLOCK_COMMENTS = /<!--\s*\.element:([\s\S]*?)-->/g;
const INLINE_COMMENT = /^<!--\s*\.element:([\s\S]*?)-->$/;
/** A block of nothing but HTML comments (e.g. `<!-- from: p1 -->`): not an element, so skipped over. */
const ONLY_COMMENTS = /^(?:\s*<!--[\s\S]*?-->)*\s*$/;

export function elementAttributes(md: MarkdownIt): void {
  md.core.ruler.push('element_attributes', (state: StateCore) => {
    applyInline(state);
    applyBlocks(state);
  });
}

function applyBlocks(state: StateCore): void {
  const tokens = state.tokens;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (token === undefined || token.type !== 'html_block' || !token.content.includes('.element:')) continue;
    const line = token.map?.[0];
    let found = false;
    token.content = token.content.replace(BLOCK_COMMENTS, (_comment: string, inner: string) => {
      found = true;
      const target = blockTarget(tokens, index);
      if (target === undefined) warnAt(state.env, line, '.element 注释前面没有可以加属性的内容');
      else apply(target, inner, state.env, line);
      return '';
    });
    if (found && token.content.trim() === '') {
      tokens.splice(index, 1);
      index -= 1;
    }
  }
}

/** The block a stand-alone comment at `index` applies to, or undefined when nothing comes before it. */
function blockTarget(tokens: Token[], index: number): Token | undefined {
  for (let at = index - 1; at >= 0; at -= 1) {
    const token = tokens[at];
    if (token === undefined) return undefined;
    if (token.type === 'html_block' && ONLY_COMMENTS.test(token.content)) continue;
    if (token.nesting === -1) return visible(tokens, openerOf(tokens, at));
    // An opening token: the comment is the first thing inside this container.
    return visible(tokens, at);
  }
  return undefined;
}

function applyInline(state: StateCore): void {
  state.tokens.forEach((block, blockIndex) => {
    if (block.type !== 'inline' || block.children === null) return;
    const children = block.children;
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index];
      const match = child?.type === 'html_inline' ? INLINE_COMMENT.exec(child.content) : null;
      if (match === null || child === undefined) continue;
      const target = inlineTarget(children, index) ?? visible(state.tokens, blockIndex - 1);
      apply(target, match[1] ?? '', state.env, block.map?.[0]);
      children.splice(index, 1);
      trimBefore(children, index);
      index -= 1;
    }
  });
}

/** The inline element the comment directly follows (only spaces between), if any. */
function inlineTarget(children: Token[], index: number): Token | undefined {
  for (let at = index - 1; at >= 0; at -= 1) {
    const token = children[at];
    if (token === undefined) return undefined;
    if (token.type === 'text' && token.content.trim() === '') continue;
    if (token.type === 'softbreak' || token.type === 'hardbreak') continue;
    if (token.type === 'html_inline' && token.content.startsWith('<!--')) continue;
    if (token.type === 'image' || token.type === 'code_inline') return token;
    if (token.nesting === -1) return children[openerOf(children, at)];
    return undefined;
  }
  return undefined;
}

/** Index of the opening token that matches the closing token at `close`. */
function openerOf(tokens: Token[], close: number): number {
  const level = tokens[close]?.level;
  for (let at = close - 1; at >= 0; at -= 1) {
    const token = tokens[at];
    if (token !== undefined && token.nesting === 1 && token.level === level) return at;
  }
  return close;
}

/** A tight list hides its paragraphs: the attributes then belong to the list item around it. */
function visible(tokens: Token[], index: number): Token | undefined {
  const token = tokens[index];
  if (token === undefined || !token.hidden) return token;
  for (let at = index - 1; at >= 0; at -= 1) {
    const outer = tokens[at];
    if (outer !== undefined && outer.nesting === 1 && outer.level < token.level && !outer.hidden) return outer;
  }
  return undefined;
}

function apply(target: Token | undefined, source: string, env: unknown, line: number | undefined): void {
  const parsed = parseAttributes(source);
  if (parsed.rest !== '') {
    warnAt(env, line, `看不懂 .element 注释中的“${parsed.rest}”；属性请写成 key="value"`);
  }
  if (target === undefined || target.nesting === -1) {
    warnAt(env, line, '.element 注释前面没有可以加属性的元素');
    return;
  }
  if (target.type === 'html_block' || target.type === 'html_inline') {
    warnAt(env, line, '.element 注释跟在直接写的 HTML 后面，已忽略；请把属性直接写在那个 HTML 标签上');
    return;
  }
  for (const [name, value] of Object.entries(parsed.attributes)) {
    target.attrSet(name, name === 'class' ? joinClasses(classOf(target), value) : value);
  }
}

/** `item <!-- .element: … -->` would leave "item " behind: drop the space the comment stood after. */
function trimBefore(children: Token[], index: number): void {
  const next = children[index];
  const previous = children[index - 1];
  const atEnd = next === undefined || next.type === 'softbreak' || next.type === 'hardbreak';
  if (atEnd && previous?.type === 'text') previous.content = previous.content.trimEnd();
}

function classOf(token: Token): string | undefined {
  const value = token.attrGet('class');
  return value === null ? undefined : String(value);
}
