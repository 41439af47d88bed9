import { describe, expect, it } from 'vitest';
import {
  chineseNumeral,
  findMarkers,
  markerAtLineStart,
  parseChineseNumeral,
  sameLabel,
  type MarkerStyle,
} from '../../../src/core/text/markers';
import { seed } from '../corpus-fixture';

const at = (line: string) => {
  const m = markerAtLineStart(line);
  return m && { label: m.label, style: m.style, value: m.value };
};

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十四', 14],
    ['二十', 20],
    ['二十三', 23],
    ['九十九', 99],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一百二十三', 123],
    ['两百', 200],
    ['九百九十九', 999],
    ['一千零五十', 1050],
    ['一千二百六十', 1260],
  ])('reads %s as %i', (s, v) => {
    expect(parseChineseNumeral(s)).toBe(v);
  });

  it.each(['', '零', '一二', 'abc', '十a', '一万', '千千'])('rejects %j', (s) => {
    expect(parseChineseNumeral(s)).toBeNaN();
  });

  it('rejects repeated units: 十十, 百百, 十百 are not numerals', () => {
    expect(parseChineseNumeral('十十')).toBeNaN();
    expect(parseChineseNumeral('百百')).toBeNaN();
    expect(parseChineseNumeral('十百')).toBeNaN();
  });
});

describe('chineseNumeral', () => {
  it('writes numbers as documents print them', () => {
    expect(chineseNumeral(1)).toBe('一');
    expect(chineseNumeral(10)).toBe('十');
    expect(chineseNumeral(14)).toBe('十四');
    expect(chineseNumeral(20)).toBe('二十');
    expect(chineseNumeral(23)).toBe('二十三');
    expect(chineseNumeral(100)).toBe('一百');
    expect(chineseNumeral(105)).toBe('一百零五');
    expect(chineseNumeral(110)).toBe('一百一十');
  });

  it('round-trips with parseChineseNumeral for 1..9999 (民法典 has 1,260 articles)', () => {
    for (let v = 1; v <= 9999; v++) expect(parseChineseNumeral(chineseNumeral(v))).toBe(v);
  });
});

