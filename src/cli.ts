// The command line: argv in, exit code out. The only place that prints. A UserError is shown as a
// message and a hint, without a stack; anything else is a bug in dangke and shows its stack.
// Each command's module is imported only when that command runs (`await import` in its case below), so a
// command starts without loading what only the others need (Chromium's driver, the PDF and Word libraries,
// the font subsetter, esbuild). A new command follows the same pattern; keep static imports here light.

import { basename, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { chooseFormats, needsBrowser } from './commands/formats.ts';
import { createProgress } from './export/progress.ts';
import { startBrowserEarly } from './export/early-browser.ts';
import { trace } from './export/trace.ts';
import { ExitCode, UserError, isUserError } from './errors.ts';
import { parseHandoutPerPage } from './export/handout-layout.ts';
import { formatDiagnostic, type Reporter } from './report.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Aborted on Ctrl+C; `dev` runs until then (without one, `dev` listens for SIGINT/SIGTERM itself). */
  signal?: AbortSignal;
  /** Where `build` draws its progress line: the terminal's stderr; no line when absent or not a TTY. */
  progressStream?: { write(text: string): unknown; columns?: number; isTTY?: boolean };
}

const MAIN_HELP = `dangke：把一篇文章变成一堂党课（幻灯片、讲稿、PDF）

用法：npx tsx build.ts <命令> [选项]

命令：
  build [幻灯片.md …]   生成 dist/<名称>/（网页、单文件、slides.pdf、讲义、讲稿、Word 讲稿、PPT）；不带参数时先为 articles/ 中
                        尚无幻灯片的文章起草，再构建 slides/ 中的全部幻灯片
  draft <文章>          为一篇文章起草 slides/<名称>.md
  parse <文章> --json   显示文章结构（标题、栏目、导语、各部分、署名）
  present [幻灯片.md]    用浏览器全屏放映（需要时先生成）
  check [幻灯片.md …]   检查幻灯片：超出画面、缺图、缺备注、备注过长、未知版式、字体缺字（文件:行）
  dev [幻灯片.md]       实时预览：在浏览器中打开，保存后自动刷新并停留在当前页
  studio                工作室：在浏览器中边写边看（npm run dev 启动的就是它）

每个命令都可加 --help 查看说明。常用：npm run build

Commands: build, draft, parse, check, dev, studio, present. Run any of them with --help.`;

