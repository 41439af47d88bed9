/**
 * The engine on the real seed texts (tests/fixtures/seeds, see its README).
 * 001 was collated by hand against corpus/urban-opinion-2025.txt: the table
 * below lists every wording change it makes, and nothing else may be reported.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { clauseAt } from '../../../src/core/corpus/corpus';
import { normalize } from '../../../src/core/text/normalize';
import type { Deviation, Report } from '../../../src/core/check/report';
import { OPINION, PLAN, brief, check, expectOffsetsSlice, locate, opinion, seed, wording } from '../corpus-fixture';

const ids = (r: Report) => r.documents.map((d) => d.id);
const docMatch = (r: Report, id: string) => r.documents.find((d) => d.id === id)!;

describe('seed 000: the print edition (column breaks, spaced characters, jump line)', () => {
  const page = seed('000');
  let report: Report;
  beforeAll(() => {
    report = check(page);
  });

  it('is identified as the 2025 Opinion, and only as that', () => {
    expect(ids(report)).toEqual([OPINION]);
    expect(report.documents[0].title).toBe('中共中央 国务院关于推动城市高质量发展的意见');
  });

  it('has zero deviations: it is the authoritative witness', () => {
    expect(report.deviations.map(brief)).toEqual([]);
    expect(report.knownVariants).toEqual([]);
  });

  it('reprints the text word for word from the middle of （三） to the end', () => {
    const m = docMatch(report, OPINION);
    expect(m.matchRatio).toBe(1);
    expect(m.heavilyAltered).toBe(false);
    expect(m.topSubstitutions).toEqual([]);
    const aligned = new Set(m.clauses.map((c) => c.clauseId));
    for (let i = 4; i <= 23; i++) expect(aligned, `c${i}`).toContain(`c${i}`);
    expect(aligned).toContain('s9p1');
    expect(aligned).not.toContain('c1');
    expect(aligned).not.toContain('s0p1');
    expect(m.coverage).toBeGreaterThan(0.6);
    expect(m.coverage).toBeLessThan(0.95);
  });

  it('links its labels to the clauses they print', () => {
    expect(report.markers.length).toBeGreaterThanOrEqual(20 + 6);
    for (const mk of report.markers) expect(normalize(mk.label).text).toBe(mk.clause);
    expectOffsetsSlice(report, page);
  });
});

describe('seed 003: the Opinion inside a study compilation', () => {
  const page = seed('003');
  const opinionStart = page.indexOf('材料3');
  let report: Report;
  beforeAll(() => {
    report = check(page);
  });

  it('finds the Opinion inside the compilation, whole', () => {
    expect(ids(report)).toEqual([OPINION]);
    const m = docMatch(report, OPINION);
    expect(m.coverage).toBeGreaterThan(0.99);
    expect(m.heavilyAltered).toBe(false);
    expect(m.clauses.every((c) => c.pageStart >= opinionStart)).toBe(true);
  });

  it('has zero deviations', () => {
    expect(report.deviations.map(brief)).toEqual([]);
  });

  it('reports its reading 减灾 in （十七） as a known variant of witness 003, not as a deviation', () => {
    expect(report.knownVariants).toHaveLength(1);
    const [v] = report.knownVariants;
    expect(v).toMatchObject({
      documentId: OPINION,
      clause: '（十七）',
      adopted: '预留防灾救灾弹性空间',
      found: '预留防灾减灾弹性空间',
      witness: '003',
    });
    const [s, e] = locate(page, '预留防灾减灾弹性空间');
    expect(v.pageStart).toBeGreaterThanOrEqual(s);
    expect(v.pageEnd).toBeLessThanOrEqual(e);
    expect(page.slice(v.pageStart, v.pageEnd)).toContain('减');
  });

  it('links nothing in the unrelated articles before 材料3, though they use the same numbering', () => {
    expect(report.markers.length).toBeGreaterThanOrEqual(32);
    for (const mk of report.markers) {
      expect(mk.pageStart).toBeGreaterThan(opinionStart);
      expect(normalize(mk.label).text).toBe(mk.clause);
    }
    expectOffsetsSlice(report, page);
  });
});

/**
 * Every wording change of seed 001, collated by hand: the clause it is in, the
 * canonical reading and the page's reading with enough context to be unique,
 * and what the change is at character level (a word-level diff may widen an
 * omission or an insertion into a substitution, never the reverse).
 */