describe('markerAtLineStart: the marker grammar', () => {
  it.each<[string, string, MarkerStyle, number]>([
    ['一、总体要求', '一、', 'cn-enum', 1],
    ['九、加强组织实施', '九、', 'cn-enum', 9],
    ['（一）稳妥有序推动城市群一体化', '（一）', 'cn-bracket', 1],
    ['（二十三）加强城市社会治理', '（二十三）', 'cn-bracket', 23],
    ['(十四)加强房屋和市政基础设施安全管理', '(十四)', 'cn-bracket', 14],
    ['〔三〕提高中小城市', '〔三〕', 'cn-bracket', 3],
    ['【五】激活城市存量资源潜力', '【五】', 'cn-bracket', 5],
    ['［二］增强超大特大城市', '［二］', 'cn-bracket', 2],
    ['（一百零五）第一百零五项', '（一百零五）', 'cn-bracket', 105],
    ['第三条 本办法自发布之日起施行', '第三条', 'article', 3],
    ['第一百二十条 附则', '第一百二十条', 'article', 120],
    ['第一章 总则', '第一章', 'chapter', 1],
    ['第二节 规划', '第二节', 'chapter', 2],
    ['第三部分 保障措施', '第三部分', 'chapter', 3],
    ['1、总体要求', '1、', 'arabic-enum', 1],
    ['1.总体要求', '1.', 'arabic-enum', 1],
    ['12. 保障措施', '12.', 'arabic-enum', 12],
    ['１、总体要求', '１、', 'arabic-enum', 1],
    ['２．总体要求', '２．', 'arabic-enum', 2],
    ['（1）加强领导', '（1）', 'arabic-bracket', 1],
    ['(3)加强领导', '(3)', 'arabic-bracket', 3],
    ['（１０）加强领导', '（１０）', 'arabic-bracket', 10],
    ['①加强领导', '①', 'circled', 1],
    ['⑳加强领导', '⑳', 'circled', 20],
  ])('recognises %s', (line, label, style, value) => {
    expect(at(line)).toEqual({ label, style, value });
  });

  it('allows indentation and markdown before the marker, and reports where the label is', () => {
    const m = markerAtLineStart('　　（一）稳妥有序');
    expect(m).toMatchObject({ start: 2, end: 5, label: '（一）' });
    const h = markerAtLineStart('### 九、加强组织实施');
    expect(h).toMatchObject({ start: 4, end: 6, label: '九、', value: 9 });
    expect(markerAtLineStart('**（二）**增强超大特大城市')).toMatchObject({ start: 2, label: '（二）' });
  });

  it('rejects an enumeration of numbers: 一、二线城市', () => {
    expect(markerAtLineStart('一、二线城市房价平稳')).toBeUndefined();
    expect(markerAtLineStart('三、四线城市')).toBeUndefined();
  });

  it('rejects 第一 in running text (no 条/章/节/部分 after it)', () => {
    expect(markerAtLineStart('第一，要坚持党的领导')).toBeUndefined();
    expect(markerAtLineStart('第一时间响应')).toBeUndefined();
  });

  it('rejects decimal numbers and number lists: 1.5亿, 1、2、3', () => {
    expect(markerAtLineStart('1.5亿人')).toBeUndefined();
    expect(markerAtLineStart('1、2、3月份')).toBeUndefined();
    expect(markerAtLineStart('(1)%')).toBeUndefined();
  });

  it('rejects a bare 一、 or 1、 with nothing after it, but accepts a bare bracketed label', () => {
    expect(markerAtLineStart('一、')).toBeUndefined();
    expect(markerAtLineStart('1、')).toBeUndefined();
    expect(markerAtLineStart('（十四）')).toMatchObject({ label: '（十四）', value: 14 });
  });

  it('rejects text that only looks like a marker in the middle of a line', () => {
    expect(markerAtLineStart('推动（一）项工作')).toBeUndefined();
    expect(markerAtLineStart('城市一、二线')).toBeUndefined();
  });

  it('rejects numerals that are not numbers', () => {
    expect(markerAtLineStart('（一二）项')).toBeUndefined();
    expect(markerAtLineStart('（零）项')).toBeUndefined();
  });
});

describe('findMarkers', () => {
  it('finds the markers that open lines, with offsets into the text', () => {
    const text = '一、总体要求\n坚持以人民为中心。一、二线城市\n（一）稳妥有序推动\n　　(二)增强超大特大城市\n第一，要坚持';
    const markers = findMarkers(text);
    expect(markers.map((m) => m.label)).toEqual(['一、', '（一）', '(二)']);
    for (const m of markers) expect(text.slice(m.start, m.end)).toBe(m.label);
  });

  it('finds nothing in an empty text', () => {
    expect(findMarkers('')).toEqual([]);
  });

  it('finds every section and clause marker of seed 001, printed with half-width brackets', () => {
    const labels = findMarkers(seed('001')).map((m) => m.label);
    const opinionPart = labels.slice(0, labels.indexOf('(十三)') + 1);
    expect(opinionPart.filter((l) => l.startsWith('('))).toHaveLength(23);
    expect(opinionPart.filter((l) => l.endsWith('、'))).toEqual(['六、', '七、', '八、', '九、', '一、', '二、', '三、', '四、', '五、']);
  });

  it('finds the section markers of seed 003 behind markdown heading marks', () => {
    const text = seed('003');
    const labels = findMarkers(text).map((m) => m.label);
    for (const l of ['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、']) expect(labels).toContain(l);
    for (const m of findMarkers(text)) expect(text.slice(m.start, m.end)).toBe(m.label);
  });
});

describe('sameLabel', () => {
  it('reads bracket shapes and widths alike but keeps numbering systems apart', () => {
    const a = markerAtLineStart('(十四)文')!;
    const b = markerAtLineStart('（十四）文')!;
    const c = markerAtLineStart('〔十四〕文')!;
    const d = markerAtLineStart('（14）文')!;
    const e = markerAtLineStart('（十五）文')!;
    expect(sameLabel(a, b)).toBe(true);
    expect(sameLabel(b, c)).toBe(true);
    expect(sameLabel(b, d)).toBe(false);
    expect(sameLabel(b, e)).toBe(false);
  });
});