const HELP: Record<string, string> = {
  build: `用法：npx tsx build.ts build [幻灯片.md …] [--out 目录] [--formats 格式,…] [--images] [--no-pdf]
                              [--handout 1|2|3] [--quiet]

  不带幻灯片参数时：先为 articles/ 中还没有幻灯片的文章起草 slides/<名称>.md
  （已有的幻灯片绝不会被改写），再构建 slides/ 中的全部幻灯片。
  输出：<目录>/<名称>/index.html（可离线打开，按 S 打开演讲者视图）、<名称>.html（单个文件，
  可拷到 U 盘在任何电脑上打开）、script.md（讲稿）、script.docx（Word 讲稿，按公文格式排版）、
  slides.pdf（每页一张幻灯片）、handout.pdf（讲义：A4，幻灯片配讲稿）和 <名称>.pptx（PowerPoint）。

  --out 目录      输出目录（默认 dist）
  --formats 格式  只生成列出的格式，用逗号分隔（默认 html,pdf,pptx,docx）：
                    html    单个文件 <名称>.html
                    pdf     slides.pdf 和 handout.pdf
                    pptx    PowerPoint 幻灯片 <名称>.pptx
                    docx    Word 讲稿 script.docx
                    images  图片：images/001.png …（每张 1920 像素宽）、overview.png（全部幻灯片的
                            缩略图）、<名称>-long.png（竖向长图，1080 像素宽，可发微信群）
                  index.html 和 script.md 总会生成。
  --images        在默认格式（或 --formats 所选）之外再生成图片
  --no-pdf        不启动浏览器：只生成不需要浏览器的格式（网页、单文件、script.md、script.docx）
  --handout 张数  讲义每页放 1、2 或 3 张幻灯片（默认 2，或幻灯片 front matter 中的 handout:）；
                  3 张时每张旁边留有横线，供听讲人记笔记
  --quiet         只显示错误`,
  draft: `用法：npx tsx build.ts draft <文章.txt|.md|.docx> [-o slides/名称.md] [--force]
                              [--speaker 主讲人] [--org 单位] [--date 日期]

  读取文章，起草党课幻灯片（含讲稿备注），写入 slides/<名称>.md。
  起草时在开头记下内容指纹（fingerprint）。再次起草时：
    幻灯片自起草后未修改 → 按文章重新生成；
    已修改 → 不覆盖，新草稿写到旁边的 slides/<名称>.draft.md，供对照；
    加 --force → 覆盖，但先把原文件备份到 slides/.backup/<名称>-<时间>.md。`,
  present: `用法：npx tsx build.ts present [幻灯片.md]

  用系统浏览器全屏打开已生成的幻灯片（dist/<名称>/index.html）；尚未生成或 Markdown 更新过时先生成。
  不带参数时打开最近修改的一套。放映时：S 演讲者视图（讲稿、计时），B 黑屏，F 全屏，翻页笔可用。`,
  check: `用法：npx tsx build.ts check [幻灯片.md …] [--json]

  逐套检查幻灯片，每条结果都给出 Markdown 文件和行号（文件:行）：
    错误：内容超出画面（在 Chromium 中按实际尺寸测量，给出超出多少像素）、图片缺失或无法读取、
          开头的设置（front matter）写法有误、未知的主题
    警告：没有备注、备注比 data-timing 允许的长得多（按每分钟 220 字）、未知的版式 class、
          未知的设置项、内置字体没有的字符
  不带参数时检查 slides/ 中全部幻灯片。
  --json   以 JSON 输出 { slides, diagnostics }（diagnostics 中每条有 rule、severity、file、line、message）
  有错误时退出码为 7；只有警告时为 0。`,
  dev: `用法：npx tsx build.ts dev [幻灯片.md] [--port 端口] [--pdf]

  实时预览：构建幻灯片，在 http://127.0.0.1:<端口>/ 上提供（只在本机可访问），并监视 slides/、themes/
  和幻灯片所用的图片。保存后浏览器自动刷新，停留在当前页；Markdown 或开头设置有错误时，浏览器中显示
  错误和位置（文件:行），改正保存后自动恢复。按 Ctrl+C 停止。
  不写幻灯片时预览 slides/ 中最近修改的一套。

  --port 端口   使用指定端口（默认自动选择空闲端口）
  --pdf         每次保存后在后台重新导出 dist/<名称>/slides.pdf`,
  studio: `用法：npx tsx build.ts studio [幻灯片.md] [--port 端口]

  工作室：在 http://127.0.0.1:<端口>/ 上提供一个网页（只在本机可访问）：左边编辑幻灯片的 Markdown，
  右边即时显示光标所在的幻灯片和讲稿、全部幻灯片的缩略图和检查结果；可选版式、导出 PDF、讲义和单文件，
  拖入文章即可起草。停止输入 2 秒后自动保存，每次保存前的版本留在 slides/.history/。按 Ctrl+C 停止。
  写上幻灯片文件时，打印的地址直接打开这套幻灯片。

  --port 端口   使用指定端口（默认自动选择空闲端口）`,
  parse: `用法：npx tsx build.ts parse <文章> [--json]

  显示文章结构。--json 输出：
  { title, subtitle, column, credits[], lead[Paragraph], sections[Section], captions[] }
  Section = { heading, level, paragraphs[], sections[], generated? }
  Paragraph = { id, text, kind, sentences[] }，Sentence = { id, text, marks[] }
  marks：date 日期、number 数字、quotation 引语、enumeration 并列、term 引号术语、document 文件名、run-in 分项`,
};

