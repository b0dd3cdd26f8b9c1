// Lead slides take real titles (issue 15, item 1): the lead has no heading, and "导语" names no topic. A lead
// slide is titled by its own topic clause (shortened: the speaker or an unnamed many as subject dropped, a
// transcript's "同志们：" passed over, a lecture's quoted theme taken), else by a clause of its text, else by
// the article's title; "导语" only when nothing else exists, and then on one slide at most.

import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import type { Sentence } from '../../src/article/model.ts';
import { condenseAll } from '../../src/draft/bullets.ts';
import { splitClauses } from '../../src/draft/clauses.ts';
import { draftDeck } from '../../src/draft/index.ts';
import { LEAD_TITLE, leadTitle } from '../../src/draft/lead-title.ts';
import { isFrameOrLeaning, titleFrom } from '../../src/draft/short-title.ts';
import { chooseTitle, TitleBook } from '../../src/draft/slide-titles.ts';
import { topicTitle } from '../../src/draft/title.ts';
import { withoutSubject } from '../../src/draft/title-subject.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { readArticleFile } from '../../src/read/read-article.ts';
import { EXAMPLE_ARTICLE, fixtureArticles } from '../helpers/articles.ts';
import { CONTENT_LAYOUTS, slideTitle } from './lecture-figures.ts';

/** A clause of the text that could stand over its slide: a title of its own, not a frame or words leaning on others. */
function usableClauses(text: string): string[] {
  return splitClauses(text).filter((clause) => !isFrameOrLeaning(clause) && !/^(这|那|此|其|该)/u.test(clause) && titleFrom(clause) !== undefined);
}

describe('no fixture deck titles a slide 导语 when its text offers a title', () => {
  for (const article of [EXAMPLE_ARTICLE, ...fixtureArticles()]) {
    it(basename(article), async () => {
      const { text, format } = await readArticleFile(article);
      const deck = draftDeck(parseArticle(text, format).value).value;
      const content = deck.slides.filter((slide) => CONTENT_LAYOUTS.has(slide.layout));
      const placeholders = content.filter((slide) => slideTitle(slide).startsWith(LEAD_TITLE));
      for (const slide of placeholders) {
        const usable = (slide.notes ?? []).flatMap(usableClauses);
        assert.deepEqual(usable, [], `slide from ${slide.from?.join(' ')} is titled ${slideTitle(slide)} though its text offers ${usable.join(' / ')}`);
      }
      assert.ok(placeholders.length <= 1, placeholders.map(slideTitle).join(' / '));
    });
  }
});

describe('the subject a title drops', () => {
  const DROPPED: readonly [string, string][] = [
    ['不少高校还把思政课搬进了红色场馆', '把思政课搬进了红色场馆'],
    ['许多党员纷纷走进社区开展志愿服务', '走进社区开展志愿服务'],
    ['有的村党支部将议事会开到了农家院落', '将议事会开到了农家院落'],
    ['我同大家一起重温入党誓词', '重温入党誓词'],
    ['我们已经连续三年开展结对帮扶', '连续三年开展结对帮扶'],
  ];
  for (const [clause, predicate] of DROPPED) {
    it(`${clause} → ${predicate}`, () => assert.equal(withoutSubject(clause), predicate));
  }

  it('keeps a named subject, "our" country or Party, and a subject with nothing to mark its end', () => {
    const kept = ['青山市委还把党课开到了田间', '我们党始终坚持人民至上', '我国经济持续恢复向好', '我县积极推进乡村振兴', '一些地方开展了主题党日'];
    // The subject may go on after 我们: only an adverb or a word that opens the speaker's predicate ends it.
    kept.push('我们支部把党课开到了田间', '我们共产党人要牢记初心使命', '我们的党始终坚持人民至上');
    for (const clause of kept) {
      assert.equal(withoutSubject(clause), undefined, clause);
    }
  });

  it('never cuts inside a word after the subject (还原 is one word, not 还 + 原)', () => {
    assert.equal(withoutSubject('各地还原了一批革命旧址'), undefined);
  });

  it('shortens a clause too long for a title by its subject', () => {
    assert.equal(titleFrom('一些基层党组织还把党课开到了田间地头和车间班组'), '把党课开到了田间地头和车间班组');
  });

  it('drops the speaker even from a title short enough to keep it', () => {
    assert.equal(titleFrom('我和大家一起重温党的光辉历程'), '重温党的光辉历程');
    assert.equal(titleFrom('我们要坚持问题导向'), '坚持问题导向');
  });
});

