/**
 * The engine on altered copies we make ourselves from the canonical text:
 * each page differs from a faithful reprint in one known way, so the report
 * must show exactly that difference (or, for layout noise, nothing).
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/core/text/normalize';
import type { Report } from '../../../src/core/check/report';
import { OPINION, PLAN, brief, check, clauseByLabel, expectOffsetsSlice, opinion, plan, seed, wording } from '../corpus-fixture';

const TITLE = '中共中央 国务院关于推动城市高质量发展的意见\n（2025年8月15日）\n';

/** The canonical paragraphs of the Opinion, one per line. */
const paragraphs = (): string[] => opinion().text.split('\n');

/** A faithful reprint: title, date line, the canonical text. */
const faithful = (): string => TITLE + opinion().text;

/** Replace `from` by `to` inside the clause printed with `label`, once. */
function inClause(label: string, from: string, to: string): string {
  const c = clauseByLabel(opinion(), label);
  expect(c.text.split(from)).toHaveLength(2);
  const text = opinion().text;
  return TITLE + text.slice(0, c.start) + c.text.replace(from, to) + text.slice(c.end);
}

/** Replace `from` (which must occur once in the canonical text) by `to`. */
function inText(from: string, to: string): string {
  expect(opinion().text.split(from)).toHaveLength(2);
  return TITLE + opinion().text.replace(from, to);
}

const ids = (r: Report) => r.documents.map((d) => d.id);

function expectFaithful(page: string): Report {
  const r = check(page);
  expect(ids(r)).toEqual([OPINION]);
  expect(r.deviations.map(brief)).toEqual([]);
  expect(r.knownVariants).toEqual([]);
  expect(r.documents[0].matchRatio).toBe(1);
  expect(r.documents[0].heavilyAltered).toBe(false);
  return r;
}

describe('a faithful reprint', () => {
  it('has zero deviations and full coverage', () => {
    const r = expectFaithful(faithful());
    expect(r.documents[0].coverage).toBe(1);
    expect(r.documents[0].score).toBeGreaterThan(0.9);
    expect(r.markers).toHaveLength(23 + 9);
    for (const m of r.markers) expect(m.label).toBe(m.clause);
  });
});

