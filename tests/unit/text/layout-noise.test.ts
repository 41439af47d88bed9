/**
 * Jump lines and pronunciation glosses are layout: found as spans, and
 * dropped by normalize with the offset map intact.
 */
import { describe, expect, it } from 'vitest';
import { findLayoutNoise } from '../../../src/core/text/layout-noise';
import { normalize, toOriginalRange } from '../../../src/core/text/normalize';

const spans = (text: string) => findLayoutNoise(text).map((s) => text.slice(s.start, s.end));

describe('jump lines', () => {
  it('finds bracketed jump lines in every style print editions use', () => {
    expect(spans('推进城市（下转第二版）更新')).toEqual(['（下转第二版）']);
    expect(spans('（上接第一版）推进城市更新')).toEqual(['（上接第一版）']);
    expect(spans('推进城市( 下转 第 2 版 )更新')).toEqual(['( 下转 第 2 版 )']);
    expect(spans('推进城市〔转第5版〕更新')).toEqual(['〔转第5版〕']);
    expect(spans('推进城市【接第十二版】更新')).toEqual(['【接第十二版】']);
  });

  it('finds bare jump lines with 第…版', () => {
    expect(spans('推进城市转第二版更新')).toEqual(['转第二版']);
    expect(spans('接第1版推进城市更新')).toEqual(['接第1版']);
  });

  it('leaves ordinary text that mentions an edition alone', () => {
    expect(spans('本报今日第二版刊登了全文。转载请注明出处。')).toEqual([]);
  });
});

describe('pronunciation glosses', () => {
  it('finds pinyin with tone marks, tone numbers, toneless pinyin and bopomofo after a character', () => {
    expect(spans('國務(wù)院')).toEqual(['(wù)']);
    expect(spans('人民(mín)')).toEqual(['(mín)']);
    expect(spans('城市（chéng shì）更新')).toEqual(['（chéng shì）']);
    expect(spans('人(jan4)民')).toEqual(['(jan4)']);
    expect(spans('務(wu)院')).toEqual(['(wu)']);
    expect(spans('務（ㄨˋ）院')).toEqual(['（ㄨˋ）']);
  });

  it('leaves abbreviations and units in parentheses alone', () => {
    expect(spans('第五代移动通信（5G）网络')).toEqual([]);
    expect(spans('政府和社会资本合作（PPP）模式')).toEqual([]);
    expect(spans('基础设施领域不动产投资信托基金（REITs）')).toEqual([]);
    expect(spans('每户（kg）')).toEqual([]);
    expect(spans('臭氧（O3）污染')).toEqual([]);
  });

  it('needs a character right before the parenthesis', () => {
    expect(spans('see (mín) here')).toEqual([]);
  });
});

describe('normalize drops them', () => {
  it('reads a clause with a jump line in its middle as the clause', () => {
    const page = '推进城市更新，（下转第二版）\n\n（上接第一版）加快老旧小区改造。';
    expect(normalize(page).text).toBe('推进城市更新，加快老旧小区改造。');
  });

  it('reads glossed characters as the characters, each mapped back to its place', () => {
    const page = '国务(wù)院办公厅';
    const norm = normalize(page);
    expect(norm.text).toBe('国务院办公厅');
    const at = norm.text.indexOf('院');
    expect(toOriginalRange(norm, at, at + 1)).toEqual([page.indexOf('院'), page.indexOf('院') + 1]);
  });
});

describe('enumerations are not glosses', () => {
  it('leaves single-letter items alone: 包括（a）…（b）…', () => {
    expect(spans('包括（a）住房、（b）交通和（i）教育')).toEqual([]);
  });
});

describe('print page headers', () => {
  it('finds a line that is only a page header, not a sentence that mentions one', () => {
    expect(spans('推进城市（下转第二版）\n第02版：要闻\n（上接第一版）更新')).toEqual(['（下转第二版）', '第02版：要闻', '（上接第一版）']);
    expect(spans('全文见第02版：要闻版刊登的意见全文，请读者留意。')).toEqual([]);
  });
});
