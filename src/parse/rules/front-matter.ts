// Rule "front-matter": a Markdown file may open with a YAML block (--- … ---). It is metadata, not article
// text: drop its lines, and take its title/subtitle when the block names them.

import type { ParseRule } from '../state.ts';

const FENCE = /^(?:---|\.\.\.)$/;
const MAX_FRONT_MATTER_LINES = 60;

export const frontMatter: ParseRule = (state) => {
  // Only a real .md file: in a .txt a leading "---" is more likely a separator line than YAML.
  if (state.format !== 'md' || state.lines[0]?.text !== '---') return;
  const closing = state.lines.findIndex((line, index) => index > 0 && FENCE.test(line.text));
  if (closing < 0 || closing > MAX_FRONT_MATTER_LINES) return;
  for (const line of state.lines.slice(1, closing)) {
    const match = /^(title|subtitle)\s*:\s*(.+)$/.exec(line.text);
    if (match === null) continue;
    const value = unquote(match[2]!);
    if (match[1] === 'title') state.title = value;
    else state.subtitle = value;
  }
  state.lines = state.lines.slice(closing + 1);
};

function unquote(value: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(value.trim());
  return (quoted === null ? value : quoted[2]!).trim();
}
