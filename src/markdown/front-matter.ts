// Front matter: optional YAML between a first line `---` and the next `---` line.
// Parsed with the core YAML 1.2 schema so `date: 2026-11-27` stays the text the author wrote and
// `aspect: 16:9` is not read as a sexagesimal number. Problems the author must fix are UserErrors that
// name the file and line; unknown keys are kept (nothing the user wrote is lost) with a warning.

import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics.ts';
import { ExitCode, UserError } from '../errors.ts';
import { isKnownKey, KEY_RULES } from './front-matter-keys.ts';

const DELIMITER = /^---[ \t]*$/;
const HINT = '开头设置（front matter）要写在文件最上方的两行 `---` 之间，每行一项，写成 `key: value`';
/** How a key that looks like YAML starts: used to notice front matter whose closing `---` is missing. */
const LOOKS_LIKE_KEY = /^[A-Za-z_][\w-]*:(\s|$)/;

export interface FrontMatterSplit {
  /** The YAML text, or undefined when the file has no front matter. */
  yaml: string | undefined;
  /** 1-based file line of the first YAML line. */
  yamlLine: number;
  /** Index (0-based) of the first line after the front matter. */
  bodyStart: number;
  diagnostics: Diagnostic[];
}

export function splitFrontMatter(lines: string[], file: string): FrontMatterSplit {
  const none: FrontMatterSplit = { yaml: undefined, yamlLine: 2, bodyStart: 0, diagnostics: [] };
  if (!DELIMITER.test(lines[0] ?? '')) return none;
  const close = lines.findIndex((line, index) => index > 0 && DELIMITER.test(line));
  if (close === -1) {
    // reveal.js would read a lone leading `---` as a separator; say so when it looks like forgotten YAML.
    const first = lines.slice(1).find((line) => line.trim() !== '') ?? '';
    if (!LOOKS_LIKE_KEY.test(first)) return none;
    return {
      ...none,
      diagnostics: [{ severity: 'warning', message: `开头设置（front matter）缺少结尾的 \`---\` 行；${HINT}`, file, line: 1 }],
    };
  }
  return { yaml: lines.slice(1, close).join('\n'), yamlLine: 2, bodyStart: close + 1, diagnostics: [] };
}

export interface ParsedFrontMatter {
  /** Known keys checked, unknown keys as written; `title` may still be missing. */
  values: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

/** Parses and checks the YAML; `yamlLine` is the file line of its first line. Throws UserError. */
export function parseFrontMatter(yaml: string, yamlLine: number, file: string): ParsedFrontMatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, schema: 'core', prettyErrors: true, uniqueKeys: true });
  const lineAt = (offset: number | undefined): number => yamlLine - 1 + lineCounter.linePos(offset ?? 0).line;

  const error = doc.errors[0];
  if (error !== undefined) {
    throw userError(file, lineAt(error.pos[0]), `开头设置（front matter）不是有效的 YAML：${firstLine(error.message)}`, error);
  }
  const diagnostics: Diagnostic[] = doc.warnings.map((warning) => ({
    severity: 'warning',
    message: `开头设置（front matter）：${firstLine(warning.message)}`,
    file,
    line: lineAt(warning.pos[0]),
  }));
  if (doc.contents === null) return { values: {}, diagnostics };
  if (!isMap(doc.contents)) {
    throw userError(file, lineAt(doc.contents.range?.[0]), '开头设置（front matter）应是一行一项的 `key: value`');
  }

  const keyLines = new Map<string, number>();
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) throw userError(file, lineAt(rangeStart(pair.key)), '开头设置（front matter）中冒号前的设置项名称必须是普通的词');
    keyLines.set(String(pair.key.value), lineAt(pair.key.range?.[0]));
  }

  const data = toPlainData(doc, file, yamlLine);
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const line = keyLines.get(key);
    if (!isKnownKey(key)) {
      // defineProperty, not `=`: a key named "__proto__" must stay a key, not replace the prototype.
      Object.defineProperty(values, key, { value, enumerable: true, writable: true, configurable: true });
      diagnostics.push({ severity: 'warning', message: `开头设置（front matter）中的 ${key} 不是已知的设置项（已原样保留）`, file, line });
      continue;
    }
    // `subtitle:` with nothing after it means "not set", not a type error.
    if (value === null || value === undefined) continue;
    const rule = KEY_RULES[key];
    const checked = rule?.check(value);
    if (rule === undefined || checked === undefined) {
      const got = JSON.stringify(value) ?? String(value);
      const expected = rule?.expected ?? '有效的值';
      // A space between Chinese and a following Latin/digit value ("应为 1、2 或 3"), none before Chinese.
      const gap = /^[\x20-\x7e]/.test(expected) ? ' ' : '';
      throw userError(file, line ?? yamlLine, `开头设置（front matter）中 ${key} 的值应为${gap}${expected}，不能是 ${got}`);
    }
    values[key] = checked;
  }
  return { values, diagnostics };
}

/** The YAML as plain data; the yaml package throws a plain Error on alias bombs, which is the author's to fix. */
function toPlainData(doc: ReturnType<typeof parseDocument>, file: string, yamlLine: number): Record<string, unknown> {
  try {
    return doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw userError(file, yamlLine, `开头设置（front matter）无法读取：${firstLine(message)}`, error);
  }
}

function userError(file: string, line: number, message: string, cause?: unknown): UserError {
  return new UserError(`${file}:${line}: ${message}`, { hint: `${HINT}。`, exitCode: ExitCode.input, cause });
}

/** The yaml package appends " at line X, column Y:" and a code excerpt in YAML-relative lines; drop them. */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node === 'object' && node !== null && 'range' in node) {
    const range = (node as { range?: unknown }).range;
    if (Array.isArray(range) && typeof range[0] === 'number') return range[0];
  }
  return undefined;
}
