// Pictures from the article: a Word file with two photos and their captions, and a Markdown article whose
// picture is missing. The photos are copied beside the deck (slides/<name>/…), drafted into picture slides
// that show the caption under the image, and referenced from the deck's Markdown; a missing picture is
// reported at its line in the article and the draft goes on.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { Document, HeadingLevel, ImageRun, Packer, Paragraph } from 'docx';
import { draftCommand } from '../../src/commands/draft.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { memoryReporter } from '../../src/report.ts';

/** A solid-colour PNG, built by hand so the test needs no image library. */
function png(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer): number => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8)) >>> 0;
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(body));
    return Buffer.concat([head, body, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

const RED = png(64, 40, [200, 30, 30]);
const GOLD = png(48, 48, [220, 170, 40]);

let base = '';
before(async () => {
  base = await mkdtemp(join(tmpdir(), 'dangke-图片-'));
});
after(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('pictures from the article', () => {
  it('puts the photos of a Word file on picture slides with their captions, beside the deck', async () => {
    const root = join(base, 'word 项目');
    await mkdir(join(root, 'articles'), { recursive: true });
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '基层党建工作纪实', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: '今年以来，各支部扎实开展主题党日活动，党员参与率明显提高，群众满意度持续提升。' }),
            new Paragraph({ children: [new ImageRun({ type: 'png', data: RED, transformation: { width: 320, height: 200 }, altText: { name: '图片 1' } })] }),
            new Paragraph({ text: '图为党员志愿者在社区开展便民服务（通讯员 李明 摄）' }),
            new Paragraph({ text: '支部书记带头讲党课，结合身边事例讲清道理，党员们纷纷表示很受教育。' }),
            new Paragraph({ children: [new ImageRun({ type: 'png', data: GOLD, transformation: { width: 240, height: 240 }, altText: { name: '党员重温入党誓词', description: '党员重温入党誓词' } })] }),
            new Paragraph({ text: '下一步，各支部将继续把学习教育抓在经常、融入日常。' }),
          ],
        },
      ],
    });
    const article = join(root, 'articles', '纪实.docx');
    await writeFile(article, await Packer.toBuffer(document));
    const reporter = memoryReporter();
    const result = await draftCommand({ article, root }, reporter);

    const deckText = await readFile(result.written, 'utf8');
    const deck = readDeckMarkdown(deckText, result.written).value;
    const pictures = deck.slides.filter((slide) => slide.attributes['class'] === 'picture');
    assert.equal(pictures.length, 2, deckText);
    assert.match(pictures[0]!.body, /!\[图为党员志愿者在社区开展便民服务（通讯员 李明 摄）\]\(<纪实\/图片1\.png>\)/u);
    assert.match(pictures[0]!.body, /\n\n图为党员志愿者在社区开展便民服务/u, 'the caption under the image');
    assert.match(pictures[1]!.body, /!\[党员重温入党誓词\]\(<纪实\/图片2\.png>\)/u);
    // The photos are copied beside the deck, byte for byte, and come in reading order among the slides.
    assert.deepEqual(await readFile(join(root, 'slides', '纪实', '图片1.png')), RED);
    assert.deepEqual(await readFile(join(root, 'slides', '纪实', '图片2.png')), GOLD);
    const order = deck.slides.map((slide) => slide.attributes['class']);
    assert.ok(order.indexOf('picture') > order.indexOf('cover'));
    assert.ok(!reporter.lines.some((line) => line.includes('警告')), reporter.lines.join('\n'));
  });

  it('reports a missing picture at its line in the article and drafts the rest', async () => {
    const root = join(base, 'md 项目');
    await mkdir(join(root, 'articles', '照片'), { recursive: true });
    await writeFile(join(root, 'articles', '照片', '会场.png'), RED);
    const article = join(root, 'articles', '会议.md');
    await writeFile(
      article,
      ['# 支部党员大会召开', '', '会议传达学习了上级精神，部署了下一阶段工作。', '', '![会场全景](照片/会场.png)', '', '与会党员结合工作实际作了交流发言。', '', '![](照片/不存在.png)', '', '会议号召全体党员立足岗位作贡献。', ''].join('\n'),
    );
    const reporter = memoryReporter();
    const result = await draftCommand({ article, root }, reporter);
    assert.ok(
      reporter.lines.some((line) => line.startsWith('articles/会议.md:9:') && line.includes('照片/不存在.png')),
      reporter.lines.join('\n'),
    );
    const deckText = await readFile(result.written, 'utf8');
    assert.match(deckText, /!\[会场全景\]\(<会议\/会场\.png>\)/u);
    assert.doesNotMatch(deckText, /不存在/u);
    assert.ok(existsSync(join(root, 'slides', '会议', '会场.png')));
  });
});