describe('the topic of a lecture\'s opening', () => {
  it('passes over the speaker turning to the audience', () => {
    assert.equal(topicTitle(['同志们、朋友们：', '今天，按照党委的安排，我和大家一起学习新修订的党章。', '党章是党的根本大法。']), '学习新修订的党章');
  });

  it('passes over a salutation, and keeps no speaker in a short opening sentence', () => {
    assert.equal(topicTitle(['尊敬的各位领导、同志们：', '今天，我和大家一起学习新修订的党章。', '党章是党的根本大法。']), '学习新修订的党章');
    assert.equal(topicTitle(['各位代表：', '今天，我们一起回顾支部一年来的工作。', '一年来成绩来之不易。']), '回顾支部一年来的工作');
    // Someone about to speak is no salutation: the sentence is not passed over (and says only who speaks).
    assert.equal(topicTitle(['一位老同志说：', '学习要常抓不懈。']), undefined);
  });

  it('takes the theme the lecture names in quotes', () => {
    assert.equal(topicTitle(['同志们：', '今天，我以“牢记初心使命、勇担时代重任”为题，给大家讲一次党课。']), '牢记初心使命、勇担时代重任');
    assert.equal(topicTitle(['今天我们围绕“守纪律、讲规矩”这个主题，谈谈自己的认识。', '纪律是党的生命。']), '守纪律、讲规矩');
  });

  it('passes over where a news story came from', () => {
    assert.equal(topicTitle(['记者从省委组织部获悉：今年以来，全省累计培训村党组织书记2万多人次。', '培训注重实战实效。']), '全省累计培训村党组织书记2万多人次');
    assert.equal(topicTitle(['据介绍，青山区把党群服务中心建到了商圈楼宇。']), '青山区把党群服务中心建到了商圈楼宇');
  });

  it('passes over a decision announced, to what was decided', () => {
    assert.equal(titleFrom('区委作出决定'), undefined);
    assert.equal(topicTitle(['2019年5月，区委作出部署，推行“街乡吹哨、部门报到”机制。', '各街道迅速行动。']), '推行“街乡吹哨、部门报到”机制');
  });

  it('finds nothing in a vocative alone', () => {
    assert.equal(topicTitle(['同志们：']), undefined);
  });
});

describe('the lead\'s fallback title', () => {
  it('is the article\'s title without the words that name its kind', () => {
    assert.equal(leadTitle('全面从严治党专题党课整理稿'), '全面从严治党专题党课');
    assert.equal(leadTitle('学习贯彻新修订《党章》辅导提纲'), '学习贯彻新修订《党章》');
    assert.equal(leadTitle('在实干担当中践行初心使命'), '在实干担当中践行初心使命');
  });

  it('is 导语 only when the article\'s title stands as no title', () => {
    assert.equal(leadTitle(''), LEAD_TITLE);
    assert.equal(leadTitle('关于进一步加强和改进新时代基层党组织建设推动党的组织体系全面进步全面过硬工作情况的报告'), LEAD_TITLE);
  });

  const sentence = (text: string, index: number): Sentence => ({ id: `p1.s${index + 1}`, text, marks: [] });
  const context = (texts: readonly string[]) => ({
    sentences: texts.map(sentence),
    continued: false,
    heading: LEAD_TITLE,
    headingFirst: false,
    previousTitle: LEAD_TITLE,
    previousContinued: false,
  });

  it('comes after a clause of the slide\'s own text, and 导语 stands over one slide at most', () => {
    const book = new TitleBook();
    // The opening sentence offers no title (its one clause is too long); a later one does.
    const opening = '2024年5月，在青山市委组织部统一部署和市直机关工委具体指导下的全市机关党支部标准化规范化建设现场推进会召开。';
    const first = chooseTitle(context([opening, '各支部交流了经验做法。']), book);
    assert.equal(first.title, '各支部交流了经验做法');
    book.use(first.title);
    const untitled = ['2024年5月，在青山市委组织部统一部署和市直机关工委具体指导下的全市机关党支部标准化规范化建设现场推进会召开。'];
    const second = chooseTitle(context(untitled), book);
    assert.equal(second.title, LEAD_TITLE);
    book.use(second.title);
    assert.notEqual(chooseTitle(context(untitled), book).title, LEAD_TITLE);
  });
});