const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  quiet: { type: 'boolean', short: 'q' },
} as const satisfies ParseArgsConfig['options'];

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  let quiet = false;
  const reporter: Reporter = {
    out: (text) => io.stdout(text),
    info: (text) => {
      if (!quiet) io.stderr(text);
    },
    diagnostic: (diagnostic) => {
      if (!quiet || diagnostic.severity === 'error') io.stderr(formatDiagnostic(diagnostic));
    },
  };

  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(MAIN_HELP);
      return command === undefined ? ExitCode.usage : ExitCode.ok;
    }
    switch (command) {
      case 'build': {
        const { values, positionals } = parse(rest, {
          ...COMMON_OPTIONS,
          out: { type: 'string' },
          'no-pdf': { type: 'boolean' },
          handout: { type: 'string' },
          formats: { type: 'string' },
          images: { type: 'boolean' },
        });
        if (values.help) return help(io, command);
        quiet = values.quiet === true;
        const formats = chooseFormats({
          ...(typeof values.formats === 'string' ? { formats: values.formats } : {}),
          images: values.images === true,
          noPdf: values['no-pdf'] === true,
        });
        const handout = values.handout === undefined ? undefined : parseHandoutPerPage(values.handout);
        if (values.handout !== undefined && handout === undefined) {
          throw new UserError(`--handout ${values.handout} 无效：讲义每页可放 1、2 或 3 张幻灯片。`, {
            hint: '例如：npx tsx build.ts build --handout 3',
            exitCode: ExitCode.usage,
          });
        }
        const progress = createProgress({
          stream: io.progressStream ?? { write: () => undefined },
          isTTY: io.progressStream?.isTTY === true,
          quiet,
        });
        // Every printed line first erases the progress line, so the two never mix on the terminal.
        const clearing: Reporter = {
          out: (text) => (progress.clear(), reporter.out(text)),
          info: (text) => (progress.clear(), reporter.info(text)),
          diagnostic: (diagnostic) => (progress.clear(), reporter.diagnostic(diagnostic)),
        };
        // Chromium starts now, while the build's own code loads and the pages are written (early-browser.ts).
        const startedBrowser = needsBrowser(formats) ? startBrowserEarly() : undefined;
        trace(startedBrowser ? 'build: browser starting' : 'build: no browser');
        let built: Awaited<ReturnType<typeof import('./commands/build.ts').buildCommand>>;
        try {
          const { buildCommand } = await import('./commands/build.ts');
          built = await buildCommand(
            {
              ...(startedBrowser ? { startedBrowser } : {}),
              root: io.cwd,
              // Paths on the command line are the user's, relative to where they ran the command.
              decks: positionals.map((deck) => resolve(io.cwd, deck)),
              ...(typeof values.out === 'string' ? { outDir: resolve(io.cwd, values.out) } : {}),
              pdf: values['no-pdf'] !== true,
              formats,
              ...(handout !== undefined ? { handout } : {}),
              progress,
            },
            clearing,
          );
        } finally {
          // withBrowser ends it once it took it; a failure before that (even loading the command) must too,
          // or the running Chromium keeps this process alive after the error is reported.
          await startedBrowser?.dispose();
        }
        progress.clear();
        reporter.info(`完成：${built.length} 套幻灯片。`);
        return ExitCode.ok;
      }
      case 'draft': {
        const { values, positionals } = parse(rest, {
          ...COMMON_OPTIONS,
          output: { type: 'string', short: 'o' },
          force: { type: 'boolean', short: 'f' },
          speaker: { type: 'string' },
          org: { type: 'string' },
          date: { type: 'string' },
        });
        if (values.help) return help(io, command);
        quiet = values.quiet === true;
        const article = resolve(io.cwd, single(positionals, 'draft', '文章文件'));
        const { draftCommand } = await import('./commands/draft.ts');
        await draftCommand(
          {
            article,
            root: io.cwd,
            force: values.force === true,
            ...optionalString('output', typeof values.output === 'string' ? resolve(io.cwd, values.output) : undefined),
            ...optionalString('speaker', values.speaker),
            ...optionalString('organization', values.org),
            ...optionalString('date', values.date),
          },
          reporter,
        );
        return ExitCode.ok;
      }
      case 'check': {
        const { values, positionals } = parse(rest, { ...COMMON_OPTIONS, json: { type: 'boolean' } });
        if (values.help) return help(io, command);
        quiet = values.quiet === true;
        const startedBrowser = startBrowserEarly();
        let result: Awaited<ReturnType<typeof import('./commands/check.ts').checkCommand>>;
        try {
          const { checkCommand } = await import('./commands/check.ts');
          result = await checkCommand({
            root: io.cwd,
            decks: positionals.map((deck) => resolve(io.cwd, deck)),
            ...(startedBrowser ? { startedBrowser } : {}),
          });
        } finally {
          await startedBrowser?.dispose(); // as in build
        }
        const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
        const warnings = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
        if (values.json) {
          reporter.out(JSON.stringify({ slides: result.slides, diagnostics: result.diagnostics }, null, 2));
        } else {
          // The findings are what check is for: printed as results (stdout); --quiet keeps only the errors.
          for (const diagnostic of result.diagnostics) {
            if (!quiet || diagnostic.severity === 'error') reporter.out(formatDiagnostic(diagnostic));
          }
          const overflowing = result.slides.filter((slide) => slide.overflow).length;
          const found = errors + warnings === 0 ? '没有发现问题。' : `${errors} 个错误，${warnings} 个警告。`;
          reporter.out(
            `检查了 ${result.slides.length} 张幻灯片：${found}${overflowing === 0 ? '' : `其中 ${overflowing} 张内容超出画面。`}`,
          );
        }
        return errors > 0 ? ExitCode.check : ExitCode.ok;
      }
      case 'dev': {
        const { values, positionals } = parse(rest, { ...COMMON_OPTIONS, port: { type: 'string' }, pdf: { type: 'boolean' } });
        if (values.help) return help(io, command);
        quiet = values.quiet === true;
        if (positionals.length > 1) {
          throw new UserError('dev 一次只预览一套幻灯片。', { hint: '用法见：npx tsx build.ts dev --help', exitCode: ExitCode.usage });
        }
        const port = values.port === undefined ? undefined : Number(values.port);
        if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
          throw new UserError(`--port 需要 0 到 65535 之间的整数，而不是 ${String(values.port)}。`, { exitCode: ExitCode.usage });
        }
        const { signal, release } = stopSignal(io.signal);
        try {
          const { devCommand } = await import('./dev/command.ts');
          const session = await devCommand(
            {
              root: io.cwd,
              ...(positionals[0] === undefined ? {} : { deck: positionals[0] }),
              ...(port === undefined ? {} : { port }),
              pdf: values.pdf === true,
            },
            reporter,
            signal,
          );
          reporter.out(`预览地址：${session.url}  （按 Ctrl+C 停止）`);
          await new Promise<void>((resolve) => {
            if (signal.aborted) resolve();
            else signal.addEventListener('abort', () => resolve(), { once: true });
          });
          await session.close();
          reporter.info('预览已停止。');
          return ExitCode.ok;
        } finally {
          release();
        }
      }
      case 'studio': {
        const { values, positionals } = parse(rest, { ...COMMON_OPTIONS, port: { type: 'string' } });
        if (values.help) return help(io, command);
        quiet = values.quiet === true;
        if (positionals.length > 1) throw new UserError('studio 一次只打开一套幻灯片。', { hint: '用法见：npx tsx build.ts studio --help', exitCode: ExitCode.usage });
        const port = values.port === undefined ? undefined : Number(values.port);
        if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
          throw new UserError(`--port 需要 0 到 65535 之间的整数，而不是 ${String(values.port)}。`, { exitCode: ExitCode.usage });
        }
        const { signal, release } = stopSignal(io.signal);
        try {
          const { studioCommand } = await import('./studio/command.ts');
          const session = await studioCommand({ root: io.cwd, ...(port === undefined ? {} : { port }) }, signal);
          reporter.out(`党课工作室：${session.url}${studioDeckHash(positionals[0])}  （在浏览器中打开；按 Ctrl+C 停止）`);
          await new Promise<void>((resolve) => {
            if (signal.aborted) resolve();
            else signal.addEventListener('abort', () => resolve(), { once: true });
          });
          await session.close();
          reporter.info('工作室已停止。');
          return ExitCode.ok;
        } finally {
          release();
        }
      }
      case 'present': {
        const { values, positionals } = parse(rest, { ...COMMON_OPTIONS });
        if (values.help) return help(io, command);
        quiet = values.quiet === true;
        const [deck, ...extra] = positionals;
        if (extra.length > 0) throw new UserError('present 只接受一个幻灯片文件。', { hint: '用法见：npx tsx build.ts present --help', exitCode: ExitCode.usage });
        const { presentCommand } = await import('./commands/present.ts');
        await presentCommand({ root: io.cwd, ...(deck !== undefined ? { deck: resolve(io.cwd, deck) } : {}) }, reporter);
        return ExitCode.ok;
      }
      case 'parse': {
        const { values, positionals } = parse(rest, { ...COMMON_OPTIONS, json: { type: 'boolean' } });
        if (values.help) return help(io, command);
        quiet = values.quiet === true;
        const { parseCommand } = await import('./commands/parse.ts');
        await parseCommand({ article: resolve(io.cwd, single(positionals, 'parse', '文章文件')), json: values.json === true, root: io.cwd }, reporter);
        return ExitCode.ok;
      }
      default:
        throw new UserError(`未知命令：${command}`, { hint: '可用命令：build、draft、parse、check、dev、studio、present。运行 --help 查看说明。', exitCode: ExitCode.usage });
    }
  } catch (error) {
    if (isUserError(error)) {
      io.stderr(`错误：${error.message}`);
      const reason = systemReason(error);
      if (reason !== undefined) io.stderr(`原因：${reason}`);
      io.stderr(`提示：${error.hint ?? DEFAULT_HINTS[error.exitCode] ?? DEFAULT_HINTS[ExitCode.input]}`);
      return error.exitCode;
    }
    io.stderr('dangke 内部错误（这是一个缺陷，请附上以下信息报告）：');
    io.stderr(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return ExitCode.internal;
  }
}

