// build --images: one 1920 px picture per slide, a contact sheet with every slide numbered and the long
// picture(s) at 1080 px, for 16:9 and 4:3 decks, in a real Chromium; pictures of slides a deck no longer
// has are removed. The pure parts (names, splitting the long picture, the sheet's HTML) without a browser.
import assert from 'node:assert/strict';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCommand } from '../../src/commands/build.ts';
import {
  LONG_IMAGE_MAX_PX,
  LONG_IMAGE_WIDTH,
  longImageParts,
  overviewColumns,
  overviewHtml,
  slideImageName,
} from '../../src/export/slide-images.ts';
import { memoryReporter } from '../../src/report.ts';
import { awkwardTempDir, skipWithoutBrowser, testOutputDir } from '../helpers/browser.ts';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  assert.equal(bytes.toString('latin1', 1, 4), 'PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function deck(title: string, aspect: string, slides: number): string {
  const body = Array.from({ length: slides }, (_, index) =>
    index === 0
      ? `<!-- .slide: class="cover" -->\n\n# ${title}\n\nNote:\n开场。`
      : `## 第${index + 1}张的标题\n\n- 要点${index + 1}：学党章党规\n\nNote:\n讲稿${index + 1}。`,
  );
  return `---\ntitle: ${title}\naspect: "${aspect}"\n---\n\n${body.join('\n\n---\n\n')}\n`;
}

describe('slide pictures (pure parts)', () => {
  it('names slide pictures so they sort', () => {
    assert.equal(slideImageName(0, 28), '001.png');
    assert.equal(slideImageName(27, 28), '028.png');
    assert.equal(slideImageName(0, 1200), '0001.png');
    assert.equal(slideImageName(1199, 1200), '1200.png');
  });

  it('splits the long picture into even runs, none taller than the cap, every slide once', () => {
    assert.deepEqual(longImageParts(28, 1280, 720), [
      { first: 0, count: 14 },
      { first: 14, count: 14 },
    ]);
    assert.deepEqual(longImageParts(20, 1280, 720), [{ first: 0, count: 20 }]);
    assert.deepEqual(longImageParts(0, 1280, 720), []);
    for (const [width, height] of [
      [1280, 720],
      [960, 720],
    ] as const) {
      for (let count = 1; count <= 400; count += 1) {
        const parts = longImageParts(count, width, height);
        assert.equal(parts.reduce((sum, part) => sum + part.count, 0), count);
        parts.forEach((part, index) => assert.equal(part.first, index === 0 ? 0 : parts[index - 1]!.first + parts[index - 1]!.count));
        for (const part of parts) assert.ok((part.count * height * LONG_IMAGE_WIDTH) / width <= LONG_IMAGE_MAX_PX, `${count} slides`);
        assert.ok(Math.max(...parts.map((part) => part.count)) - Math.min(...parts.map((part) => part.count)) <= parts.length, 'even runs');
      }
    }
  });

  it('lays the contact sheet out near square, numbers every slide and escapes the title', () => {
    assert.equal(overviewColumns(3), 4);
    assert.equal(overviewColumns(28), 6);
    assert.equal(overviewColumns(300), 10);
    const png = new Uint8Array([1, 2, 3]);
    const html = overviewHtml('<script>alert(1)</script>学习', [png, png, png], { width: 1280, height: 720 });
    assert.ok(!html.includes('<script>alert'));
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;学习（共 3 张）/);
    assert.deepEqual([...html.matchAll(/<figcaption>(\d+)<\/figcaption>/g)].map((match) => match[1]), ['1', '2', '3']);
    assert.equal([...html.matchAll(/src="data:image\/png;base64,AQID"/g)].length, 3);
    assert.doesNotMatch(html, /(?:src|href)="(?:https?:)?\/\//, 'nothing from the network');
  });
});

describe('build --images', { skip: skipWithoutBrowser }, () => {
  let root: string;
  before(async () => {
    root = await awkwardTempDir();
    await mkdir(join(root, 'slides'));
    await writeFile(join(root, 'slides', '宽屏.md'), deck('宽屏幻灯片', '16:9', 5));
    await writeFile(join(root, 'slides', '四比三.md'), deck('四比三幻灯片', '4:3', 3));
    await buildCommand({ root, decks: [], pdf: true, formats: new Set(['html', 'pdf', 'images']) }, memoryReporter());
  });
  after(async () => {
    if (root) await rm(join(root, '..', '..'), { recursive: true, force: true });
  });

  for (const [name, slides, height] of [
    ['宽屏', 5, 1080],
    ['四比三', 3, 1440],
  ] as const) {
    it(`${name}: one 1920 px picture per slide, each its own`, async () => {
      const dir = join(root, 'dist', name);
      assert.deepEqual((await readdir(join(dir, 'images'))).sort(), Array.from({ length: slides }, (_, index) => slideImageName(index, slides)));
      const pictures = await Promise.all(Array.from({ length: slides }, (_, index) => readFile(join(dir, 'images', slideImageName(index, slides)))));
      for (const picture of pictures) assert.deepEqual(pngSize(picture), { width: 1920, height });
      assert.equal(new Set(pictures.map((picture) => picture.toString('base64'))).size, slides, 'every slide looks different');
      const keep = await testOutputDir('slide-images');
      await copyFile(join(dir, 'images', '001.png'), join(keep, `${name}-001.png`));
    });

    it(`${name}: the long picture stacks every slide at 1080 px; the contact sheet has a thumbnail per slide`, async () => {
      const dir = join(root, 'dist', name);
      const long = pngSize(await readFile(join(dir, `${name}-long.png`)));
      assert.equal(long.width, LONG_IMAGE_WIDTH);
      assert.ok(Math.abs(long.height - (slides * height * LONG_IMAGE_WIDTH) / 1920) <= 2, `height ${long.height}`);
      const overview = pngSize(await readFile(join(dir, 'overview.png')));
      // 32 px padding each side, four 320 px columns, 20 px gaps.
      assert.equal(overview.width, 2 * 32 + 4 * 320 + 3 * 20);
      assert.ok(overview.height > 180, `height ${overview.height}`);
      const keep = await testOutputDir('slide-images');
      await copyFile(join(dir, 'overview.png'), join(keep, `${name}-overview.png`));
    });
  }

  it('a deck that lost slides loses their pictures at the next build', async () => {
    await writeFile(join(root, 'slides', '宽屏.md'), deck('宽屏幻灯片', '16:9', 3));
    await buildCommand({ root, decks: [join(root, 'slides', '宽屏.md')], pdf: true, formats: new Set(['images']) }, memoryReporter());
    assert.deepEqual((await readdir(join(root, 'dist', '宽屏', 'images'))).sort(), ['001.png', '002.png', '003.png']);
  });
});
