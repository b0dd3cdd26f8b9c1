// Parallel openings (坚持…／坚持…, 必须…／必须…, 着力…) are an enumeration left unnumbered: kept together and
// in order, on one slide named by the shared words (“三个必须”) with each point's head a bullet, or one point a
// slide titled （一）…（二）…. A repeated subject (支部…／支部…) is a story, not a list.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { DraftSlide } from '../../src/deck/model.ts';
import { draftDeck } from '../../src/draft/index.ts';
import { parallelRuns } from '../../src/draft/parallel.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { FIXTURE_ARTICLES_DIR } from '../helpers/articles.ts';
import { slideTitle } from './lecture-figures.ts';

function bullets(slide: DraftSlide): string[] {
  return slide.blocks.flatMap((block) => (block.kind === 'list' ? block.items.map((item) => item.map((run) => run.text).join('')) : []));
}

function draft(text: string): DraftSlide[] {
  return draftDeck(parseArticle(text, 'txt').value).value.slides;
}

describe('parallel openings', () => {
  const slides = draft(readFileSync(join(FIXTURE_ARTICLES_DIR, '12-parallel-openings.txt'), 'utf8'));

  it('gives each point of a long run its own slide, titled （一）…（四） in order', () => {
    const numbered = slides.filter((slide) => /^（[一二三四五六]）/u.test(slideTitle(slide)));
    assert.deepEqual(numbered.map(slideTitle), ['（一）坚持政治引领', '（二）坚持问题导向', '（三）坚持从严管理', '（四）坚持服务群众']);
    numbered.forEach((slide, at) => assert.ok(slide.notes.join('').includes(slideTitle(slide).slice(3)), `point ${at + 1} is spoken on its slide`));
  });

  it('keeps a short run on one slide, named by its shared words, its heads the bullets in order', () => {
    const slide = slides.find((each) => slideTitle(each) === '“三个必须”');
    assert.ok(slide !== undefined, slides.map(slideTitle).join(' / '));
    assert.deepEqual(bullets(slide), ['必须把政治建设摆在首位', '必须把制度执行作为关键', '必须把作风转变作为保障']);
    assert.equal(slide.from.length, 3);
  });

  it('lists parallel sentences of one paragraph as its bullets, in order', () => {
    const slide = slides.find((each) => each.notes.join('').includes('着力选优配强支部书记'));
    assert.deepEqual(bullets(slide!), ['着力选优配强支部书记', '着力加强党员教育培训', '着力发展年轻党员']);
  });

  it('titles a short run of 要… by the section heading, the heads its bullets', () => {
    const text = ['支部建设要求', '', '一、工作要求', '', '要坚持问题导向，聚焦群众反映强烈的突出问题，拿出务实管用的举措。', '', '要加强队伍建设，选优配强支部书记，提高党员队伍素质。', '', '要完善制度机制，健全党建工作责任制，层层压实责任。', '', '二、保障措施', '', '各级党组织要加强领导，把支部建设摆上重要议程，定期研究解决重大问题，确保各项任务落到实处。', ''].join('\n');
    const slide = draft(text).find((each) => each.notes.join('').includes('要坚持问题导向'));
    assert.equal(slideTitle(slide!), '工作要求');
    assert.deepEqual(bullets(slide!), ['要坚持问题导向', '要加强队伍建设', '要完善制度机制']);
  });

  it('finds runs of three or more, 要 only as a word of its own, and no run in a repeated subject', () => {
    assert.deepEqual(
      parallelRuns(['要坚持问题导向，狠抓落实。', '要加强队伍建设，提高本领。', '要完善制度机制，形成合力。']).map((run) => run.group.heads),
      [['要坚持问题导向', '要加强队伍建设', '要完善制度机制']],
    );
    assert.deepEqual(parallelRuns(['要求党员带头，做出表率。', '要求干部下沉，服务群众。', '要求支部规范，落实制度。']), []);
    assert.deepEqual(parallelRuns(['支部牵头成立合作社，带动农户。', '支部书记说，大家要干。', '支部探索新模式，统一品种。']), []);
    assert.deepEqual(parallelRuns(['坚持政治引领，把牢方向。', '坚持问题导向，补齐短板。']), []);
  });
});
