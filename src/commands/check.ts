// `check [deck.md …] [--json]`: open each deck in Chromium at its own size and report, with the Markdown
// file and line of each slide, whether its content overflows the slide.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { measureOverflow } from '../check/overflow.ts';
import type { SourceDeck, SourceSlide } from '../deck/model.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { ExitCode, UserError } from '../errors.ts';
import { withBrowser } from '../export/browser.ts';
import { describeFsError } from '../fs/atomic.ts';
import { readDeckMarkdown } from '../markdown/read.ts';
import { writeDeckSite } from '../page/write-site.ts';
import { listDeckFiles } from '../fs/list.ts';
import { SLIDES_DIR } from '../paths.ts';
import { renderDeck } from '../render/index.ts';

export interface SlideReport {
  file: string;
  line: number;
  /** 1-based slide number as the deck shows it. */
  slide: number;
  overflow: boolean;
  overflowPx: number;
  problems: string[];
}

export interface CheckResult {
  slides: SlideReport[];
  diagnostics: Diagnostic[];
}

export async function checkCommand(options: { root: string; decks: string[] }): Promise<CheckResult> {
  const files = options.decks.length > 0 ? options.decks : await listDeckFiles(options.root);
  if (files.length === 0) {
    throw new UserError(`没有可检查的幻灯片：${SLIDES_DIR}/ 中没有 .md 文件。`, { hint: '先运行 npm run build 起草幻灯片。' });
  }
  const work = await mkdtemp(join(tmpdir(), 'dangke-check-'));
  try {
    const decks: { source: SourceDeck; indexHtml: string }[] = [];
    const diagnostics: Diagnostic[] = [];
    for (const [position, file] of files.entries()) {
      const shown = relative(options.root, file) || file;
      const source = readDeckMarkdown(await readText(file), shown);
      const rendered = renderDeck(source.value);
      diagnostics.push(...source.diagnostics, ...rendered.diagnostics);
      const { indexHtml } = await writeDeckSite(rendered.value, join(work, String(position)), { themeName: rendered.value.frontMatter.theme });
      decks.push({ source: source.value, indexHtml });
    }
    const slides: SlideReport[] = [];
    await withBrowser(async (browser) => {
      for (const { source, indexHtml } of decks) {
        const lines = flatten(source.slides).map((slide) => slide.line);
        for (const measured of await measureOverflow(browser, indexHtml)) {
          slides.push({
            file: source.file,
            line: lines[measured.index] ?? 1,
            slide: measured.index + 1,
            overflow: measured.overflowPx > 0,
            overflowPx: measured.overflowPx,
            problems: measured.problems,
          });
        }
      }
    });
    for (const slide of slides.filter((report) => report.overflow)) {
      diagnostics.push({
        severity: 'error',
        file: slide.file,
        line: slide.line,
        message: `第 ${slide.slide} 张幻灯片内容超出画面 ${slide.overflowPx}px：${slide.problems.join('；')}。请删减文字或拆成两张。`,
      });
    }
    return { slides, diagnostics };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function flatten(slides: readonly SourceSlide[]): SourceSlide[] {
  return slides.flatMap((slide) => [slide, ...slide.vertical]);
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`无法读取幻灯片文件 ${file}：${describeFsError(error)}`, { hint: '请检查文件路径是否正确。', exitCode: ExitCode.input });
  }
}
