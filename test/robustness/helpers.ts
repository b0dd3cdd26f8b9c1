// Shared by the robustness tests: run the real CLI function with captured output in a project folder whose
// path has Chinese characters and a space, check that user errors carry no stack and say what to do, check
// that HTML is well-formed, and list the processes a test left behind.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli.ts';
import { liveProcesses, type ProcessInfo } from '../helpers/processes.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `main(argv)` as the entry does, with stdout and stderr captured and `cwd` as the project folder. */
export async function runCli(cwd: string, argv: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  const started = performance.now();
  try {
    const code = await main(argv, { stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text), cwd });
    return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n'), ms: performance.now() - started };
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

export interface Project {
  /** `<tmp>/dangke-鲁棒-XXXX/字/文 章`, with articles/ and slides/ in it. */
  root: string;
  dispose(): Promise<void>;
}

export async function makeProject(): Promise<Project> {
  const base = await mkdtemp(join(tmpdir(), 'dangke-鲁棒-'));
  const root = join(base, '字', '文 章');
  await mkdir(join(root, 'articles'), { recursive: true });
  await mkdir(join(root, 'slides'), { recursive: true });
  return { root, dispose: () => rm(base, { recursive: true, force: true }) };
}

/** A user error: the expected exit code, `错误：` and `提示：` lines, no stack trace, no internal-error banner. */
export function assertUserError(run: CliRun, exitCode: number, message: RegExp, context = ''): void {
  const shown = `${context}\nexit ${run.code}\nstderr:\n${run.stderr}`;
  assert.equal(run.code, exitCode, shown);
  assert.match(run.stderr, /^错误：/m, shown);
  assert.match(run.stderr, /^提示：\S/m, `${shown}\n(the message must say what to do)`);
  assert.match(run.stderr, message, shown);
  assertNoStack(run, shown);
}

export function assertNoStack(run: CliRun, context = ''): void {
  assert.doesNotMatch(run.stderr, /^\s+at .+[:(]/m, `a stack trace was printed\n${context}\n${run.stderr}`);
  assert.doesNotMatch(run.stderr, /内部错误/, `an internal error was reported\n${context}\n${run.stderr}`);
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

/**
 * A tolerant well-formedness check for the HTML we emit: comments closed, every tag finished with `>`,
 * raw-text elements (script, style, …) closed, and every non-void element closed by its own end tag in
 * order (`<x/>` counts as closed). Returns a description of the first problem, or undefined.
 * Independent of src/render/balance-html.ts on purpose: it checks that code, it does not reuse it.
 */
export function htmlProblem(html: string, tagCounts?: Map<string, number>): string | undefined {
  const stack: { name: string; at: number }[] = [];
  /** Counts each tag as the walk reads it ("section", "/section"), when the caller asks. */
  const count = (key: string): void => void tagCounts?.set(key, (tagCounts.get(key) ?? 0) + 1);
  const token = /<!--|<\/?([A-Za-z][^\s/>\u0000]*)|<![^-]|<\?/g;
  let match: RegExpExecArray | null;
  while ((match = token.exec(html)) !== null) {
    const at = match.index;
    if (match[0] === '<!--') {
      const end = html.indexOf('-->', at + 4);
      if (end === -1) return `comment at ${at} never closed: ${excerpt(html, at)}`;
      token.lastIndex = end + 3;
      continue;
    }
    if (match[1] === undefined) {
      const end = html.indexOf('>', at);
      if (end === -1) return `markup at ${at} never ends: ${excerpt(html, at)}`;
      token.lastIndex = end + 1;
      continue;
    }
    const name = match[1].toLowerCase();
    const end = endOfTag(html, token.lastIndex);
    if (end === -1) return `tag <${name}> at ${at} never ends: ${excerpt(html, at)}`;
    token.lastIndex = end + 1;
    count(match[0].startsWith('</') ? `/${name}` : name);
    if (match[0].startsWith('</')) {
      const top = stack.pop();
      if (top === undefined) return `</${name}> at ${at} closes nothing: ${excerpt(html, at)}`;
      if (top.name !== name) return `</${name}> at ${at} closes <${top.name}> opened at ${top.at}: ${excerpt(html, at)}`;
      continue;
    }
    if (VOID.has(name) || html[end - 1] === '/') continue;
    if (RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, end + 1);
      if (close === -1) return `<${name}> at ${at} never closed: ${excerpt(html, at)}`;
      token.lastIndex = close;
    }
    stack.push({ name, at });
  }
  const open = stack.pop();
  return open === undefined ? undefined : `<${open.name}> at ${open.at} never closed: ${excerpt(html, open.at)}`;
}

function endOfTag(html: string, from: number): number {
  let quote: string | undefined;
  let afterEquals = false;
  for (let index = from; index < html.length; index += 1) {
    const char = html[index]!;
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === '>') {
      return index;
    } else if ((char === '"' || char === "'") && afterEquals) {
      quote = char;
      afterEquals = false;
    } else if (char === '=') {
      afterEquals = true;
    } else if (!/\s/.test(char)) {
      afterEquals = false;
    }
  }
  return -1;
}

function excerpt(html: string, at: number): string {
  return JSON.stringify(html.slice(Math.max(0, at - 40), at + 60));
}

/** Comments and the text of raw-text elements removed: what is left is markup a browser reads as tags. */
export function markupOnly(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript)\b[^>]*>)[\s\S]*?(<\/\2\s*>)/gi, '$1$3');
}

/**
 * Every element closed in order, and as many `<section>` as `</section>` tags, counted by the same walk (so a
 * "<section" inside another tag's quoted or unquoted attributes, which a browser does not read as a tag, is not
 * one; a plain search once counted it and failed a well-formed page).
 */
export function assertWellFormedHtml(html: string, context = ''): void {
  const tags = new Map<string, number>();
  const problem = htmlProblem(html, tags);
  assert.equal(problem, undefined, `${context}: ${problem}`);
  const opened = tags.get('section') ?? 0;
  const closed = tags.get('/section') ?? 0;
  assert.equal(opened, closed, `${context}: ${opened} <section> but ${closed} </section>`);
}

export { liveProcesses, type ProcessInfo } from '../helpers/processes.ts';

/** Live processes in any of these process groups, or whose command line mentions any of these strings. */
export function leftovers(groups: readonly number[], marks: readonly string[]): ProcessInfo[] {
  return liveProcesses().filter(
    (info) => info.pid !== process.pid && (groups.includes(info.pgid) || marks.some((mark) => mark !== '' && info.cmdline.includes(mark))),
  );
}

/** Waits (bounded) for processes to go: killed processes take a moment to disappear from /proc. */
export async function waitForNoLeftovers(groups: readonly number[], marks: readonly string[], ms = 5_000): Promise<ProcessInfo[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const left = leftovers(groups, marks);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
