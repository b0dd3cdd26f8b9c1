// The sample articles beside the repository (../shared/articles: real news text, not part of the project)
// against their editorial judgements in STRUCTURE.json, plus the checks that need those very texts. Run by
// `npm run test:samples` (test-samples/run.ts), never by `npm test`: a fresh clone has no ../shared.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyParagraphs } from '../src/article/model.ts';
import { checkStructures, parseFile, readStructures } from '../test/helpers/structure.ts';
import { SAMPLE_ARTICLES_DIR } from './where.ts';

const sample = (name: string): string => `${SAMPLE_ARTICLES_DIR}/${name}`;

checkStructures(SAMPLE_ARTICLES_DIR, readStructures(sample('STRUCTURE.json')), {
  // Where this parser and STRUCTURE.json part ways on purpose; the test below says why.
  creditsNotCaptions: { '10_guangying_huazhang_markdown.txt': ['制图：张芳曼'] },
});

test('10: "制图：张芳曼" is a credit, not a caption (disagrees with STRUCTURE.json)', () => {
  // STRUCTURE.json files line 4 under captions while its own note calls it "a graphic credit at the TOP".
  // It has the shape of a credit: a role label, a full-width colon and a name, exactly like 版式设计：汪哲平
  // in the example article. A caption describes what a picture shows; this line describes nothing. The
  // drafter shows credits on the end slide and never reads captions aloud, so "credit" is also the
  // more useful home for it.
  const article = parseFile(sample('10_guangying_huazhang_markdown.txt'));
  assert.equal(article.credits[0], '制图：张芳曼');
  assert.ok(!article.captions.some((caption) => caption.text.includes('制图')));
  const example = parseFile(sample('00_liangxue_yizuo.txt'));
  assert.deepEqual(example.credits, ['版式设计：汪哲平']);
});

test('03: lead-in sub-headings keep their words and drop the typographic "——"', () => {
  const article = parseFile(sample('03_xinhua_wenhua_75nian.txt'));
  const first = article.sections[0]!;
  assert.equal(first.heading, '人民至上');
  assert.deepEqual(
    first.sections.map((section) => [section.level, section.heading]),
    [
      [3, '文艺创作精品迭出'],
      [3, '文化服务设施不断完善'],
      [3, '文化产业繁荣发展'],
    ],
  );
});

test('03: short aphorisms ending in 。 are body, not headings', () => {
  const article = parseFile(sample('03_xinhua_wenhua_75nian.txt'));
  const texts = article.sections[2]!.paragraphs.map((paragraph) => paragraph.text);
  for (const aphorism of ['75年砥砺奋进，75年英雄辈出。', '人无精神则不立，国无精神则不强。', '人民有信仰，国家有力量，民族有希望。']) {
    assert.ok(texts.includes(aphorism), aphorism);
  }
});

test('06: date-led body paragraphs stay body; the date-led picture note is a caption', () => {
  const article = parseFile(sample('06_babazhanlue_numbered.txt'));
  const body = bodyParagraphs(article).map((paragraph) => paragraph.text);
  assert.ok(body.some((text) => text.startsWith('2017年12月29日，宁波舟山港')));
  assert.ok(body.some((text) => text.startsWith('2015年5月26日，习近平总书记')));
  assert.deepEqual(article.captions.map((caption) => caption.id), ['c1']);
});

test('09: paragraphs separated by lines holding one space; the 谢谢大家！ closing stays in the last section', () => {
  const article = parseFile(sample('09_dangke_lecture_transcript.txt'));
  const last = article.sections[3]!;
  assert.equal(last.paragraphs.length, 2);
  assert.match(last.paragraphs[1]!.text, /谢谢大家！$/);
});

test('the five samples: every sentence carries marks, offsets are exact, and each article has dates and numbers', () => {
  for (const name of ['00_liangxue_yizuo.txt', '03_xinhua_wenhua_75nian.txt', '06_babazhanlue_numbered.txt', '09_dangke_lecture_transcript.txt', '10_guangying_huazhang_markdown.txt']) {
    const counts = new Map<string, number>();
    for (const paragraph of bodyParagraphs(parseFile(sample(name)))) {
      for (const sentence of paragraph.sentences) {
        assert.ok(Array.isArray(sentence.marks), `${sentence.id} has no marks array`);
        for (const mark of sentence.marks!) {
          assert.equal(sentence.text.slice(mark.start, mark.end), mark.text, `${name} ${sentence.id}`);
          counts.set(mark.kind, (counts.get(mark.kind) ?? 0) + 1);
          if (mark.kind === 'enumeration') {
            assert.ok(mark.items.length >= 3);
            for (const item of mark.items) assert.ok([...item].length >= 2 && [...item].length <= 12, `${name}: item "${item}"`);
          }
        }
      }
    }
    assert.ok((counts.get('date') ?? 0) > 0, `${name}: no dates`);
    assert.ok((counts.get('number') ?? 0) > 0, `${name}: no numbers`);
  }
});
