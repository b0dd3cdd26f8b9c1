// Drafts never eat edits: an edited deck survives `draft` (the new draft goes beside it) and `build`;
// an untouched draft is regenerated in place; --force keeps a backup equal to the edited file.
import assert from 'node:assert/strict';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { main } from '../../src/cli.ts';
import { buildCommand } from '../../src/commands/build.ts';
import { draftCommand } from '../../src/commands/draft.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { isUntouchedDraft, recordedFingerprint } from '../../src/markdown/write.ts';
import { memoryReporter } from '../../src/report.ts';
import { awkwardTempDir } from '../helpers/browser.ts';

const EXAMPLE = new URL('../../articles/liangxue-yizuo.txt', import.meta.url);
const NAME = '两学 一做';

describe('draft and edited decks', () => {
  let root: string;
  let article: string;
  let deck: string;

  beforeEach(async () => {
    root = await awkwardTempDir();
    await mkdir(join(root, 'articles'));
    article = join(root, 'articles', `${NAME}.txt`);
    deck = join(root, 'slides', `${NAME}.md`);
    await copyFile(EXAMPLE, article);
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const run = async (args: string[]): Promise<{ code: number; out: string[] }> => {
    const out: string[] = [];
    const code = await main(args, { stdout: (text) => out.push(text), stderr: (text) => out.push(text), cwd: root });
    return { code, out };
  };
  const edit = async (): Promise<string> => {
    const edited = (await readFile(deck, 'utf8')).replace(/^title: .*$/m, 'title: "改过的标题"').replace(/^speaker: .*$/m, 'speaker: "张三"');
    await writeFile(deck, `${edited}\n<!-- 我加的备注 -->\n`);
    return readFile(deck, 'utf8');
  };

  it('records a fingerprint the reader accepts without warnings about it', async () => {
    await draftCommand({ article, root }, memoryReporter());
    const text = await readFile(deck, 'utf8');
    assert.match(recordedFingerprint(text) ?? '', /^sha256:[0-9a-f]{16}$/);
    assert.ok(isUntouchedDraft(text));
    const read = readDeckMarkdown(text, deck);
    assert.ok(!read.diagnostics.some((d) => /fingerprint/.test(d.message)), JSON.stringify(read.diagnostics));
  });

  it('regenerates an untouched draft in place', async () => {
    await draftCommand({ article, root }, memoryReporter());
    const first = await readFile(deck, 'utf8');
    const { code, out } = await run(['draft', `articles/${NAME}.txt`]);
    assert.equal(code, 0, out.join('\n'));
    assert.equal(await readFile(deck, 'utf8'), first);
    assert.ok(out.some((line) => line.includes('未被修改')), out.join('\n'));
    assert.deepEqual((await readdir(join(root, 'slides'))).sort(), [`${NAME}.md`]);
  });

  it('leaves an edited deck alone and writes <name>.draft.md beside it, exit 0', async () => {
    await draftCommand({ article, root }, memoryReporter());
    const edited = await edit();
    const { code, out } = await run(['draft', `articles/${NAME}.txt`]);
    assert.equal(code, 0, out.join('\n'));
    assert.equal(await readFile(deck, 'utf8'), edited);
    const candidate = join(root, 'slides', `${NAME}.draft.md`);
    assert.ok(isUntouchedDraft(await readFile(candidate, 'utf8')));
    assert.ok(out.some((line) => line.includes('已被修改') && line.includes(`${NAME}.draft.md`)), out.join('\n'));
  });

  it('treats a deck with no fingerprint (hand-made or older) as edited', async () => {
    await mkdir(join(root, 'slides'));
    await writeFile(deck, '---\ntitle: 手写\n---\n\n## 我自己写的\n');
    const result = await draftCommand({ article, root }, memoryReporter());
    assert.equal(result.outcome, 'candidate');
    assert.equal(await readFile(deck, 'utf8'), '---\ntitle: 手写\n---\n\n## 我自己写的\n');
  });

  it('--force overwrites an edited deck after keeping a backup equal to it', async () => {
    await draftCommand({ article, root }, memoryReporter());
    const edited = await edit();
    const { code, out } = await run(['draft', `articles/${NAME}.txt`, '--force']);
    assert.equal(code, 0, out.join('\n'));
    const backups = await readdir(join(root, 'slides', '.backup'));
    assert.equal(backups.length, 1);
    assert.match(backups[0]!, new RegExp(`^${NAME}-\\d{8}-\\d{6}\\.md$`));
    assert.equal(await readFile(join(root, 'slides', '.backup', backups[0]!), 'utf8'), edited);
    assert.ok(isUntouchedDraft(await readFile(deck, 'utf8')));
    assert.ok(out.some((line) => line.includes('.backup')), out.join('\n'));
    // A second --force in the same second keeps both backups.
    const now = new Date(2026, 10, 27, 15, 30, 0);
    await edit();
    const second = await draftCommand({ article, root, force: true, now }, memoryReporter());
    const third = await draftCommand({ article, root, force: true, now }, memoryReporter());
    assert.notEqual(second.backup, third.backup);
  });

  it('build never rewrites an existing deck, edited or not', async () => {
    await draftCommand({ article, root }, memoryReporter());
    const edited = await edit();
    await buildCommand({ root, decks: [], pdf: false }, memoryReporter());
    assert.equal(await readFile(deck, 'utf8'), edited);
    assert.deepEqual((await readdir(join(root, 'slides'))).sort(), [`${NAME}.md`]);
    const html = await readFile(join(root, 'dist', NAME, 'index.html'), 'utf8');
    assert.match(html, /改过的标题/);
  });
});
