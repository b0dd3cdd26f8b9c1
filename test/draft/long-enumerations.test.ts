// A numbered run too long for one slide (一是…五是…, 第一…第五…, 首先…其次…最后…) splits across slides only
// between its items: every item is spoken whole on one slide, in order, and each slide shows the numbers of
// the items it holds (in its title or its bullets).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DraftSlide } from '../../src/deck/model.ts';
import { announcedTopic, openingItem, withClosingItemsMarked } from '../../src/draft/enumeration-items.ts';
import { draftDeck } from '../../src/draft/index.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { assertSentencesInNotes } from '../helpers/notes.ts';
import { slideTitle } from './lecture-figures.ts';

/** Five items of two sentences each, every item 90+ characters: far more than one slide holds. */
const BODIES = [
  ['严格组织生活', '认真落实“三会一课”、主题党日、组织生活会、民主评议党员等制度，增强组织生活的政治性、时代性、原则性、战斗性。', '让每名党员都在组织生活中受到教育、得到提高，切实解决组织生活随意化、平淡化、娱乐化的问题。'],
  ['加强党员教育管理', '坚持把政治标准放在首位，健全党员学习培训机制，分层分类开展教育培训。', '引导党员立足岗位创先争优，在急难险重任务中冲锋在前、发挥作用，做到平常时候看得出来、关键时刻站得出来。'],
  ['强化支部班子建设', '选优配强支部书记，加强支部委员培训，推动支部班子成员履职尽责。', '形成团结协作、运转高效的工作格局，把党支部建设成为宣传党的主张、贯彻党的决定、团结动员群众的坚强战斗堡垒。'],
  ['完善工作制度机制', '建立健全支部工作台账，规范党员发展、党费收缴、组织关系转接等基础工作。', '做到每项工作有制度可依、有流程可循、有记录可查，推动支部工作从“有形覆盖”向“有效覆盖”转变。'],
  ['落实基本保障措施', '加大基层党建经费投入，建好用好党员活动阵地，配齐配强专兼职党务工作者。', '让支部有人办事、有钱办事、有场所议事，为支部建设提供坚实保障，确保各项工作落到实处、取得实效。'],
] as const;
const NUMERALS = ['一', '二', '三', '四', '五'];

interface Run {
  name: string;
  article: string;
  /** Each item's whole text, as the notes must carry it. */
  items: string[];
  /** Each item's number and head as the slide may show it: 一是严格组织生活, 第一，严格组织生活, （一）严格组织生活. */
  shown: (ordinal: number, head: string) => string[];
}

function item(marker: string, [head, first, second]: readonly string[]): string {
  return `${marker}${head}，${first}${second}`;
}

const SHI_ITEMS = BODIES.map((body, at) => item(`${NUMERALS[at]}是`, body));
const DI_ITEMS = BODIES.map((body, at) => item(`第${NUMERALS[at]}，`, body));
const SEQUENCE_MARKERS = ['首先，', '其次，', '再次，', '第四，', '最后，'];
const SEQUENCE_ITEMS = BODIES.map((body, at) => item(SEQUENCE_MARKERS[at]!, body));
const INTRO = '各级党组织要重点抓好五个方面的工作。';
const CLOSE = '支部建设是一项长期任务，必须常抓不懈、久久为功，一任接着一任干。';
const numbered = (ordinal: number, head: string): string[] => [`（${NUMERALS[ordinal - 1]}）${head}`];

const RUNS: Run[] = [
  {
    name: '一是…五是… in one paragraph',
    article: `支部建设\n\n${INTRO}${SHI_ITEMS.join('')}\n\n${CLOSE}\n`,
    items: SHI_ITEMS,
    shown: (ordinal, head) => [`${NUMERALS[ordinal - 1]}是${head}`, ...numbered(ordinal, head)],
  },
  {
    name: '第一，…第五，… one paragraph each',
    article: `支部建设\n\n${INTRO}\n\n${DI_ITEMS.join('\n\n')}\n\n${CLOSE}\n`,
    items: DI_ITEMS,
    shown: (ordinal, head) => [`第${NUMERALS[ordinal - 1]}，${head}`, `第${NUMERALS[ordinal - 1]}${head}`, ...numbered(ordinal, head)],
  },
  {
    name: '首先…其次…再次…第四…最后… in one paragraph',
    article: `支部建设\n\n${INTRO}${SEQUENCE_ITEMS.join('')}\n\n${CLOSE}\n`,
    items: SEQUENCE_ITEMS,
    shown: (ordinal, head) => [`${SEQUENCE_MARKERS[ordinal - 1]}${head}`, `${SEQUENCE_MARKERS[ordinal - 1]!.slice(0, -1)}${head}`, ...numbered(ordinal, head)],
  },
];

function bullets(slide: DraftSlide): string[] {
  return slide.blocks.flatMap((block) => (block.kind === 'list' ? block.items.map((each) => each.map((run) => run.text).join('')) : []));
}

describe('a long enumeration splits only between its items', () => {
  for (const run of RUNS) {
    describe(run.name, () => {
      const article = parseArticle(run.article, 'txt').value;
      const slides = draftDeck(article).value.slides;
      const notes = slides.map((slide) => slide.notes.join(''));
      const places = run.items.map((text) => notes.findIndex((note) => note.includes(text)));

      it('speaks every item whole on one slide', () => {
        run.items.forEach((text, at) => assert.ok(places[at]! >= 0, `item ${at + 1} is cut: ${text.slice(0, 12)}…\n${notes.join('\n---\n')}`));
      });

      it('keeps the items in order, on more than one slide', () => {
        assert.deepEqual([...places].sort((a, b) => a - b), places);
        assert.ok(new Set(places).size > 1, 'five long items do not fit one slide');
        assertSentencesInNotes(article, notes.join('\n'));
      });

      it('shows the number and head of every item on its slide', () => {
        places.forEach((place, at) => {
          const slide = slides[place]!;
          const visible = [slideTitle(slide), ...bullets(slide)];
          const forms = run.shown(at + 1, BODIES[at]![0]);
          assert.ok(
            visible.some((text) => forms.some((form) => text.startsWith(form))),
            `item ${at + 1} (${forms[0]}) not shown on its slide: ${visible.join(' / ')}`,
          );
        });
      });
    });
  }
});

describe('the words around a run', () => {
  it('titles a run by the topic of the sentence that announced it', () => {
    assert.equal(announcedTopic('他认为，抓好理论学习，要在以下几个方面下功夫。'), '抓好理论学习');
    assert.equal(announcedTopic('抓好理论学习，关键在于持之以恒。'), undefined);
  });

  it('takes 最后 as the last item only right after a run numbered 其次…', () => {
    const article = parseArticle(`支部建设\n\n首先，统一思想认识。其次，健全工作机制。最后，强化督促检查。\n\n会议还研究了其他事项。\n\n最后，会议号召全体党员立足岗位作贡献。\n`, 'txt').value;
    const marked = withClosingItemsMarked(article.lead.length > 0 ? article.lead : article.sections[0]!.paragraphs);
    const ordinals = marked.map((paragraph) => paragraph.sentences.map((sentence) => openingItem(sentence)?.ordinal));
    assert.deepEqual(ordinals, [[1, 2, 3], [undefined], [undefined]]);
  });
});