describe('a wire story without headings', () => {
  const STORY = [
    '各地党员志愿者走进社区服务群众',
    '',
    '新华社北京7月2日电 连日来，全国各地党组织组织党员志愿者走进城乡社区，开展形式多样的志愿服务活动，把党的温暖送到群众身边。各地坚持群众需要什么就提供什么，推动志愿服务同社区治理、乡村振兴结合起来，让广大党员在服务群众的具体实践中践行初心使命、锤炼党性修养。',
    '',
    '不少城市社区还把党员志愿服务站设到了小区门口。志愿者们每天轮流值守，帮老人代购药品、陪孩子写作业、替上班族代收快递，居民有事随时找得到人。一些社区还建立了志愿服务积分制度，党员参加服务的情况每季度公开一次，接受群众评议。',
    '',
    '在一些农村地区，党员志愿者组成田间服务队，帮助群众抢收抢种。服务队已帮助200多户群众解决了农忙时劳力不足的难题，还把农技专家请到田间地头，手把手传授病虫害防治和科学施肥的办法，受到群众欢迎。',
  ].join('\n');
  const deck = draftDeck(parseArticle(STORY, 'txt').value).value;
  const content = deck.slides.filter((slide) => CONTENT_LAYOUTS.has(slide.layout));
  const titles = content.map(slideTitle);

  it('titles every content slide from its own text, none 导语', () => {
    assert.equal(titles.length, 3, titles.join(' / '));
    for (const title of titles) assert.ok(!title.startsWith(LEAD_TITLE), titles.join(' / '));
    // 连日来 says when; 不少城市社区还… loses its unnamed subject to fit the title band.
    assert.deepEqual(titles, ['全国各地党组织组织党员志愿者走进城乡社区', '把党员志愿服务站设到了小区门口', '党员志愿者组成田间服务队']);
  });

  it('keeps the title\'s clause in a bullet that would otherwise be a frame and a predicate without its subject', () => {
    const bullets = content[2]!.blocks.flatMap((block) => (block.kind === 'list' ? block.items.map((item) => item.map((run) => run.text).join('')) : []));
    assert.equal(bullets[0], '在一些农村地区，党员志愿者组成田间服务队，帮助群众抢收抢种');
    assert.deepEqual(condenseAll('随着数字化发展，学习平台走进千家万户。', '学习平台走进千家万户'), []);
    // Who told the reporter is not on the slide; what they said is.
    assert.deepEqual(condenseAll('一名街道干部介绍，社区推行“接诉即办”，群众诉求当天响应。', '接诉即办'), ['社区推行“接诉即办”，群众诉求当天响应']);
    assert.deepEqual(condenseAll('实践告诉我们，纪律松弛往往从小节开始，必须防微杜渐。', '严明纪律'), ['纪律松弛往往从小节开始，必须防微杜渐']);
  });
});

describe('the article\'s title over the lead', () => {
  const STORY = [
    '青山市党员先锋岗创建工作取得实效',
    '',
    '新华社青山6月10日电 连日来，青山市各级党组织深入开展“党员先锋岗”创建活动，引导党员在岗位上亮身份、作表率，推动党建工作与业务工作深度融合，群众的获得感和满意度不断提升。创建活动坚持高标准、严要求，先锋岗每年复核一次，不合格的及时摘牌，让先锋岗真正成为党员干事创业的平台和服务群众的窗口。',
    '',
    '2023年以来，青山市委组织部会同市直机关工委、市委党校和各区县党委组织部在全市范围内组织开展了“党员先锋岗”创建评选活动。各单位把先锋岗作为党员亮身份的平台，首批评选出的先锋岗覆盖窗口服务、生产一线和基层治理等领域，一批党员骨干在急难险重任务中冲锋在前。',
  ].join('\n');

  it('titles the opening slide whose first clause is too long, and only after the slide\'s own clauses a later one', () => {
    const deck = draftDeck(parseArticle(STORY, 'txt').value).value;
    const titles = deck.slides.filter((slide) => CONTENT_LAYOUTS.has(slide.layout)).map(slideTitle);
    assert.deepEqual(titles, ['青山市党员先锋岗创建工作取得实效', '各单位把先锋岗作为党员亮身份的平台']);
  });
});