const SEED_001_CHANGES: { clause: string; canonical: string; page: string; change: Deviation['kind'] }[] = [
  { clause: '', canonical: '快速增长期转向', page: '快速增长长期转向', change: 'insertion' },
  { clause: '（三）', canonical: '按程序稳慎优化', page: '按程序稳妥优化', change: 'substitution' },
  { clause: '（五）', canonical: '优化产权归集、', page: '优化产权归属、', change: 'substitution' },
  { clause: '（六）', canonical: '稳慎推进公用事业', page: '稳妥推进公用事业', change: 'substitution' },
  { clause: '（七）', canonical: '城市开放环境和服务，', page: '城市开放环境和服，', change: 'omission' },
  { clause: '（八）', canonical: '物业服务质量提升', page: '物业服务品质提升', change: 'substitution' },
  { clause: '（八）', canonical: '支持老旧住房自主更新', page: '支持老旧小区自主更新', change: 'substitution' },
  { clause: '（九）', canonical: '交通枢纽换乘换装设施', page: '交通枢纽换乘换乘设施', change: 'substitution' },
  { clause: '（十）', canonical: '完善灵活就业人员', page: '完善灵活就业就业人员', change: 'insertion' },
  { clause: '（十）', canonical: '新就业形态人员', page: '新业态形态人员', change: 'substitution' },
  { clause: '（十七）', canonical: '健全洪涝联排联调机制', page: '健全洪涝联防联控机制', change: 'substitution' },
  { clause: '（十七）', canonical: '统筹利用地上地下空间', page: '统筹利用地上下空间', change: 'omission' },
  { clause: '（十八）', canonical: '完善城乡历史文化', page: '完善城市历史文化', change: 'substitution' },
  { clause: '（十八）', canonical: '历史文化街区和历史地段', page: '历史文化街区 and 历史地段', change: 'substitution' },
  { clause: '（二十二）', canonical: '推动城市治理智慧化精细化', page: '推动城市治理智能化精细化', change: 'substitution' },
  { clause: '（二十二）', canonical: '加强城市建设档案管理', page: '加强城市建档案管理', change: 'omission' },
  { clause: '（二十三）', canonical: '群众广泛参与，自治', page: '群众广泛参与、自治', change: 'substitution' },
  { clause: '九、', canonical: '严肃查处违规违纪', page: '严肃查处违法违纪', change: 'substitution' },
  { clause: '九、', canonical: '国家发展改革委要会同', page: '国家发展改革委会同', change: 'omission' },
];