describe('wording changes', () => {
  it('flags 2035→2036 in the goals of 一、 as a number change', () => {
    const page = inText('到2035年，现代化人民城市基本建成', '到2036年，现代化人民城市基本建成');
    const r = check(page);
    expect(r.deviations.map(brief)).toHaveLength(1);
    const [d] = r.deviations;
    expect(d).toMatchObject({ documentId: OPINION, clause: '一、', kind: 'substitution', number: true });
    expect(d.canonicalText).toContain('2035');
    expect(d.pageText).toContain('2036');
    expect(d.canonicalText.length).toBeLessThanOrEqual(6);
    expectOffsetsSlice(r, page);
  });

  it('flags a number change written with full-width digits (２０３６) as a number change', () => {
    const page = inText('到2035年，现代化人民城市基本建成', '到２０３６年，现代化人民城市基本建成');
    const r = check(page);
    expect(r.deviations.map((d) => [d.clause, d.kind, d.number])).toEqual([['一、', 'substitution', true]]);
    expect(r.deviations[0].pageText).toContain('６');
    expectOffsetsSlice(r, page);
  });

  it('does not flag a word change as a number change', () => {
    const page = inClause('（十四）', '严格限制超高层建筑', '严格控制超高层建筑');
    const r = check(page);
    expect(r.deviations.map((d) => [d.clause, d.kind, d.canonicalText, d.pageText, d.number])).toEqual([
      ['（十四）', 'substitution', '限制', '控制', false],
    ]);
    expectOffsetsSlice(r, page);
  });

  it('reports 推动→推进 as one whole-word substitution', () => {
    const page = inClause('（十九）', '推动城市建筑更好体现', '推进城市建筑更好体现');
    const r = check(page);
    expect(r.deviations.map((d) => [d.clause, d.kind, d.canonicalText, d.pageText])).toEqual([
      ['（十九）', 'substitution', '推动', '推进'],
    ]);
  });

  it('reports a dropped sentence (加强应急医疗物资储备。) as one omission in （十六）', () => {
    const page = inClause('（十六）', '加强应急医疗物资储备。', '');
    const r = check(page);
    expect(r.deviations.map((d) => [d.clause, d.kind, d.canonicalText, d.pageText, d.number])).toEqual([
      ['（十六）', 'omission', '加强应急医疗物资储备。', '', false],
    ]);
    expectOffsetsSlice(r, page);
  });

  /** Exactly one omission in `clause`, of `sentence` (its full stop may slide to either end). */
  function expectDroppedSentence(clause: string, sentence: string): void {
    const page = inClause(clause, sentence, '');
    const r = check(page);
    expect(r.deviations.map(brief)).toHaveLength(1);
    const [d] = r.deviations;
    expect(d).toMatchObject({ clause, kind: 'omission', pageText: '', number: false });
    expect(d.canonicalText.replace(/。/g, '')).toBe(sentence.replace(/。/g, ''));
    expectOffsetsSlice(r, page);
  }

  it('reports a dropped sentence (严格限制超高层建筑，增强高空消防能力。) as one omission in （十四）', () => {
    expectDroppedSentence('（十四）', '严格限制超高层建筑，增强高空消防能力。');
  });

  it('reports a dropped sentence (加强群租房整治。) as one omission in （十四）, though the next sentence starts with the same character', () => {
    expectDroppedSentence('（十四）', '加强群租房整治。');
  });

  it('reports the dropped last sentence of （四） as an omission and leaves the label （五） alone', () => {
    expectDroppedSentence('（四）', '深化国际消费中心城市建设。');
  });

  it('reports an inserted sentence as one insertion in （十一）', () => {
    const added = '全面推广装配式建筑和超低能耗住宅。';
    const page = inClause('（十一）', '建立重点产品碳足迹标识认证制度。', '建立重点产品碳足迹标识认证制度。' + added);
    const r = check(page);
    expect(r.deviations.map(brief)).toHaveLength(1);
    const [d] = r.deviations;
    expect(d).toMatchObject({ clause: '（十一）', kind: 'insertion', canonicalText: '' });
    expect(normalize(d.pageText).text.replace(/。/g, '')).toBe(added.replace('。', ''));
    expectOffsetsSlice(r, page);
  });

  it('reports a changed word in the preamble with the empty clause label', () => {
    const page = inText('人民幸福生活的重要空间', '人民幸福生活的主要空间');
    const r = check(page);
    expect(r.deviations.map((d) => [d.clause, d.kind, d.canonicalText, d.pageText])).toEqual([['', 'substitution', '重要', '主要']]);
  });

  it('reports a change in a section’s unnumbered paragraph with the section’s label (九、)', () => {
    const page = faithful().replace('坚决反对形式主义、官僚主义', '坚决反对形式主义');
    const r = check(page);
    expect(r.deviations.map((d) => [d.clause, d.kind])).toEqual([['九、', 'omission']]);
    expect(r.deviations[0].canonicalText).toContain('官僚主义');
    expectOffsetsSlice(r, page);
  });
});

describe('whole clauses', () => {
  it('reports （十五） dropped from the middle as one omission of that clause', () => {
    const c15 = clauseByLabel(opinion(), '（十五）');
    const text = opinion().text;
    const page = TITLE + text.slice(0, c15.start) + text.slice(c15.end + 1);
    const r = check(page);
    expect(r.deviations.map(brief)).toHaveLength(1);
    const [d] = r.deviations;
    expect(d).toMatchObject({ clause: '（十五）', kind: 'omission', pageText: '' });
    // the whole clause is missing: its text (label or not) is what is reported
    expect(c15.text.endsWith(d.canonicalText)).toBe(true);
    expect(d.canonicalText.length).toBeGreaterThanOrEqual(c15.end - c15.bodyStart);
    expect(r.documents[0].coverage).toBeLessThan(1);
    expect(r.documents[0].coverage).toBeGreaterThan(0.9);
    expectOffsetsSlice(r, page);
  });

  it('reports two swapped clauses （十五）（十六） as a reordering, not omissions plus insertions', () => {
    const ps = paragraphs();
    const i15 = ps.findIndex((p) => p.startsWith('（十五）'));
    [ps[i15], ps[i15 + 1]] = [ps[i15 + 1], ps[i15]];
    const page = TITLE + ps.join('\n');
    const r = check(page);
    expect(wording(r).map(brief)).toEqual([]);
    expect(r.deviations.filter((d) => d.kind === 'marker').map(brief)).toEqual([]);
    const reorders = r.deviations.filter((d) => d.kind === 'reorder');
    expect(reorders.length).toBeGreaterThanOrEqual(1);
    expect(reorders.length).toBeLessThanOrEqual(2);
    for (const d of reorders) expect(['（十五）', '（十六）']).toContain(d.clause);
    expect(new Set(reorders.map((d) => d.clause)).size).toBe(reorders.length);
    expectOffsetsSlice(r, page);
  });

  it('reports （二十三） moved to the top as one reordering', () => {
    const ps = paragraphs();
    const i23 = ps.findIndex((p) => p.startsWith('（二十三）'));
    const [moved] = ps.splice(i23, 1);
    const page = TITLE + [moved, ...ps].join('\n');
    const r = check(page);
    expect(r.deviations.map((d) => [d.clause, d.kind])).toEqual([['（二十三）', 'reorder']]);
    expect(r.deviations[0].canonicalText).toBe(clauseByLabel(opinion(), '（二十三）').text);
    expectOffsetsSlice(r, page);
  });
});

