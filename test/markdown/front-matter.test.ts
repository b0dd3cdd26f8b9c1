import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { ExitCode, UserError } from '../../src/errors.ts';

const FILE = 'slides/字/文 章.md';

function read(text: string) {
  return readDeckMarkdown(text, FILE);
}

/** Asserts that reading throws a UserError whose message contains every part. */
function assertUserError(text: string, ...parts: string[]): void {
  assert.throws(
    () => read(text),
    (error: unknown) => {
      assert.ok(error instanceof UserError, `expected a UserError, got ${String(error)}`);
      for (const part of parts) assert.ok(error.message.includes(part), `"${error.message}" lacks "${part}"`);
      assert.equal(error.exitCode, ExitCode.input);
      assert.match(error.hint ?? '', /两行 `---` 之间.*`key: value`/);
      return true;
    },
  );
}

describe('front matter', () => {
  it('reads the known keys with their types', () => {
    const text = [
      '---',
      'title: “两学一做”学习教育',
      'subtitle: 副标题',
      'column: 辉煌历程',
      'speaker: 主讲人',
      'organization: 党支部',
      'date: 2026-11-27',
      'theme: dangzheng',
      'aspect: 16:9',
      'duration: 20',
      'source: articles/a.txt',
      '---',
      '# 封面',
    ].join('\n');
    const { value, diagnostics } = read(text);
    assert.deepEqual(value.frontMatter, {
      title: '“两学一做”学习教育',
      subtitle: '副标题',
      column: '辉煌历程',
      speaker: '主讲人',
      organization: '党支部',
      date: '2026-11-27',
      theme: 'dangzheng',
      aspect: '16:9',
      duration: 20,
      source: 'articles/a.txt',
    });
    assert.deepEqual(diagnostics, []);
    assert.equal(value.slides.length, 1);
    assert.equal(value.slides[0]?.line, 13);
  });

  it('keeps a YAML date as the text written', () => {
    assert.equal(read('---\ntitle: T\ndate: 2026-11-27\n---\n').value.frontMatter.date, '2026-11-27');
    assert.equal(read('---\ntitle: T\ndate: 2026-11-27 10:00\n---\n').value.frontMatter.date, '2026-11-27 10:00');
  });

  it('accepts 4:3 and fractional durations', () => {
    const { frontMatter } = read('---\ntitle: T\naspect: "4:3"\nduration: 12.5\n---\n').value;
    assert.equal(frontMatter.aspect, '4:3');
    assert.equal(frontMatter.duration, 12.5);
  });

  it('treats an empty front matter and empty values as not set', () => {
    assert.deepEqual(read('---\n---\n# 标题\n').value.frontMatter, { title: '标题' });
    assert.deepEqual(read('---\ntitle: T\nsubtitle:\n---\n').value.frontMatter, { title: 'T' });
  });

  it('reads CRLF files with a byte order mark', () => {
    const { value } = read('\uFEFF---\r\ntitle: T\r\nduration: 5\r\n---\r\n# A\r\n');
    assert.deepEqual(value.frontMatter, { title: 'T', duration: 5 });
    assert.equal(value.slides[0]?.body, '# A');
    assert.equal(value.slides[0]?.line, 5);
  });

  it('keeps unknown keys with a warning at their line', () => {
    const { value, diagnostics } = read('---\ntitle: T\nfoo: [1, 2]\nbar:\n  x: y\n---\n');
    assert.deepEqual(value.frontMatter['foo'], [1, 2]);
    assert.deepEqual(value.frontMatter['bar'], { x: 'y' });
    assert.deepEqual(
      diagnostics.map((d) => [d.severity, d.line, d.file, /中的 (foo|bar) 不是已知的设置项/.test(d.message)]),
      [
        ['warning', 3, FILE, true],
        ['warning', 4, FILE, true],
      ],
    );
  });

  it('keeps a key named __proto__ as a key', () => {
    const { frontMatter } = read('---\ntitle: T\n__proto__: {x: 1}\n---\n').value;
    assert.equal(Object.getPrototypeOf(frontMatter), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(frontMatter, '__proto__')?.value, { x: 1 });
  });

  it('refuses a YAML alias bomb with a UserError', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const name of 'bcdefghi') bomb.push(`${name}: &${name} [${Array(9).fill('*' + String.fromCharCode(name.charCodeAt(0) - 1)).join(', ')}]`);
    assertUserError(`---\ntitle: T\n${bomb.join('\n')}\n---\n`, `${FILE}:2:`);
  });

  it('falls back to the first # heading of the first slide', () => {
    const { value, diagnostics } = read('---\nspeaker: 我\n---\n\n## 副\n\n# **第一** `课`\n\n---\n# 第二\n');
    assert.equal(value.frontMatter.title, '第一 课');
    assert.deepEqual(diagnostics.map((d) => d.severity), ['info']);
  });

  it('falls back to the file name when there is no heading', () => {
    for (const text of ['', '正文\n---\n# 第二张\n', '```\n# 代码\n```\n']) {
      const { value, diagnostics } = read(text);
      assert.equal(value.frontMatter.title, '文 章', JSON.stringify(text));
      assert.equal(diagnostics.at(-1)?.severity, 'info');
    }
    assert.equal(readDeckMarkdown('', 'C:\\decks\\党课.md').value.frontMatter.title, '党课');
  });

  it('an empty title falls back too', () => {
    assert.equal(read('---\ntitle: ""\n---\n# 标题\n').value.frontMatter.title, '标题');
  });

  it('rejects YAML that does not parse, at the line of the error', () => {
    assertUserError('---\ntitle: T\nsubtitle: [a, b\nspeaker: x\n---\n', `${FILE}:4:`, '不是有效的 YAML');
    assertUserError('---\ntitle: T\nspeaker: "x\n---\n', `${FILE}:3:`, '不是有效的 YAML');
    assertUserError('---\ntitle: T\nspeaker: x\n\tfoo: 1\n---\n', `${FILE}:4:`, 'Tabs');
  });

  it('rejects front matter that is not a mapping', () => {
    assertUserError('---\n- a\n- b\n---\n', `${FILE}:2:`, 'key: value');
    assertUserError('---\n\njust text\n---\n', `${FILE}:3:`);
  });

  it('rejects duplicate keys', () => {
    assertUserError('---\ntitle: A\ntitle: B\n---\n', `${FILE}:3:`);
  });

  const wrongTypes: Array<[string, string]> = [
    ['title: [a]', 'title'],
    ['subtitle: 12', 'subtitle'],
    ['date: 20261127', 'date'],
    ['speaker: {a: 1}', 'speaker'],
    ['theme: true', 'theme'],
    ['aspect: "5:4"', 'aspect'],
    ['duration: twenty', 'duration'],
    ['duration: 0', 'duration'],
    ['duration: -5', 'duration'],
    ['duration: "20"', 'duration'],
  ];
  for (const [line, key] of wrongTypes) {
    it(`rejects ${line} naming the file, line and key`, () => {
      const title = key === 'title' ? '' : 'title: T';
      assertUserError(`---\n${title}\n\n${line}\n---\n`, `${FILE}:4:`, `中 ${key} 的值应为`);
    });
  }

  it('warns when a front matter is never closed, and reads the file as slides', () => {
    const { value, diagnostics } = read('---\ntitle: T\n\n# 标题\n');
    assert.equal(value.slides.length, 1);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line]).at(0), ['warning', 1]);
  });

  it('a leading separator without YAML is just a separator', () => {
    const { value, diagnostics } = read('---\n\n# 一\n');
    assert.equal(value.slides.length, 1);
    assert.equal(value.frontMatter.title, '一');
    assert.deepEqual(diagnostics.map((d) => d.severity), ['info']);
  });
});
