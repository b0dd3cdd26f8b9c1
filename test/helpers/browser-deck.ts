// Hand-made RenderedDecks for the page/export tests: the sample deck's layouts as the renderer emits them
// (<section class="layout"> + notes aside), so the theme and the browser can be tested without the renderer.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Variants the drafter emits besides the plain layouts: long lists, two columns, the 思考题 slide. */
export const VARIANT_SLIDES: SampleSlide[] = [
  {
    layout: 'agenda two-columns',
    html:
      '<h2>目录</h2>\n<ol>\n<li>坚持问题导向</li>\n<li>融入日常、抓在经常</li>\n<li>中央政治局带头</li>\n<li>把全面从严治党落实到每个支部</li>\n' +
      '<li>为抓党建促脱贫注入强大动力</li>\n<li>富口袋也要富脑袋</li>\n<li>学习教育常态化制度化</li>\n</ol>',
    notes: '今天的学习分为七个部分。',
  },
  {
    layout: 'points',
    html:
      '<h2>学习教育融入日常、抓在经常</h2>\n<ul>\n<li>以<strong>“三会一课”</strong>为基本制度</li>\n<li>以党支部为基本单位</li>\n' +
      '<li>以落实党员教育管理制度为基本依托</li>\n<li>推动党内教育从“关键少数”向广大党员拓展</li>\n<li>从集中性教育向经常性教育延伸</li>\n</ul>',
    notes: '融入日常、抓在经常，是“两学一做”学习教育的鲜明特点。',
  },
  {
    layout: 'cards',
    html: '<h2>带头学、带头做</h2>\n<ul>\n<li>带头学党章</li>\n<li>带头讲党课</li>\n<li>带头过组织生活</li>\n<li>带头查摆问题</li>\n<li>带头立规矩</li>\n<li>带头作表率</li>\n</ul>',
    notes: '领导干部带头，是“两学一做”取得实效的关键。',
  },
  {
    layout: 'stats',
    html:
      '<h2>基层党组织全面进步</h2>\n<ul>\n<li><strong>490多万个</strong> 基层党组织</li>\n<li><strong>9500多万名</strong> 党员</li>\n' +
      '<li><strong>12.8万个</strong> 贫困村</li>\n<li><strong>100%</strong> 派驻第一书记</li>\n</ul>',
    notes: '截至目前，全国共有基层党组织490多万个。',
  },
  {
    layout: 'timeline',
    html:
      '<h2>五年间的五个节点</h2>\n<ul>\n<li><strong>2016年2月</strong> 印发方案</li>\n<li><strong>2016年4月</strong> 作出指示</li>\n' +
      '<li><strong>2017年3月</strong> 常态化制度化</li>\n<li><strong>2019年5月</strong> 主题教育</li>\n<li><strong>2021年2月</strong> 党史学习教育</li>\n</ul>',
    notes: '从2016年到2021年，党内集中教育一脉相承。',
  },
  {
    layout: 'closing questions',
    html:
      '<h2>思考题</h2>\n<ol>\n<li>本支部如何把“两学一做”融入“三会一课”？</li>\n<li>对照“四个合格”，我自己还有哪些差距？</li>\n' +
      '<li>如何让<strong>合格，</strong>党员的标准落到每一天的工作中？</li>\n</ol>',
    notes: '最后，留三个问题，请大家结合本支部和个人实际讨论交流。',
  },
];

/** The reveal.js global as the browser tests use it. */
export interface RevealInPage {
  isReady(): boolean;
  getIndices(): { h: number; v: number };
  getTotalSlides(): number;
  getConfig(): Record<string, unknown>;
  isPaused(): boolean;
  slide(h: number, v?: number): void;
}

/**
 * Waits until the deck in `page` is ready to look at: reveal started, the bundled fonts loaded and the
 * deck's fit pass done (src/page/client/fit.ts marks <html data-dangke-fitted="done">).
 */
export async function waitForDeck(page: import('puppeteer-core').Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true &&
      document.documentElement.getAttribute('data-dangke-fitted') === 'done',
    { timeout: 20_000 },
  );
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

/** What the speaker view shows, read from its popup. */
export interface SpeakerViewState {
  notes: string;
  notesFontPx: number;
  labels: { upcoming: string; time: string; pacing: string; notes: string };
  pacingShown: boolean;
  clock: string;
  title: string;
  /** The notes' font is a bundled face: requested, and none of its faces failed to load. */
  fontsBundled: boolean;
  /** The popup's visibility and every font face with its status, for the message when fontsBundled is false. */
  fontStates: string;
}

/**
 * Presses S in the deck page and returns the speaker view popup once it shows `notesText`, with what it
 * shows. The popup is left open for the caller to inspect further and close.
 */