describe('labels (marker deviations, reported apart from content)', () => {
  it('reports （十六） printed before the text of （十五） as a marker deviation of （十五）', () => {
    const page = inClause('（十五）', '（十五）', '（十六）');
    const r = check(page);
    expect(wording(r).map(brief)).toEqual([]);
    expect(r.deviations.filter((d) => d.kind === 'reorder').map(brief)).toEqual([]);
    const markers = r.deviations.filter((d) => d.kind === 'marker');
    expect(markers.map((d) => [d.clause, d.canonicalText, d.pageText])).toEqual([['（十五）', '（十五）', '（十六）']]);
    const links = r.markers.filter((m) => m.label === '（十六）');
    expect(links.map((m) => m.clause).sort()).toEqual(['（十五）', '（十六）']);
    const wrong = links.find((m) => m.clause === '（十五）')!;
    expect(wrong.pageStart).toBe(page.indexOf('（十六）'));
    expectOffsetsSlice(r, page);
  });

  it('reports labels （十五）（十六） swapped as two marker deviations', () => {
    const page = TITLE + opinion().text.replace('（十五）', '（X）').replace('（十六）', '（十五）').replace('（X）', '（十六）');
    const r = check(page);
    expect(r.deviations.map((d) => [d.clause, d.kind, d.pageText])).toEqual([
      ['（十五）', 'marker', '（十六）'],
      ['（十六）', 'marker', '（十五）'],
    ]);
    expectOffsetsSlice(r, page);
  });

  it('reports a dropped section heading (六、) as one omission of the whole heading, and leaves the label （十四） after it alone', () => {
    const page = inText('六、增强城市安全韧性\n', '');
    const r = check(page);
    expect(r.deviations.map((d) => [d.clause, d.kind, d.canonicalText, d.pageText])).toEqual([
      ['六、', 'omission', '六、增强城市安全韧性', ''],
    ]);
    expect(r.markers.some((m) => m.label === '（十四）' && m.clause === '（十四）')).toBe(true);
    expectOffsetsSlice(r, page);
  });

  it('reports a removed label as a marker deviation with empty page text', () => {
    const page = inClause('（九）', '（九）', '');
    const r = check(page);
    expect(r.deviations.map((d) => [d.clause, d.kind, d.canonicalText, d.pageText])).toEqual([['（九）', 'marker', '（九）', '']]);
    expectOffsetsSlice(r, page);
  });

  it('does not flag a label printed in another bracket style: (十四) 〔十四〕', () => {
    expectFaithful(inClause('（十四）', '（十四）', '(十四)'));
    expectFaithful(inClause('（十四）', '（十四）', '〔十四〕'));
  });
});

/** A line break every `n` characters inside each paragraph, like a newspaper column. */
const columns = (text: string, n: number): string =>
  text
    .split('\n')
    .map((p) => p.match(new RegExp(`[^]{1,${n}}`, 'g'))!.join('\n'))
    .join('\n\n');

