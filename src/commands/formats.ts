// Which files `build` writes: `--formats html,pdf,pptx,docx,images`, `--images` and `--no-pdf` in, one set out.
// Pure. index.html and script.md are always written: every other output is made from the page, and the
// script is the lecture itself (a few kilobytes, no browser).

import { ExitCode, UserError } from '../errors.ts';

export const OUTPUT_FORMATS = ['html', 'pdf', 'pptx', 'docx', 'images'] as const;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** What a build writes when nothing is asked for: everything but the slide pictures (slow for long decks). */
export const DEFAULT_FORMATS: ReadonlySet<OutputFormat> = new Set<OutputFormat>(['html', 'pdf', 'pptx', 'docx']);

/** Formats made in the browser; `--no-pdf` (no browser) leaves them out. */
const BROWSER_FORMATS: ReadonlySet<OutputFormat> = new Set<OutputFormat>(['pdf', 'pptx', 'images']);

/** What each format writes, for messages and --help. */
export const FORMAT_DESCRIPTIONS: Readonly<Record<OutputFormat, string>> = {
  html: '单个文件 <名称>.html（index.html 和 script.md 总会生成）',
  pdf: 'slides.pdf 和 handout.pdf',
  pptx: 'PowerPoint 幻灯片 <名称>.pptx',
  docx: 'Word 讲稿 script.docx',
  images: '图片：images/001.png …、overview.png、<名称>-long.png',
};

function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

/**
 * `--formats` as typed: names separated by commas (Chinese commas and spaces too), any case.
 * An unknown or empty list is a usage error naming the formats there are.
 */
export function parseFormats(text: string): Set<OutputFormat> {
  const names = text
    .split(/[,，、\s]+/)
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !isOutputFormat(name));
  if (unknown.length > 0 || names.length === 0) {
    const what = names.length === 0 ? '--formats 后面没有写格式。' : `--formats 中有未知的格式：${unknown.join('、')}。`;
    throw new UserError(`${what}可用的格式：${OUTPUT_FORMATS.join('、')}。`, {
      hint: `例如：npx tsx build.ts build --formats html,pdf,docx\n${OUTPUT_FORMATS.map((name) => `  ${name}：${FORMAT_DESCRIPTIONS[name]}`).join('\n')}`,
      exitCode: ExitCode.usage,
    });
  }
  return new Set(names.filter(isOutputFormat));
}

export interface FormatChoice {
  /** `--formats` as typed; the default set when absent. */
  formats?: string;
  /** `--images`: the default set (or the chosen one) plus the slide pictures. */
  images?: boolean;
  /** `--no-pdf`: nothing that needs the browser. */
  noPdf?: boolean;
}

/** The formats a build writes, from the command line's three options. */
export function chooseFormats(choice: FormatChoice): Set<OutputFormat> {
  const chosen = choice.formats === undefined ? new Set(DEFAULT_FORMATS) : parseFormats(choice.formats);
  if (choice.images === true) chosen.add('images');
  return choice.noPdf === true ? withoutBrowser(chosen) : chosen;
}

/** True when any of the formats is made in the browser. */
export function needsBrowser(formats: ReadonlySet<OutputFormat>): boolean {
  return [...formats].some((format) => BROWSER_FORMATS.has(format));
}

/** The formats that need no browser, for `--no-pdf` and builds that cannot start one. */
export function withoutBrowser(formats: ReadonlySet<OutputFormat>): Set<OutputFormat> {
  return new Set([...formats].filter((format) => !BROWSER_FORMATS.has(format)));
}