/** What to do, for a UserError that does not say it itself: one line per exit code. */
const DEFAULT_HINTS: Partial<Record<number, string>> = {
  [ExitCode.usage]: '运行 npx tsx build.ts --help 查看用法。',
  [ExitCode.input]: '请检查文件路径、文件内容和格式后再运行。',
  [ExitCode.browser]: '请安装 Chromium（Debian/Ubuntu：sudo apt-get install chromium fonts-noto-cjk），或用 CHROME_PATH=/path/to/chrome 指定浏览器。',
  [ExitCode.output]: '请确认输出路径是可写的文件夹（不是文件，不在只读磁盘上）且磁盘还有空间，或用 --out 指定另一个输出目录。',
  [ExitCode.check]: '按上面列出的文件和行号修改幻灯片后再检查。',
};

/** File-system error codes in plain words, for the 原因 line under a UserError caused by one. */
const SYSTEM_REASONS: Readonly<Record<string, string>> = {
  ENOENT: '文件或文件夹不存在',
  ENOTDIR: '路径中的某一级是文件，不是文件夹',
  EISDIR: '这是一个文件夹，不是文件',
  EACCES: '没有权限',
  EPERM: '操作不被允许（没有权限）',
  EROFS: '磁盘是只读的',
  ENOSPC: '磁盘空间不足',
  EDQUOT: '超出磁盘配额',
  EMFILE: '打开的文件太多',
  EBUSY: '文件正被占用',
  EEXIST: '文件已存在',
  ENAMETOOLONG: '文件名太长',
  ELOOP: '符号链接循环',
  EIO: '磁盘读写错误',
};

