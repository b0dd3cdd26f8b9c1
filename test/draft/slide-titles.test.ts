// Titles from the structure: run-in heads title their slides, no title stands over more than two content
// slides, and "（续）" never follows "（续）".

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draftDeck } from '../../src/draft/index.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { lectureFigures, slideTitle } from './lecture-figures.ts';

/** A speech whose points open inside long paragraphs with 第一，… 第二，… under one heading. */
const SPEECH = [
  '在全市党建工作会议上的讲话',
  '',
  '一、深刻认识加强基层党建的重要意义',
  '',
  '第一，加强基层党建是巩固党的执政基础的必然要求。基层党组织是党在社会基层组织中的战斗堡垒，是党的全部工作和战斗力的基础。我们要始终坚持大抓基层的鲜明导向，推动各领域基层党组织全面进步、全面过硬。各级党组织要把抓基层打基础作为长远之计和固本之举，一任接着一任干，一年接着一年抓。要坚持问题导向，聚焦群众反映强烈的突出问题，拿出务实管用的举措，切实把基层党组织建设成为宣传党的主张、贯彻党的决定、领导基层治理、团结动员群众、推动改革发展的坚强战斗堡垒。',
  '',
  '第二，加强基层党建是推动高质量发展的重要保障。发展是第一要务，党建是最大政绩。我们要把党建工作同中心工作一起谋划、一起部署、一起考核，以党建引领发展、以发展检验党建。要推动党组织向新经济组织、新社会组织延伸，扩大党的组织覆盖和工作覆盖。要注重在生产经营一线培养党员，把业务骨干培养成党员，把党员培养成业务骨干。要健全完善党建工作责任制，层层压实责任，形成一级抓一级、层层抓落实的工作格局，确保各项工作部署落到实处、见到实效。',
  '',
  '第三，加强基层党建是密切党群干群关系的有效途径。群众路线是党的生命线和根本工作路线。我们要坚持以人民为中心的发展思想，把群众满意作为检验工作成效的根本标准。要深入开展我为群众办实事实践活动，着力解决群众急难愁盼问题。各级党员干部要经常深入基层、深入群众，面对面听取意见，心贴心解决困难。要完善党员联系服务群众制度，推动党员干部常态化下沉社区、进村入户，把党的温暖送到千家万户，让群众真切感受到党就在身边。',
].join('\n');

describe('titles from the structure', () => {
  const deck = draftDeck(parseArticle(SPEECH, 'txt').value).value;
  const titles = deck.slides.filter((slide) => ['points', 'cards', 'stats', 'quote'].includes(slide.layout)).map(slideTitle);

  it('titles each point with its run-in head, in order', () => {
    const heads = titles.filter((title) => /^第[一二三]/u.test(title));
    assert.deepEqual(
      heads.map((title) => title.slice(0, 2)),
      ['第一', '第二', '第三'],
      titles.join(' / '),
    );
  });

  it('keeps every title to at most two content slides and never says （续） twice in a row', () => {
    const figures = lectureFigures(deck);
    assert.ok(figures.mostRepeatedTitle.count <= 2, JSON.stringify(figures.mostRepeatedTitle));
    assert.ok(figures.longestContinuedRun <= 1, titles.join(' / '));
  });
});