describe('layout noise is not a deviation', () => {
  it('ASCII quotes instead of “”', () => {
    const page = faithful().replace(/[“”]/g, '"');
    expect(page).toContain('"好房子"');
    expectFaithful(page);
  });

  it('corner quotes 「」 instead of “”', () => {
    expectFaithful(faithful().replace(/“/g, '「').replace(/”/g, '」'));
  });

  it('full-width digits and letters', () => {
    const page = faithful().replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(page).toContain('２０３５');
    expectFaithful(page);
  });

  it('half-width punctuation', () => {
    const page = faithful().replace(/[，；：（）？！]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    expect(page).toContain('(十四)');
    expectFaithful(page);
  });

  it('spaces between the characters of justified lines', () => {
    const page = faithful()
      .split('\n')
      .map((p) => [...p].join(' '))
      .join('\n');
    expectFaithful(page);
  });

  it('newspaper line breaks every 13 characters', () => {
    const page = columns(faithful(), 13);
    expect(page).toContain('2\n0');
    expectFaithful(page);
  });

  it('all of these at once, in HTML-extracted text with indentation', () => {
    const page = columns(
      faithful()
        .replace(/[“”]/g, '"')
        .replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
        .replace(/[，；：]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)),
      13,
    ).replace(/\n\n/g, '\n\n　　');
    expectFaithful(page);
  });

  it('markdown headings and emphasis', () => {
    const page = faithful()
      .replace(/^([一二三四五六七八九]、)/gm, '## $1')
      .replace(/^（(.{1,3})）/gm, '**（$1）**');
    expectFaithful(page);
  });
});

