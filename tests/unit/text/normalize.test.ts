import { describe, expect, it } from 'vitest';
import { normalize, normalizeChar, toNormalizedIndex, toOriginalRange } from '../../../src/core/text/normalize';
import { clauseByLabel, opinion, seed } from '../corpus-fixture';

const n = (s: string): string => normalize(s).text;

/** The original text behind a normalized range. */
function originalOf(original: string, start: number, end: number): string {
  const [s, e] = toOriginalRange(normalize(original), start, end);
  return original.slice(s, e);
}

describe('normalize: layout noise of reprints disappears', () => {
  it('joins newspaper column breaks inside Chinese text', () => {
    expect(n('适时调整扩大经济规\n模大、人口增长快的县级市和特大\n镇经济社会管理权限。')).toBe(
      '适时调整扩大经济规模大、人口增长快的县级市和特大镇经济社会管理权限。',
    );
  });

  it('removes spaces inserted between the characters of a justified line', () => {
    expect(n('激 活 城 市 存 量 资 源 潜 力')).toBe('激活城市存量资源潜力');
    expect(n('　　城市是现代化建设的重要载体')).toBe('城市是现代化建设的重要载体');
    expect(n('人民\u00a0城市')).toBe('人民城市');
  });

  it('joins a number broken across lines (2\\n035)', () => {
    expect(n('到2\n035年')).toBe('到2035年');
    expect(n('到 2035 年')).toBe('到2035年');
  });

  it('treats all whitespace as layout, also between ASCII words ("CIM platform")', () => {
    expect(n('the   CIM  platform')).toBe('theCIMplatform');
    expect(n('街区 and 历史地段')).toBe('街区and历史地段');
    expect(n('街区and历史地段')).toBe(n('街区 and 历史地段'));
  });

  it('turns full-width digits and letters into ASCII', () => {
    expect(n('到２０３５年')).toBe('到2035年');
    expect(n('城市信息模型（ＣＩＭ）平台')).toBe('城市信息模型（CIM）平台');
    expect(n('第五代移动通信网络（５Ｇ）')).toBe('第五代移动通信网络（5G）');
  });

  it('writes half-width punctuation full-width, as Chinese text does', () => {
    expect(n('严格限制超高层建筑,增强高空消防能力;坚持:稳中求进?是!(上海奖)')).toBe(
      '严格限制超高层建筑，增强高空消防能力；坚持：稳中求进？是！（上海奖）',
    );
    expect(n('中国｡城市､乡村')).toBe('中国。城市、乡村');
  });

  it('leaves Chinese full stops and enumeration commas alone', () => {
    expect(n('一体化、同城化。')).toBe('一体化、同城化。');
  });

  it('reads every quote style as one', () => {
    const canonical = n('大力推进安全、舒适、绿色、智慧的“好房子”建设');
    expect(n('大力推进安全、舒适、绿色、智慧的"好房子"建设')).toBe(canonical);
    expect(n('大力推进安全、舒适、绿色、智慧的「好房子」建设')).toBe(canonical);
    expect(n('大力推进安全、舒适、绿色、智慧的＂好房子＂建设')).toBe(canonical);
    expect(n('‘适用’')).toBe(n("'适用'"));
    expect(n('『适用』')).toBe(n('‘适用’'));
  });

  it('reads a run of dashes as one dash and a run of dots as one ellipsis', () => {
    expect(n('——解决国际上的事情')).toBe(n('—解决国际上的事情'));
    expect(n('－－解决')).toBe(n('——解决'));
    expect(n('等等……')).toBe('等等…');
    expect(n('等等...')).toBe('等等…');
    expect(n('等等⋯⋯')).toBe('等等…');
  });

  it('drops markdown headings and emphasis, and zero-width marks', () => {
    expect(n('### 九、加强组织实施')).toBe('九、加强组织实施');
    expect(n('**加强**组织实施')).toBe('加强组织实施');
    expect(n('加强\u200b组织\ufeff实施')).toBe('加强组织实施');
  });

  it('keeps a # that is not at a line start', () => {
    expect(n('第#1号')).toBe('第#1号');
  });

  it('makes a clause printed with half-width punctuation (seed 001) equal to the canonical clause', () => {
    const page = seed('001')
      .split('\n')
      .find((l) => l.startsWith('(十四)'))!;
    expect(n(page)).toBe(n(clauseByLabel(opinion(), '（十四）').text));
  });

  it('makes the print edition (seed 000, column breaks) equal to the canonical text of （十四）', () => {
    const print = seed('000');
    const from = print.indexOf('（十四）');
    const to = print.indexOf('（十五）');
    expect(n(print.slice(from, to))).toBe(n(clauseByLabel(opinion(), '（十四）').text));
  });

  it('gives the empty string for an empty or all-blank text', () => {
    expect(normalize('').text).toBe('');
    expect(normalize(' \n\t　').text).toBe('');
    expect(normalize(' \n\t　').originalLength).toBe(4);
  });
});