export async function openSpeakerView(
  browser: import('puppeteer-core').Browser,
  page: import('puppeteer-core').Page,
  notesText: string,
): Promise<{ popup: import('puppeteer-core').Page; state: SpeakerViewState }> {
  const popupTarget = browser.waitForTarget((target) => target.opener() === page.target(), { timeout: 10_000 });
  await page.keyboard.press('s');
  const popup = await (await popupTarget).page();
  if (!popup) throw new Error('the speaker view is not a page');
  // A lecturer sees the speaker view: in front, it is rendered (headless Chromium gives a tab in the
  // background no frames, and its font loads were seen not to finish there).
  await popup.bringToFront();
  await popup.waitForFunction(
    (text: string) => document.querySelector('.speaker-controls-notes .value')?.textContent?.includes(text) === true,
    { timeout: 10_000 },
    notesText,
  );
  // Pacing appears once the popup has asked the deck for its timings (a round trip through postMessage).
  await popup.waitForFunction(() => {
    const pacing = document.querySelector<HTMLElement>('.speaker-controls-time .pacing');
    return pacing !== null && pacing.style.display !== 'none';
  }, { timeout: 10_000 }).catch(() => undefined);
  const state = await popup.evaluate(async () => {
    // No helper functions in here (tsx would wrap them in a __name() the page does not have).
    const [upcoming, time, pacing, notes, clock] = [
      '#upcoming-slide .label',
      '.speaker-controls-time > h4.label',
      '.speaker-controls-time .pacing-title',
      '.speaker-controls-notes .label',
      '.clock-value',
    ].map((selector) => document.querySelector(selector)?.textContent?.trim() ?? '');
    const value = document.querySelector('.speaker-controls-notes .value');
    // Ask for the face and read the faces' status rather than trust load()'s promise: in headless Chromium
    // the popup's font loads were seen to stay "loading" for good (an evaluate awaiting load() hung in CI until
    // the protocol timeout; in 2 of 3 full runs here the faces were still loading after 10 s, popup in front).
    // So the check is that the popup uses the bundled faces (requested, none failed), waiting at most 3 s.
    // No bundled fonts in the popup: no face of that family is requested, and fontsBundled is false.
    const font = '20px "Dangke Sans"';
    await Promise.race([document.fonts.load(font, '讲稿').catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 3_000))]);
    const faces = [...document.fonts].filter((face) => face.family.replace(/["']/g, '') === 'Dangke Sans' && face.status !== 'unloaded');
    return {
      notes: value?.textContent ?? '',
      notesFontPx: value ? Number.parseFloat(getComputedStyle(value).fontSize) : 0,
      labels: { upcoming: upcoming ?? '', time: time ?? '', pacing: pacing ?? '', notes: notes ?? '' },
      pacingShown: getComputedStyle(document.querySelector('.speaker-controls-time .pacing')!).display !== 'none',
      clock: clock ?? '',
      title: document.title,
      fontsBundled: faces.length > 0 && faces.every((face) => face.status !== 'error'),
      fontStates: `${document.visibilityState} ${[...document.fonts].map((face) => face.family + ':' + face.status).join(',')}`,
    };
  });
  return { popup, state };
}

/**
 * Latin-only font folders: a machine without Chinese fonts. Not "no fonts at all": Chromium with an empty
 * fontconfig cannot lay out its own UI and, measured here, fails to load the first web font a page uses
 * in most runs (NetworkError), which would test Chromium's zero-font mode rather than the deck.
 */
const LATIN_FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/truetype/liberation', '/usr/share/fonts/dejavu', '/usr/share/fonts/liberation'];

export function latinFontDirs(): string[] {
  return LATIN_FONT_DIRS.filter((dir) => existsSync(dir));
}

/** A fontconfig file that lists only the Latin font folders: Chromium started with it has no Chinese font. */
export async function fontconfigWithoutChinese(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dangke-no-cjk-'));
  const file = join(dir, 'fonts.conf');
  const dirs = latinFontDirs().map((path) => `  <dir>${path}</dir>`).join('\n');
  await writeFile(file, `<?xml version="1.0"?>\n<fontconfig>\n${dirs}\n  <cachedir>${join(dir, 'cache')}</cachedir>\n</fontconfig>\n`);
  return file;
}

export interface GlyphDrawing {
  /** Pixels with ink when the character is drawn at 96 px. */
  inked: number;
  /** The drawing's pixels, to compare two characters: tofu boxes all look the same. */
  signature: string;
}

/** Draws each character on a canvas in the given family inside the page and reports its pixels. */
export async function drawGlyphs(page: import('puppeteer-core').Page, family: string, chars: string[]): Promise<GlyphDrawing[]> {
  return page.evaluate(
    async (fontFamily: string, characters: string[]) => {
      const font = `96px ${fontFamily}`;
      await document.fonts.load(font, characters.join(''));
      return characters.map((char) => {
        const canvas = document.createElement('canvas');
        canvas.width = 128;
        canvas.height = 128;
        const context = canvas.getContext('2d', { willReadFrequently: true });
        if (!context) throw new Error('no 2d context');
        context.font = font;
        context.textBaseline = 'top';
        context.fillText(char, 16, 16);
        const alpha = context.getImageData(0, 0, 128, 128).data.filter((_, index) => index % 4 === 3);
        let inked = 0;
        let signature = '';
        alpha.forEach((value, index) => {
          if (value > 128) inked++;
          if (index % 7 === 0) signature += value > 128 ? '1' : '0';
        });
        return { inked, signature };
      });
    },
    family,
    chars,
  );
}

/**
 * Asserts that the page draws 党 and 学 with the deck's bundled font, in a Chromium that has no Chinese font
 * of its own (the control: in a fallback family they come out empty or as identical tofu boxes; if not, a
 * system font leaked in and the check would prove nothing).
 */
export async function assertBundledChineseGlyphs(page: import('puppeteer-core').Page, family = '"Dangke Sans"'): Promise<void> {
  const [dang, xue] = await drawGlyphs(page, family, ['党', '学']);
  const [fallbackDang, fallbackXue] = await drawGlyphs(page, '"No Such Font", sans-serif', ['党', '学']);
  assert.ok(
    fallbackDang!.inked === 0 || fallbackDang!.signature === fallbackXue!.signature,
    'a Chinese system font is still visible to Chromium; the fontconfig override did not take effect',
  );
  assert.ok(dang!.inked > 400 && xue!.inked > 400, `bundled glyphs have ink (${dang!.inked}, ${xue!.inked})`);
  assert.notEqual(dang!.signature, xue!.signature, '党 and 学 are different glyphs, not tofu');
  assert.notEqual(dang!.signature, fallbackDang!.signature, '党 in the bundled font differs from the fallback');
}