describe('partial reprints and other pages', () => {
  const COMMENTARY_1 =
    '本报记者近日走访了多个城市。专家指出，房屋安全关系千家万户，今年以来各地加快推进老旧房屋排查，取得了积极成效，群众反映良好。';
  const COMMENTARY_2 = '记者了解到，多地已出台配套措施。有关负责人表示，下一步将继续完善基层治理体系，推动各项任务落地见效。';

  it('finds a news story quoting two clauses amid commentary, with no omissions and the commentary unflagged', () => {
    const c14 = clauseByLabel(opinion(), '（十四）').text;
    const c21 = clauseByLabel(opinion(), '（二十一）').text;
    const page = [
      '新华社北京8月28日电 中共中央、国务院近日印发《关于推动城市高质量发展的意见》。',
      COMMENTARY_1,
      '《意见》提出：',
      c14,
      COMMENTARY_2,
      '《意见》还提出：',
      c21,
      '（记者 张三）',
    ].join('\n');
    const r = check(page);
    expect(ids(r)).toEqual([OPINION]);
    expect(r.deviations.map(brief)).toEqual([]);
    const m = r.documents[0];
    expect(m.coverage).toBeLessThan(0.25);
    expect(m.matchRatio).toBe(1);
    expect(m.heavilyAltered).toBe(false);
    expect(m.clauses.map((c) => c.clauseId).sort()).toEqual(['c14', 'c21']);
    expect(r.markers.map((x) => x.clause)).toEqual(['（十四）', '（二十一）']);
  });

  it('reports a changed first word of a clause quoted in running text (not taken for text outside the quote)', () => {
    const body = clauseByLabel(opinion(), '（三）')
      .text.replace(/^（三）/, '')
      .replace('提高中小城市', '提升中小城市');
    const page = `专家说，意见明确提出：“${body}”这很重要。${COMMENTARY_2}`;
    const r = check(page);
    expect(r.deviations.map((d) => [d.clause, d.kind, d.canonicalText, d.pageText])).toEqual([['（三）', 'substitution', '提高', '提升']]);
    expectOffsetsSlice(r, page);
  });

  it('reports a changed last word of a clause quoted in running text', () => {
    const body = clauseByLabel(opinion(), '（三）')
      .text.replace(/^（三）/, '')
      .replace('人口市民化。', '人口城市化。');
    const page = `专家说，意见明确提出：“${body}”这很重要。${COMMENTARY_2}`;
    const r = check(page);
    expect(r.deviations.map((d) => [d.clause, d.kind])).toEqual([['（三）', 'substitution']]);
    expect(r.deviations[0].pageText).toContain('城市');
    expectOffsetsSlice(r, page);
  });

  it('finds a quoted clause with a changed word inside commentary, and reports only that word', () => {
    const c14 = clauseByLabel(opinion(), '（十四）').text.replace('严格限制', '适当限制');
    const c21 = clauseByLabel(opinion(), '（二十一）').text;
    const page = [COMMENTARY_1, c14, COMMENTARY_2, c21].join('\n');
    const r = check(page);
    expect(r.deviations.map((d) => [d.clause, d.kind, d.canonicalText, d.pageText])).toEqual([
      ['（十四）', 'substitution', '严格', '适当'],
    ]);
    expectOffsetsSlice(r, page);
  });

  it('matches nothing on an unrelated notice with the same numbering style and boilerplate phrases', () => {
    const page = [
      '关于做好2025年度农村公路养护工作的通知',
      '各县（市、区）交通运输局：',
      '为坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大和二十届二中、三中全会精神，坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，现就做好本年度农村公路养护工作通知如下。',
      '一、总体要求',
      '坚持以习近平新时代中国特色社会主义思想为指导，坚持和加强党的全面领导，以人民为中心的发展思想，统筹发展和安全，推动高质量发展，着力提升农村公路养护水平。',
      '二、重点任务',
      '（一）加强日常养护。各县要建立健全路况巡查制度，及时清理路面杂物，修补坑槽裂缝，保持边沟畅通。',
      '（二）推进危桥改造。对排查发现的危旧桥梁，要制定改造计划，落实资金来源，确保年底前完成改造任务。',
      '（三）提升应急能力。完善恶劣天气应急预案，储备必要的抢险物资和机械设备，确保道路安全畅通。',
      '三、保障措施',
      '（四）加强组织领导。各地区各有关部门要结合实际抓好贯彻落实，重大事项及时按程序向党中央、国务院请示报告。',
      '（五）强化资金保障。统筹用好车购税资金和地方财政资金，加强资金监管，提高资金使用效益。',
      '特此通知。',
    ].join('\n');
    const r = check(page);
    expect(r.documents).toEqual([]);
    expect(r.deviations).toEqual([]);
    expect(r.markers).toEqual([]);
  });

  it('matches nothing on 10,000 characters of unrelated Chinese text', () => {
    const unrelated001 = seed('001').slice(seed('001').indexOf('(上接第3版)'));
    const unrelated003 = seed('003').slice(0, seed('003').indexOf('材料3'));
    let page = '';
    while (page.length < 10_000) page += unrelated003 + '\n' + unrelated001 + '\n';
    page = page.slice(0, 10_000);
    const r = check(page);
    expect(r.documents).toEqual([]);
    expect(r.deviations).toEqual([]);
    expect(r.markers).toEqual([]);
  });

  it('matches nothing on an empty page', () => {
    const r = check('');
    expect(r).toMatchObject({ schema: 2, documents: [], markers: [], deviations: [], knownVariants: [] });
  });

  it('matches nothing on a page in English', () => {
    const page =
      'The State Council issued an opinion on promoting high-quality urban development. '.repeat(40) +
      '\n1. Overall requirements\n2. Optimize the modern urban system\n(1) Promote city clusters.';
    const r = check(page);
    expect(r.documents).toEqual([]);
    expect(r.deviations).toEqual([]);
  });

  it('ignores a numbered list in the page chrome around a faithful reprint', () => {
    const chrome = '1、首页\n2、要闻\n3、政策\n（一）热点\n（二）专题\n';
    const page = chrome + faithful() + '\n1、关于我们\n2、联系我们\n①版权声明';
    const r = expectFaithful(page);
    for (const m of r.markers) expect(m.pageStart).toBeGreaterThanOrEqual(chrome.length);
  });

  it('finds both documents on a page that reprints both', () => {
    const page = faithful() + '\n\n相关阅读\n\n' + plan().text;
    const r = check(page);
    expect(ids(r).sort()).toEqual([PLAN, OPINION].sort());
    expect(r.deviations.map(brief)).toEqual([]);
    for (const m of r.documents) expect(m.coverage).toBeGreaterThan(0.99);
    const opinionEnd = faithful().length;
    for (const c of r.documents.find((d) => d.id === OPINION)!.clauses) expect(c.pageEnd).toBeLessThanOrEqual(opinionEnd);
    for (const c of r.documents.find((d) => d.id === PLAN)!.clauses) expect(c.pageStart).toBeGreaterThan(opinionEnd);
  });

  it('reports a number change in the 2022 Plan against the Plan', () => {
    const c1 = clauseByLabel(plan(), '（一）');
    const m = /[0-9]+(\.[0-9]+)?%/.exec(c1.text)!;
    const changed = m[0].replace(/[0-9]$|[0-9](?=%)/, (x) => String((Number(x) + 1) % 10));
    const page = plan().text.slice(0, c1.start) + c1.text.replace(m[0], changed) + plan().text.slice(c1.end);
    const r = check(page);
    expect(ids(r)).toEqual([PLAN]);
    expect(r.deviations.map((d) => [d.documentId, d.clause, d.kind, d.number])).toEqual([[PLAN, '（一）', 'substitution', true]]);
    expectOffsetsSlice(r, page);
  });
});
