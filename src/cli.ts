// The command line: argv in, exit code out. The only place that prints. A UserError is shown as a
// message and a hint, without a stack; anything else is a bug in dangke and shows its stack.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { buildCommand } from './commands/build.ts';
import { checkCommand } from './commands/check.ts';
import { draftCommand } from './commands/draft.ts';
import { parseCommand } from './commands/parse.ts';
import { ExitCode, UserError, isUserError } from './errors.ts';
import { formatDiagnostic, type Reporter } from './report.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

const MAIN_HELP = `dangke：把一篇文章变成一堂党课（幻灯片、讲稿、PDF）

用法：npx tsx build.ts <命令> [选项]

命令：
  build [幻灯片.md …]   生成 dist/<名称>/（网页与 slides.pdf）；不带参数时先为 articles/ 中
                        尚无幻灯片的文章起草，再构建 slides/ 中的全部幻灯片
  draft <文章>          为一篇文章起草 slides/<名称>.md
  parse <文章> --json   显示文章结构（标题、栏目、导语、各部分、署名）
  check [幻灯片.md …]   在浏览器中逐张检查幻灯片，报告内容超出画面的位置（文件:行）

每个命令都可加 --help 查看说明。常用：npm run build

Commands: build, draft, parse, check. Run any of them with --help.`;

const HELP: Record<string, string> = {
  build: `用法：npx tsx build.ts build [幻灯片.md …] [--out 目录] [--no-pdf] [--quiet]

  不带幻灯片参数时：先为 articles/ 中还没有幻灯片的文章起草 slides/<名称>.md
  （已有的幻灯片绝不会被改写），再构建 slides/ 中的全部幻灯片。
  输出：<目录>/<名称>/index.html（可离线打开，按 S 打开演讲者视图）和 slides.pdf。

  --out 目录   输出目录（默认 dist）
  --no-pdf     只生成网页，不导出 PDF（不需要浏览器）
  --quiet      只显示错误`,
  draft: `用法：npx tsx build.ts draft <文章.txt|.md|.docx> [-o slides/名称.md] [--force]
                              [--speaker 主讲人] [--org 单位] [--date 日期]

  读取文章，起草党课幻灯片（含讲稿备注），写入 slides/<名称>.md。
  目标文件已存在时不会覆盖，除非加 --force。`,
  check: `用法：npx tsx build.ts check [幻灯片.md …] [--json]

  在 Chromium 中按幻灯片的实际尺寸打开每一张，报告内容超出画面的幻灯片及其在 Markdown 中的行号。
  不带参数时检查 slides/ 中全部幻灯片。--json 输出每张幻灯片的检查结果。
  有错误时退出码为 7。`,
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
        });
        if (values.help) return help(io, command);
        quiet = values.quiet === true;
        const built = await buildCommand(
          {
            root: io.cwd,
            decks: positionals,
            ...(typeof values.out === 'string' ? { outDir: values.out } : {}),
            pdf: values['no-pdf'] !== true,
          },
          reporter,
        );
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
        const article = single(positionals, 'draft', '文章文件');
        await draftCommand(
          {
            article,
            root: io.cwd,
            force: values.force === true,
            ...optionalString('output', values.output),
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
        const result = await checkCommand({ root: io.cwd, decks: positionals });
        if (values.json) {
          reporter.out(JSON.stringify({ slides: result.slides, diagnostics: result.diagnostics }, null, 2));
        } else {
          for (const diagnostic of result.diagnostics) reporter.diagnostic(diagnostic);
          const overflowing = result.slides.filter((slide) => slide.overflow).length;
          reporter.out(`检查了 ${result.slides.length} 张幻灯片：${overflowing === 0 ? '全部在画面之内。' : `${overflowing} 张内容超出画面。`}`);
        }
        return result.diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? ExitCode.check : ExitCode.ok;
      }
      case 'parse': {
        const { values, positionals } = parse(rest, { ...COMMON_OPTIONS, json: { type: 'boolean' } });
        if (values.help) return help(io, command);
        quiet = values.quiet === true;
        await parseCommand({ article: single(positionals, 'parse', '文章文件'), json: values.json === true }, reporter);
        return ExitCode.ok;
      }
      default:
        throw new UserError(`未知命令：${command}`, { hint: '可用命令：build、draft、parse、check。运行 --help 查看说明。', exitCode: ExitCode.usage });
    }
  } catch (error) {
    if (isUserError(error)) {
      io.stderr(`错误：${error.message}`);
      if (error.hint) io.stderr(`提示：${error.hint}`);
      return error.exitCode;
    }
    io.stderr('dangke 内部错误（这是一个缺陷，请附上以下信息报告）：');
    io.stderr(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return ExitCode.internal;
  }
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