describe('seed 001: an altered reprint, parts out of order, an unrelated article appended', () => {
  const page = seed('001');
  const appendedAt = page.indexOf('(上接第3版)');
  const preambleAt = page.indexOf('城市是现代化建设的重要载体');
  let report: Report;
  beforeAll(() => {
    report = check(page);
  });

  it('is identified as the 2025 Opinion, whole, and only as that', () => {
    expect(ids(report)).toEqual([OPINION]);
    const m = docMatch(report, OPINION);
    expect(m.coverage).toBeGreaterThan(0.99);
    expect(m.heavilyAltered).toBe(false);
    expect(m.matchRatio).toBeGreaterThan(0.95);
  });

  it('reports 稳慎→稳妥 in （三） and in （六）', () => {
    const found = wording(report).filter((d) => d.canonicalText.includes('稳慎'));
    expect(found.map((d) => [d.clause, d.kind, d.canonicalText, d.pageText])).toEqual([
      ['（三）', 'substitution', '稳慎', '稳妥'],
      ['（六）', 'substitution', '稳慎', '稳妥'],
    ]);
  });

  it('reports the stray English "and" in （十八）', () => {
    const found = wording(report).filter((d) => d.pageText.includes('and'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ clause: '（十八）', kind: 'substitution', canonicalText: '和' });
  });

  describe.each(SEED_001_CHANGES)('reports $canonical → $page in $clause', (change) => {
    it(`as one ${change.change === 'substitution' ? 'substitution' : `${change.change} (or a word-widened substitution)`} whose offsets slice to its texts`, () => {
      const canonical = opinion().text;
      const [cs, ce] = locate(canonical, change.canonical);
      const [ps, pe] = locate(page, change.page);
      const here = wording(report).filter((d) => d.canonicalStart >= cs && d.canonicalEnd <= ce && d.pageStart >= ps && d.pageEnd <= pe);
      expect(here.map(brief)).toHaveLength(1);
      const [d] = here;
      expect(d.clause).toBe(change.clause);
      expect(d.documentId).toBe(OPINION);
      expect(d.number).toBe(false);
      expect([change.change, 'substitution']).toContain(d.kind);
      expect(canonical.slice(d.canonicalStart, d.canonicalEnd)).toBe(d.canonicalText);
      expect(page.slice(d.pageStart, d.pageEnd)).toBe(d.pageText);
      // Applying the deviation to the canonical phrase gives the page's phrase.
      const rebuilt = canonical.slice(cs, d.canonicalStart) + d.pageText + canonical.slice(d.canonicalEnd, ce);
      expect(normalize(rebuilt).text).toBe(normalize(page.slice(ps, pe)).text);
    });
  });

  it('reports nothing else: exactly the collated wording changes', () => {
    expect(wording(report)).toHaveLength(SEED_001_CHANGES.length);
    expect(report.deviations.filter((d) => d.kind === 'marker').map(brief)).toEqual([]);
    expect(report.knownVariants).toEqual([]);
  });

  it('reports the parts printed first (六–九) as reordered, one deviation per moved clause', () => {
    const d = opinion();
    const reorders = report.deviations.filter((x) => x.kind === 'reorder');
    const moved = reorders.map((x) => clauseAt(d, x.canonicalStart)!.id);
    expect(new Set(moved).size).toBe(moved.length); // one per clause
    for (const id of moved) expect(['s6', 's7', 's8', 's9'], id).toContain(sectionId(id));
    for (const id of ['c14', 'c15', 'c16', 'c17', 'c18', 'c19', 'c20', 'c21', 'c22', 'c23', 's9p1']) expect(moved).toContain(id);
    for (const x of reorders) {
      expect(x.pageEnd).toBeLessThanOrEqual(preambleAt);
      const c = clauseAt(d, x.canonicalStart)!;
      expect(x.canonicalStart).toBe(c.start);
      expect(x.canonicalEnd).toBe(c.end);
      expect(x.clause).toBe(c.kind === 'numbered' ? c.label : c.section);
    }
  });

  it('does not report the moved parts as omissions plus insertions', () => {
    for (const d of wording(report)) {
      expect(d.canonicalText.length, brief(d)).toBeLessThan(10);
      expect(d.pageText.length, brief(d)).toBeLessThan(10);
    }
  });

  it('links the page’s half-width labels (十四)… to the clauses they print', () => {
    expect(report.markers.length).toBe(23 + 9);
    for (const mk of report.markers) expect(normalize(mk.label).text).toBe(mk.clause);
  });

  it('reports nothing in the appended unrelated article, not even its (三)', () => {
    expect(appendedAt).toBeGreaterThan(0);
    for (const d of report.deviations) expect(d.pageEnd, brief(d)).toBeLessThanOrEqual(appendedAt);
    for (const mk of report.markers) expect(mk.pageEnd).toBeLessThanOrEqual(appendedAt);
    for (const c of docMatch(report, OPINION).clauses) expect(c.pageEnd).toBeLessThanOrEqual(appendedAt);
  });

  it('reports nothing in the page head and the dateline between the parts', () => {
    const firstSection = page.indexOf('六、增强城市安全韧性');
    for (const d of report.deviations) expect(d.pageStart).toBeGreaterThanOrEqual(firstSection);
    const dateline = page.indexOf('(新华社北京8月28日电)');
    for (const d of report.deviations) {
      expect(d.pageStart >= dateline && d.pageEnd <= dateline + '(新华社北京8月28日电)'.length, brief(d)).toBe(false);
    }
  });

  it('has offsets that slice the canonical text and the page to every reported text', () => {
    expectOffsetsSlice(report, page);
  });
});

function sectionId(clauseId: string): string {
  const d = opinion();
  const c = d.clauses.find((x) => x.id === clauseId)!;
  return d.sections.find((s) => s.label === c.section)!.id;
}

