// The dev rebuild: fast after an edit because it rewrites only what changed (index.html), and stays fast
// when an edit brings characters never seen before because it serves the full fonts instead of cutting
// subsets; the dev page links the same assets as the page `build` writes. The rebuild's time is shown as a
// diagnostic, not asserted (tests are not timed; the speed is measured in `npm run bench`).
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { devFonts } from '../../src/dev/fonts.ts';
import { createRebuilder, type Rebuilder } from '../../src/dev/rebuild.ts';
import { createDevSite } from '../../src/dev/site.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { renderDeck } from '../../src/render/index.ts';

const RUNS = 15;

/** 30 slides of the kinds the drafter writes; `seed` varies one character so each edit is new text. */
function thirtySlides(seed: string): string {
  const slides = Array.from({ length: 30 }, (_, index) =>
    [
      `<!-- .slide: class="${index === 0 ? 'cover' : 'points'}" data-timing="40" -->`,
      '',
      `## 第${index + 1}部分：把全面从严治党落实到每个支部${index === 15 ? seed : ''}`,
      '',
      '- 以**普通党员身份**参加支部学习',
      '- 中央领导同志到分管领域、联系单位讲党课',
      '- 全国累计选派**25.5万个**驻村工作队',
      '',
      'Note:',
      '中央政治局带头开展学习教育，为全党作出示范。常委、委员以普通党员身份参加所在党支部的学习讨论。',
      '',
    ].join('\n'),
  );
  return `---\ntitle: “两学一做”学习教育\nspeaker: 主讲人\n---\n\n${slides.join('\n---\n\n')}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

describe('dev rebuild', () => {
  let dir: string;
  let deckFile: string;
  let rebuilder: Rebuilder;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dangke-dev-rebuild-'));
    await mkdir(join(dir, 'slides'));
    deckFile = join(dir, 'slides', 'deck.md');
    await writeFile(deckFile, thirtySlides(''));
    rebuilder = createRebuilder({ deckFile, shownFile: 'slides/deck.md', site: createDevSite(join(dir, 'out'), devFonts()) });
    // Bundles reveal.js once per process; a few more rebuilds let the JIT warm up, as it has in a session.
    for (let run = 0; run < 3; run += 1) assert.ok((await rebuilder.rebuild()).ok);
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Every file the dev site holds, with its modification time: what a rebuild wrote shows as a new time. */
  async function writtenFiles(): Promise<Map<string, number>> {
    const out = join(dir, 'out');
    const names = (await readdir(out, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    const files = new Map<string, number>();
    for (const entry of names) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(out.length + 1), (await stat(path)).mtimeMs);
    }
    return files;
  }

  /** The files whose modification time differs between two listings, and any that came or went. */
  function rewritten(before: Map<string, number>, after: Map<string, number>): string[] {
    const names = new Set([...before.keys(), ...after.keys()]);
    return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
  }

  it(`rewrites only index.html after an edit of a 30-slide deck (${RUNS} edits)`, async (t) => {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const listed = await writtenFiles();
      await writeFile(deckFile, thirtySlides(`修改${run}`));
      const outcome = await rebuilder.rebuild();
      assert.ok(outcome.ok && outcome.deck.slideCount === 30);
      assert.ok(outcome.changed);
      assert.deepEqual(rewritten(listed, await writtenFiles()), ['index.html'], `edit ${run}`);
      // Slide text carries <wbr> between words (src/render/word-breaks.ts).
      assert.ok((await readFile(join(dir, 'out', 'index.html'), 'utf8')).replaceAll('<wbr>', '').includes(`修改${run}`), `edit ${run} on the page`);
      times.push(outcome.ms);
    }
    t.diagnostic(`edit, known characters: median ${median(times)} ms, max ${Math.max(...times)} ms`);
  });

  it('cuts no font subset when each edit adds a character never used before: the page uses the full fonts', async (t) => {
    const times: number[] = [];
    const fonts = devFonts();
    // Rare ideographs, one new per run: a subsetting build would cut three new font subsets each time.
    for (let run = 0; run < RUNS; run += 1) {
      const listed = await writtenFiles();
      const character = String.fromCodePoint(0x9f80 + run);
      await writeFile(deckFile, thirtySlides(character));
      const outcome = await rebuilder.rebuild();
      assert.ok(outcome.ok);
      assert.deepEqual(rewritten(listed, await writtenFiles()), ['index.html'], `edit ${run}: no font file written`);
      assert.ok((await readFile(join(dir, 'out', 'index.html'), 'utf8')).replaceAll('<wbr>', '').includes(character), `edit ${run} on the page`);
      times.push(outcome.ms);
    }
    const files = [...(await writtenFiles()).keys()];
    assert.ok(!files.some((file) => /\.(woff2?|ttf|otf)$/.test(file)), `no font file in the dev site: ${files.join(', ')}`);
    const css = (await Promise.all(files.filter((file) => file.endsWith('.css')).map((file) => readFile(join(dir, 'out', file), 'utf8')))).join('\n');
    for (const font of fonts) assert.ok(css.includes(`url("${font.route}")`), `the style sheets point at the served full font ${font.route}`);
    t.diagnostic(`edit, new character each time: median ${median(times)} ms, max ${Math.max(...times)} ms`);
  });

  it('copies the images beside the page, and an edited image counts as a change', async () => {
    const images = join(dir, 'slides', '图 片');
    await mkdir(images, { recursive: true });
    await writeFile(join(images, 'a.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const imageDeck = join(dir, 'slides', 'image.md');
    await writeFile(imageDeck, '---\ntitle: 图\n---\n\n## 图\n\n![示意](图%20片/a.svg)\n\n![外面](../secret.svg)\n');
    await writeFile(join(dir, 'secret.svg'), '<svg/>');
    const out = join(dir, 'image-out');
    const images2 = createRebuilder({ deckFile: imageDeck, shownFile: 'slides/image.md', site: createDevSite(out, devFonts()) });
    const first = await images2.rebuild();
    assert.ok(first.ok);
    assert.deepEqual(first.images, [join(images, 'a.svg')]);
    assert.equal(await readFile(join(out, '图 片', 'a.svg'), 'utf8'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const unchanged = await images2.rebuild();
    assert.ok(unchanged.ok && !unchanged.changed);
    await writeFile(join(images, 'a.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="1"/>');
    const edited = await images2.rebuild();
    assert.ok(edited.ok && edited.changed);
    await assert.rejects(readFile(join(dir, 'secret.svg').replace(dir, out)), 'an image outside the deck folder is not copied');
  });

  it('links the same style sheets and script as the page build writes', async () => {
    const text = thirtySlides('');
    const rendered = renderDeck(readDeckMarkdown(text, 'deck.md').value).value;
    const built = await writeDeckSite(rendered, join(dir, 'built'));
    const dev = await createDevSite(join(dir, 'dev'), devFonts()).write(rendered);
    const assets = (html: string): string[] => [...html.matchAll(/<(?:link rel="stylesheet" href|script src)="([^"]+)"/g)].map((match) => match[1]!);
    const builtHtml = await readFile(built.indexHtml, 'utf8');
    assert.deepEqual(assets(await readFile(dev.indexHtml, 'utf8')), assets(builtHtml));
    // Everything else in the page is the same too.
    assert.equal(await readFile(dev.indexHtml, 'utf8'), builtHtml);
  });
});