/** The system error behind a UserError (through its causes), in words, unless the message already says it. */
function systemReason(error: UserError): string | undefined {
  let cause: unknown = error.cause;
  for (let depth = 0; depth < 5 && cause !== undefined && cause !== null; depth += 1) {
    const code = (cause as NodeJS.ErrnoException).code;
    const path = (cause as NodeJS.ErrnoException).path;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      const words = SYSTEM_REASONS[code];
      if (error.message.includes(code) || (words !== undefined && error.message.includes(words))) return undefined;
      const where = typeof path === 'string' && !error.message.includes(path) ? `：${path}` : '';
      return `${words ?? (cause as Error).message}（${code}）${where}`;
    }
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserError(`参数有误：${error instanceof Error ? error.message : String(error)}`, {
      hint: '运行命令时加 --help 查看可用选项。',
      exitCode: ExitCode.usage,
    });
  }
}

function help(io: CliIo, command: string): number {
  io.stdout(HELP[command] ?? MAIN_HELP);
  return ExitCode.ok;
}

/** The caller's signal, or one aborted by Ctrl+C (SIGINT) or SIGTERM; release() removes the handlers. */
function stopSignal(given: AbortSignal | undefined): { signal: AbortSignal; release: () => void } {
  if (given) return { signal: given, release: () => undefined };
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    release: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

/** "#deck=<name>" for `studio slides/名称.md` (or a bare name): the printed address opens that deck. */
function studioDeckHash(deck: string | undefined): string {
  if (deck === undefined) return '';
  const name = basename(deck).replace(/\.md$/i, '');
  return `#deck=${encodeURIComponent(name)}`;
}

function single(positionals: string[], command: string, what: string): string {
  const [first, ...extra] = positionals;
  if (first === undefined || extra.length > 0) {
    throw new UserError(`${command} 需要且只需要一个${what}。`, {
      hint: `用法见：npx tsx build.ts ${command} --help`,
      exitCode: ExitCode.usage,
    });
  }
  return first;
}

function optionalString<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  return typeof value === 'string' ? ({ [key]: value } as Record<K, string>) : {};
}
