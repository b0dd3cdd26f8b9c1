// A picture slide has something to say (issue 15, item 5): the paragraph the picture followed is spoken while
// the picture shows, in its notes after the caption, and on no other slide; every sentence of the article is
// still in the notes exactly once, in order. Checked on a Word file made here with two photos and captions,
// and on a Markdown article with ![]().

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Document, ImageRun, Packer, Paragraph } from 'docx';
import { bodyParagraphs, type Article } from '../../src/article/model.ts';
import type { DraftDeck } from '../../src/deck/model.ts';
import { draftDeck } from '../../src/draft/index.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { readArticleFile } from '../../src/read/read-article.ts';
import { assertSentencesInNotes } from '../helpers/notes.ts';

/** A 1×1 PNG: drafting needs the picture's place, not its pixels. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function drafted(article: Article): DraftDeck {
  const pictures = new Map((article.figures ?? []).map((figure) => [figure.id, `deck/${figure.id}.png`]));
  return draftDeck(article, { pictures }).value;
}

/** Each body sentence appears exactly once in all the notes, and in order. */
function assertNotesOnce(article: Article, deck: DraftDeck): void {
  const notes = deck.slides.flatMap((slide) => slide.notes).join('\n');
  assertSentencesInNotes(article, notes);
  for (const paragraph of bodyParagraphs(article)) {
    for (const sentence of paragraph.sentences) assert.equal(notes.split(sentence.text).length - 1, 1, `spoken once: ${sentence.text}`);
  }
}

let folder = '';
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'dangke-图注-'));
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('picture slides speak the paragraph around the picture', () => {
  it('a Word file with two photos and captions', async () => {
    const photo = (name: string, description?: string): Paragraph =>
      new Paragraph({ children: [new ImageRun({ type: 'png', data: PIXEL, transformation: { width: 320, height: 200 }, altText: { name, ...(description ? { description } : {}) } })] });
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '基层党建工作纪实' }),
            new Paragraph({ text: '今年以来，各支部扎实开展主题党日活动，党员参与率明显提高，群众满意度持续提升。' }),
            photo('图片 1'),
            new Paragraph({ text: '图为党员志愿者在社区开展便民服务（通讯员 李明 摄）' }),
            new Paragraph({ text: '支部书记带头讲党课，结合身边事例讲清道理，党员们纷纷表示很受教育。' }),
            photo('党员重温入党誓词', '党员重温入党誓词'),
            new Paragraph({ text: '下一步，各支部将继续把学习教育抓在经常、融入日常，推动党员教育管理走深走实，以组织生活的新气象凝聚干事创业的精气神。' }),
          ],
        },
      ],
    });
    const file = join(folder, '纪实.docx');
    await writeFile(file, await Packer.toBuffer(document));
    const { text, format } = await readArticleFile(file);
    const article = parseArticle(text, format).value;
    const deck = drafted(article);
    const pictures = deck.slides.filter((slide) => slide.layout === 'picture');
    assert.equal(pictures.length, 2);
    assert.deepEqual(pictures[0]!.notes, ['图为党员志愿者在社区开展便民服务（通讯员 李明 摄）', '今年以来，各支部扎实开展主题党日活动，党员参与率明显提高，群众满意度持续提升。']);
    assert.deepEqual(pictures[1]!.notes, ['党员重温入党誓词', '支部书记带头讲党课，结合身边事例讲清道理，党员们纷纷表示很受教育。']);
    assert.ok(pictures.every((slide) => (slide.timing ?? 0) > 10), 'the picture stays up while its paragraph is spoken');
    assertNotesOnce(article, deck);
  });

  it('a Markdown article with ![]()', () => {
    const markdown = [
      '# 支部党员大会召开',
      '',
      '会议传达学习了上级精神，部署了下一阶段工作。',
      '',
      '![会场全景](照片/会场.png)',
      '',
      '与会党员结合工作实际作了交流发言，大家一致表示，要把学习成果转化为推动工作的实际行动。',
      '',
      '![](照片/合影.png)',
      '',
      '会议号召全体党员立足岗位作贡献，在急难险重任务中冲锋在前，以实际行动践行初心使命。',
      '',
    ].join('\n');
    const article = parseArticle(markdown, 'md').value;
    const deck = drafted(article);
    const pictures = deck.slides.filter((slide) => slide.layout === 'picture');
    assert.equal(pictures.length, 2);
    assert.deepEqual(pictures[0]!.notes, ['会场全景', '会议传达学习了上级精神，部署了下一阶段工作。']);
    assert.deepEqual(pictures[1]!.notes, ['与会党员结合工作实际作了交流发言，大家一致表示，要把学习成果转化为推动工作的实际行动。']);
    assert.deepEqual(pictures[0]!.from, [article.figures![0]!.after]);
    assertNotesOnce(article, deck);
  });
});
