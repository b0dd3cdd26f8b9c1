// Hand-made RenderedDecks for the page/export tests: the sample deck's layouts as the renderer emits them
// (<section class="layout"> + notes aside), so the theme and the browser can be tested without the renderer.
import type { RenderedDeck } from '../../src/deck/model.ts';

export interface SampleSlide {
  layout: string;
  html: string;
  notes: string;
}

/** One slide of every layout, with the sample deck's text. */
export const LAYOUT_SLIDES: SampleSlide[] = [
  {
    layout: 'cover',
    html: '<h1>“两学一做”学习教育</h1>\n<h2>加强党的思想政治建设的重大部署</h2>\n<p>辉煌历程 · 主讲人 · 党支部 · 2026年11月27日</p>',
    notes: '同志们，今天我们一起学习《“两学一做”学习教育——加强党的思想政治建设的重大部署》。',
  },
  {
    layout: 'agenda',
    html: '<h2>目录</h2>\n<ol>\n<li>把全面从严治党落实到每个支部</li>\n<li>为抓党建促脱贫注入强大动力</li>\n<li>“两学一做”学习教育常态化制度化</li>\n</ol>',
    notes: '今天的学习分为三个部分。',
  },
  {
    layout: 'timeline',
    html: '<h2>从部署到常态化</h2>\n<ul>\n<li><strong>2016年2月</strong> 中办印发学习教育方案</li>\n<li><strong>2016年4月</strong> 习近平总书记作出重要指示</li>\n<li><strong>2017年3月</strong> 中办印发常态化制度化意见</li>\n</ul>',
    notes: '2016年2月，中共中央办公厅印发学习教育方案。',
  },
  {
    layout: 'quote',
    html: '<blockquote>\n<p>部署“两学一做”学习教育，就是要推动党内教育从“关键少数”向广大党员拓展，从集中性教育向经常性教育延伸。</p>\n</blockquote>\n<p>—— 习近平总书记，2016年4月</p>',
    notes: '2016年4月，习近平总书记作出重要指示。',
  },
  {
    layout: 'divider',
    html: '<h2>第一部分</h2>\n<h1>把全面从严治党落实到每个支部</h1>',
    notes: '下面，我们来学习第一部分。',
  },
  {
    layout: 'points',
    html: '<h2>中央政治局带头，为全党作出示范</h2>\n<ul>\n<li>常委、委员以<strong>普通党员身份</strong>参加支部学习</li>\n<li>中央领导同志到分管领域、联系单位讲党课</li>\n</ul>',
    notes: '中央政治局带头开展学习教育，为全党作出示范。',
  },
  {
    layout: 'stats',
    html: '<h2>鲜红的党旗飘扬在脱贫攻坚主战场</h2>\n<ul>\n<li><strong>25.5万个</strong> 驻村工作队</li>\n<li><strong>300多万名</strong> 第一书记和驻村干部</li>\n<li><strong>近200万名</strong> 乡镇干部</li>\n</ul>',
    notes: '全国累计选派25.5万个驻村工作队。',
  },
  {
    layout: 'cards',
    html: '<h2>做到“四个合格”</h2>\n<ul>\n<li>政治合格</li>\n<li>执行纪律合格</li>\n<li>品德合格</li>\n<li>发挥作用合格</li>\n</ul>',
    notes: '融入日常、抓在经常。',
  },
  {
    layout: 'closing',
    html: '<h2>思考题</h2>\n<ol>\n<li>本支部如何把“两学一做”融入“三会一课”，做到常态化制度化？</li>\n<li>对照“四个合格”，我自己还有哪些差距？</li>\n</ol>',
    notes: '最后，留两个问题。',
  },
  {
    layout: 'end',
    html: '<h1>谢谢聆听</h1>\n<p>敬请批评指正</p>',
    notes: '今天的学习就到这里，谢谢大家。',
  },
];

export function sectionHtml(slide: SampleSlide): string {
  return `<section class="${slide.layout}">\n${slide.html}\n<aside class="notes"><p>${slide.notes}</p></aside>\n</section>`;
}

export function deckOf(slides: SampleSlide[], frontMatter: Partial<RenderedDeck['frontMatter']> = {}): RenderedDeck {
  return {
    frontMatter: { title: '“两学一做”学习教育', organization: '党支部', duration: 20, ...frontMatter },
    sectionsHtml: slides.map(sectionHtml).join('\n'),
    slideCount: slides.length,
    sectionTitles: [],
  };
}

/** The five-slide deck of the browser tests: Chinese text, a slide with fragments, notes on every slide. */
export function fiveSlideDeck(): RenderedDeck {
  const pick = (layout: string): SampleSlide => {
    const slide = LAYOUT_SLIDES.find((candidate) => candidate.layout === layout);
    if (!slide) throw new Error(`no sample slide for ${layout}`);
    return slide;
  };
  const withFragments: SampleSlide = {
    layout: 'points',
    html:
      '<h2>融入日常、抓在经常</h2>\n<ul>\n<li class="fragment">学党章党规</li>\n<li class="fragment">学系列讲话</li>\n' +
      '<li class="fragment">做合格党员</li>\n</ul>',
    notes: '讲稿：学习教育融入日常、抓在经常。',
  };
  return deckOf([pick('cover'), pick('agenda'), withFragments, pick('stats'), pick('end')]);
}