describe('normalizeChar', () => {
  it('maps one character at a time', () => {
    expect(normalizeChar('５')).toBe('5');
    expect(normalizeChar('Ａ')).toBe('A');
    expect(normalizeChar(',')).toBe('，');
    expect(normalizeChar('，')).toBe('，');
    expect(normalizeChar('“')).toBe('"');
    expect(normalizeChar('―')).toBe('—');
    expect(normalizeChar('城')).toBe('城');
  });
});

describe('normalize: the offset map', () => {
  it('maps each normalized character to the original character it came from', () => {
    const original = '激 活 城 市';
    const norm = normalize(original);
    expect(norm.text).toBe('激活城市');
    expect(Array.from(norm.starts)).toEqual([0, 2, 4, 6]);
    expect(Array.from(norm.ends)).toEqual([1, 3, 5, 7]);
    expect(norm.originalLength).toBe(original.length);
  });

  it('maps a normalized range back over the spaces and line breaks inside it', () => {
    expect(originalOf('激 活 城 市', 2, 4)).toBe('城 市');
    expect(originalOf('推动城市高\n质量发展', 4, 7)).toBe('高\n质量');
  });

  it('maps a collapsed run (dashes, ellipsis) to the whole run', () => {
    const original = '事情——解决';
    const norm = normalize(original);
    expect(norm.text).toBe('事情—解决');
    expect(originalOf(original, 2, 3)).toBe('——');
    expect(originalOf('等等......好', 2, 3)).toBe('......');
  });

  it('maps a width-changed character to its original form', () => {
    expect(originalOf('到２０３５年', 1, 5)).toBe('２０３５');
    expect(originalOf('建筑,增强', 2, 3)).toBe(',');
  });

  it('keeps a surrogate pair whole: both UTF-16 units map to the whole pair', () => {
    const original = 'a 𠀀 b';
    const norm = normalize(original);
    expect(norm.text).toBe('a𠀀b');
    expect(Array.from(norm.starts)).toEqual([0, 2, 2, 5]);
    expect(Array.from(norm.ends)).toEqual([1, 4, 4, 6]);
    expect(originalOf(original, 1, 3)).toBe('𠀀');
  });

  it('maps an empty range to a point, and a range past the end to the end', () => {
    const norm = normalize('城 市');
    expect(toOriginalRange(norm, 1, 1)).toEqual([2, 2]);
    expect(toOriginalRange(norm, 5, 6)).toEqual([3, 3]);
    expect(toOriginalRange(normalize(''), 0, 0)).toEqual([0, 0]);
  });

  it('finds the first normalized index at or after an original index', () => {
    const norm = normalize('激 活 城 市');
    expect(toNormalizedIndex(norm, 0)).toBe(0);
    expect(toNormalizedIndex(norm, 1)).toBe(1); // the space before 活
    expect(toNormalizedIndex(norm, 4)).toBe(2);
    expect(toNormalizedIndex(norm, 7)).toBe(4);
  });

  it('maps every canonical clause of the Opinion to and from the normalized text exactly', () => {
    const d = opinion();
    const norm = normalize(d.text);
    for (const c of d.clauses) {
      const s = toNormalizedIndex(norm, c.start);
      const e = toNormalizedIndex(norm, c.end);
      const [os, oe] = toOriginalRange(norm, s, e);
      expect(d.text.slice(os, oe)).toBe(c.text);
    }
  });
});
