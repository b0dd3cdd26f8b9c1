// Bullets that stand alone: a clause that leans on its sentence gets its subject back or stays in the notes.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { condenseAll, pickBullets } from '../../src/draft/bullets.ts';
import { titleFrom } from '../../src/draft/short-title.ts';
import { restoredSubject } from '../../src/draft/standalone.ts';

describe('restoredSubject', () => {
  it('takes a short opening clause as the topic', () => {
    assert.equal(restoredSubject('是全面从严治党的基础性工程', ['“两学一做”学习教育']), '“两学一做”学习教育');
  });
  it('takes the words before 是 of an earlier clause', () => {
    assert.equal(restoredSubject('也是文化体制改革的一座里程碑', ['2017年3月1日《电影产业促进法》正式施行', '这是我国文化立法领域的重大突破']), '这');
  });
  it('takes the quoted name the sentence opens with', () => {
    assert.equal(restoredSubject('是一份顶层设计方案', ['“八八战略”立足于浙江当时的实际情况', '注重扬长避短、取长补短']), '“八八战略”');
  });
  it('restores nothing for a clause that needs more than a subject', () => {
    assert.equal(restoredSubject('并为全国作出更大的贡献', ['浙江未来发展才能再上新台阶']), undefined);
    assert.equal(restoredSubject('是一项重大举措', ['会议强调', '要坚持下去']), undefined);
  });
});

describe('condenseAll keeps leaning clauses off the slide', () => {
  it('restores the subject in the article’s words', () => {
    assert.deepEqual(condenseAll('“两学一做”学习教育，是全面从严治党的基础性工程。', ''), ['“两学一做”学习教育，是全面从严治党的基础性工程']);
    assert.deepEqual(
      condenseAll('实践证明，“两学一做”学习教育是推进思想建党、组织建党、制度治党的有力抓手，是全面从严治党的基础性工程，要坚持不懈抓下去。', ''),
      ['“两学一做”学习教育是推进思想建党、组织建党、制度治党的有力抓手', '“两学一做”学习教育是全面从严治党的基础性工程，要坚持不懈抓下去'],
    );
  });
  it('leaves a clause to the notes when nothing on the slide carries it', () => {
    const bullets = condenseAll('在新时代，唯有继续坚持“八八战略”，浙江未来发展才能再上新台阶，并为全国全面建成小康社会作出更大的贡献。', '');
    assert.ok(bullets.every((bullet) => !/^(并|而|但|是|也)/u.test(bullet)), bullets.join(' / '));
  });
  it('drops a locative frame that ends before its clause does', () => {
    const bullets = condenseAll('这座承载百年峥嵘记忆、彰显新时代恢宏气象的殿堂里，一件件实物、一幅幅展板、一张张照片，记录中国共产党人独特的精神标识。', '');
    assert.ok(bullets.every((bullet) => !bullet.endsWith('殿堂里')), bullets.join(' / '));
  });
});

describe('who spoke', () => {
  it('goes with the quotation before it when both fit one bullet, and never stands alone', () => {
    assert.deepEqual(pickBullets(['“把群众当亲人，群众才会把你当自家人。”', '一位驻村干部说。'], '驻村干部'), ['“把群众当亲人，群众才会把你当自家人。”一位驻村干部说']);
    // Together they would take three lines: the quotation stands alone, the speaker is left to the notes.
    const quotation = '“过去开会念文件，大家听着就走神；现在编成快板和小品，老百姓爱听。”';
    assert.deepEqual(pickBullets([quotation, '镇宣讲队的一名老队员说。'], '宣讲'), [quotation]);
  });

  it('is never a title', () => {
    assert.equal(titleFrom('一名有着30年党龄的老党员说'), undefined);
    assert.equal(titleFrom('这部小说'), '这部小说');
  });
});