describe('seed 002: a spun reprint (synonyms, markers removed, sections renumbered 1、2、)', () => {
  const page = seed('002');
  let report: Report;
  beforeAll(() => {
    report = check(page);
  });

  it('is identified as the 2025 Opinion, and not as the 2022 Plan', () => {
    expect(ids(report)).toEqual([OPINION]);
  });

  it('aligns its clauses, in order, though the markers are gone', () => {
    const m = docMatch(report, OPINION);
    expect(m.coverage).toBeGreaterThan(0.9);
    const aligned = m.clauses.filter((c) => /^c\d+$/.test(c.clauseId));
    expect(aligned.map((c) => c.clauseId)).toEqual(Array.from({ length: 23 }, (_, i) => `c${i + 1}`));
    for (let i = 1; i < aligned.length; i++) expect(aligned[i].pageStart).toBeGreaterThanOrEqual(aligned[i - 1].pageEnd);
  });

  it('puts each aligned clause on the page region that rewrites it', () => {
    const m = docMatch(report, OPINION);
    const region = (id: string) => {
      const c = m.clauses.find((x) => x.clauseId === id)!;
      return page.slice(c.pageStart, c.pageEnd);
    };
    expect(region('c1')).toContain('城市群');
    expect(region('c14')).toContain('市政基础设施');
    expect(region('c23')).toContain('枫桥经验');
  });

  it('is reported as heavily altered, with 发展→进步 among the top substitutions', () => {
    const m = docMatch(report, OPINION);
    expect(m.heavilyAltered).toBe(true);
    expect(m.matchRatio).toBeLessThan(0.9);
    const pair = m.topSubstitutions.find(([a, b]) => a === '发展' && b === '进步');
    expect(pair).toBeDefined();
    expect(pair![2]).toBeGreaterThanOrEqual(10);
    for (let i = 1; i < m.topSubstitutions.length; i++) {
      expect(m.topSubstitutions[i][2]).toBeLessThanOrEqual(m.topSubstitutions[i - 1][2]);
    }
  });

  it('counts its substitutions in the summary, matching the deviations listed', () => {
    const m = docMatch(report, OPINION);
    const substitutions = report.deviations.filter((d) => d.kind === 'substitution').length;
    expect(m.deviationCounts.substitution).toBe(substitutions);
    expect(substitutions).toBeGreaterThan(200);
    expect(Object.values(m.deviationCounts).reduce((a, b) => a + b, 0)).toBe(report.deviations.length);
  });

  it('reports each removed clause marker （一）…（二十三） as a marker deviation with empty page text', () => {
    const markers = report.deviations.filter((d) => d.kind === 'marker');
    const removed = markers.filter((d) => d.pageText === '');
    expect(removed.map((d) => d.clause)).toEqual(
      opinion()
        .clauses.filter((c) => c.kind === 'numbered')
        .map((c) => c.label),
    );
    for (const d of removed) {
      expect(d.canonicalText).toBe(d.clause);
      expect(d.pageStart).toBe(d.pageEnd);
    }
  });

  it('reports the renumbered sections 1、…9、 as marker deviations', () => {
    const renumbered = report.deviations.filter((d) => d.kind === 'marker' && d.pageText !== '');
    expect(renumbered.map((d) => [d.clause, d.pageText])).toEqual(
      ['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、'].map((l, i) => [l, `${i + 1}、`]),
    );
  });

  it('reports no reordering: the spun copy keeps the order', () => {
    expect(report.deviations.filter((d) => d.kind === 'reorder').map(brief)).toEqual([]);
  });

  it('has offsets that slice the canonical text and the page to every reported text', () => {
    expectOffsetsSlice(report, page);
  });
});

describe('seed 004: the 2022 Plan reprinted by an industry website', () => {
  const page = seed('004');
  let report: Report;
  beforeAll(() => {
    report = check(page);
  });

  it('is identified as the 2022 Plan, not as an altered 2025 Opinion', () => {
    expect(ids(report)).toEqual([PLAN]);
    expect(report.deviations.filter((d) => d.documentId === OPINION)).toEqual([]);
  });

  it('reprints the Plan whole and word for word (it is the Plan’s only witness)', () => {
    const m = docMatch(report, PLAN);
    expect(m.coverage).toBeGreaterThan(0.99);
    expect(m.matchRatio).toBe(1);
    expect(wording(report).map(brief)).toEqual([]);
    expect(report.deviations.filter((d) => d.kind === 'reorder').map(brief)).toEqual([]);
  });

  it('does not flag the website’s own lead paragraph', () => {
    const lead = page.indexOf('炉具网');
    const leadEnd = page.indexOf('\n', lead);
    for (const d of report.deviations) expect(d.pageStart >= lead && d.pageEnd <= leadEnd, brief(d)).toBe(false);
    expectOffsetsSlice(report, page);
  });
});

describe('the report', () => {
  it('is schema 2 and times itself', () => {
    const r = check(seed('000'));
    expect(r.schema).toBe(2);
    expect(r.timings.totalMs).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(r.timings.totalMs)).toBe(true);
  });

  it('is the same for the same page, checked twice', () => {
    const a = check(seed('001'));
    const b = check(seed('001'));
    expect({ ...b, timings: null }).toEqual({ ...a, timings: null });
  });
});
