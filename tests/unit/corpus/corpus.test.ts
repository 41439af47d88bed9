import { describe, expect, it } from 'vitest';
import { buildCorpus, parseBoilerplate } from '../../../src/core/corpus/build';
import { CorpusSourceError, parseCorpusSource } from '../../../src/core/corpus/source';
import { clauseAt, numberedClauses, type CanonicalDocument } from '../../../src/core/corpus/corpus';
import { chineseNumeral } from '../../../src/core/text/markers';
import { boilerplate, clauseByLabel, corpusSources, opinion, plan, testCorpus } from '../corpus-fixture';

const cnLabels = (n: number) => Array.from({ length: n }, (_, i) => `（${chineseNumeral(i + 1)}）`);
const sectionLabels = (n: number) => Array.from({ length: n }, (_, i) => `${chineseNumeral(i + 1)}、`);

/** Structural invariants every canonical document must satisfy. */
function expectWellFormed(d: CanonicalDocument): void {
  let previousEnd = -1;
  for (const c of d.clauses) {
    expect(d.text.slice(c.start, c.end), c.id).toBe(c.text);
    expect(c.text.startsWith(c.label), c.id).toBe(true);
    expect(c.bodyStart, c.id).toBe(c.start + c.label.length);
    expect(c.start, c.id).toBeGreaterThan(previousEnd);
    previousEnd = c.end;
    // a clause never swallows the next one's label
    expect(c.text.includes('\n（'), c.id).toBe(false);
  }
  for (const s of d.sections) {
    expect(s.clauseIds.length, s.id).toBeGreaterThan(0);
    for (const id of s.clauseIds) {
      const c = d.clauses.find((x) => x.id === id)!;
      expect(c.section, id).toBe(s.label);
      expect(c.start >= s.start && c.end <= s.end, id).toBe(true);
    }
  }
  // every clause is in exactly one section
  expect(d.sections.flatMap((s) => s.clauseIds).sort()).toEqual(d.clauses.map((c) => c.id).sort());
}

describe('the 2025 Opinion (corpus/urban-opinion-2025.txt)', () => {
  it('has a preamble and nine sections 一、…九、', () => {
    const d = opinion();
    expect(d.sections[0]).toMatchObject({ id: 's0', label: '' });
    expect(d.sections.slice(1).map((s) => s.label)).toEqual(sectionLabels(9));
    expect(d.sections.slice(1).map((s) => s.heading)).toEqual([
      '总体要求', '优化现代化城市体系', '培育壮大城市发展新动能', '营造高品质城市生活空间', '推动城市发展绿色低碳转型',
      '增强城市安全韧性', '促进城市文化繁荣发展', '提升城市治理能力水平', '加强组织实施',
    ]);
  });

  it('opens with the preamble paragraph 城市是现代化建设的重要载体…', () => {
    const d = opinion();
    const preamble = d.clauses[0];
    expect(preamble).toMatchObject({ id: 's0p1', kind: 'paragraph', label: '', section: '' });
    expect(preamble.text.startsWith('城市是现代化建设的重要载体')).toBe(true);
    expect(preamble.text.endsWith('现提出如下意见。')).toBe(true);
  });

  it('has 23 numbered clauses （一）…（二十三） in order', () => {
    const numbered = numberedClauses(opinion());
    expect(numbered.map((c) => c.label)).toEqual(cnLabels(23));
    expect(numbered.map((c) => c.id)).toEqual(Array.from({ length: 23 }, (_, i) => `c${i + 1}`));
  });

  it('puts each numbered clause in its section: （十四）–（十七） in 六、', () => {
    const d = opinion();
    expect(d.sections[6].clauseIds).toEqual(['s6h', 'c14', 'c15', 'c16', 'c17']);
    expect(clauseByLabel(d, '（十四）').section).toBe('六、');
    expect(clauseByLabel(d, '（二十三）').section).toBe('八、');
  });

  it('keeps section 九 as an unnumbered paragraph under its heading', () => {
    const d = opinion();
    expect(d.sections[9].clauseIds).toEqual(['s9h', 's9p1']);
    const p = d.clauses.find((c) => c.id === 's9p1')!;
    expect(p).toMatchObject({ kind: 'paragraph', label: '', section: '九、' });
    expect(p.text.startsWith('坚持和加强党中央对城市工作的集中统一领导')).toBe(true);
  });

  it('has stable clause ids, derived from the document structure', () => {
    expect(opinion().clauses.map((c) => c.id)).toEqual([
      's0p1', 's1h', 's1p1', 's1p2', 's1p3', 's2h', 'c1', 'c2', 'c3', 's3h', 'c4', 'c5', 'c6', 'c7',
      's4h', 'c8', 'c9', 'c10', 's5h', 'c11', 'c12', 'c13', 's6h', 'c14', 'c15', 'c16', 'c17',
      's7h', 'c18', 'c19', 'c20', 's8h', 'c21', 'c22', 'c23', 's9h', 's9p1',
    ]);
  });

  it('adopts the print edition reading in （十七） and records 003’s as a variant', () => {
    const d = opinion();
    expect(clauseByLabel(d, '（十七）').text).toContain('预留防灾救灾弹性空间');
    expect(d.text).not.toContain('预留防灾减灾弹性空间');
    expect(d.variants).toEqual([
      expect.objectContaining({ clause: '（十七）', adopted: '预留防灾救灾弹性空间', rejected: '预留防灾减灾弹性空间', rejectedBy: '003' }),
    ]);
    expect(d.witnesses.map((w) => w.id).sort()).toEqual(['000', '003']);
  });

  it('carries its metadata', () => {
    expect(opinion()).toMatchObject({
      id: 'urban-opinion-2025',
      title: '中共中央 国务院关于推动城市高质量发展的意见',
      date: '2025-08-15',
      number: '',
    });
  });

  it('is well formed: offsets slice to the clause text, clauses in order inside their sections', () => {
    expectWellFormed(opinion());
  });
});

describe('the 2022 Plan (corpus/urbanization-plan-2022.txt)', () => {
  it('has eight sections 一、…八、 after its preamble', () => {
    const d = plan();
    expect(d.sections[0].label).toBe('');
    expect(d.sections.slice(1).map((s) => s.label)).toEqual(sectionLabels(8));
  });

  it('has 52 numbered clauses （一）…（五十二） in order', () => {
    expect(numberedClauses(plan()).map((c) => c.label)).toEqual(cnLabels(52));
  });

  it('restores section 四 that seed 004 ran into the end of （十二）', () => {
    const d = plan();
    expect(d.sections[4]).toMatchObject({ label: '四、', heading: '优化城镇化空间布局和形态' });
    expect(clauseByLabel(d, '（十二）').text).not.toContain('优化城镇化空间布局和形态');
    expect(clauseByLabel(d, '（十二）').section).toBe('三、');
    expect(clauseByLabel(d, '（十三）').section).toBe('四、');
    expect(d.sections[4].clauseIds.slice(0, 3)).toEqual(['s4h', 's4p1', 'c13']);
  });

  it('leaves out the reprinting website’s lead paragraph', () => {
    expect(plan().text).not.toContain('炉具网');
    expect(plan().clauses[0].text).toBe('发改规划〔2022〕960号');
  });

  it('carries its metadata', () => {
    expect(plan()).toMatchObject({ id: 'urbanization-plan-2022', number: '发改规划〔2022〕960号', date: '2022-06-21' });
  });

  it('is well formed: offsets slice to the clause text, clauses in order inside their sections', () => {
    expectWellFormed(plan());
  });
});

describe('canonical text', () => {
  it.each(['urban-opinion-2025', 'urbanization-plan-2022'])('%s uses full-width Chinese punctuation only', (id) => {
    const d = testCorpus().documents.find((x) => x.id === id)!;
    expect(d.text).not.toMatch(/[,;:?!()"']/);
    expect(d.text).not.toMatch(/[０-９Ａ-Ｚａ-ｚ]/);
  });

  it.each(['urban-opinion-2025', 'urbanization-plan-2022'])('%s has one paragraph per line, no stray whitespace', (id) => {
    const d = testCorpus().documents.find((x) => x.id === id)!;
    expect(d.text).not.toMatch(/[ \t\u3000\u00a0]|\n\n|^\n|\n$/);
    expect(d.text).not.toMatch(/[#*]/);
  });

  it('finds the clause at a canonical offset', () => {
    const d = opinion();
    const c14 = clauseByLabel(d, '（十四）');
    expect(clauseAt(d, c14.start)?.id).toBe('c14');
    expect(clauseAt(d, c14.end - 1)?.id).toBe('c14');
    expect(clauseAt(d, c14.end)).toBeUndefined(); // the line break between clauses
  });
});

describe('buildCorpus', () => {
  it('builds the same corpus every time (ids, offsets, fingerprints)', () => {
    const again = buildCorpus(corpusSources(), boilerplate());
    expect(again).toEqual(testCorpus());
  });

  it('precomputes fingerprints per document and a stop list from the boilerplate', () => {
    const { fingerprints, documents } = testCorpus();
    expect(fingerprints.documents).toHaveLength(documents.length);
    for (const f of fingerprints.documents) {
      expect(f.length).toBeGreaterThan(100);
      expect([...f].sort((a, b) => a - b)).toEqual(f);
      for (const h of f) expect(fingerprints.stop).not.toContain(h);
    }
    expect(fingerprints.stop.length).toBeGreaterThan(0);
  });

  it('reads the boilerplate list without comments and blank lines', () => {
    expect(parseBoilerplate('# comment\n坚持稳中求进工作总基调\n\n  中国式现代化  \n')).toEqual(['坚持稳中求进工作总基调', '中国式现代化']);
    expect(boilerplate()).toContain('坚持以习近平新时代中国特色社会主义思想为指导');
  });

  it('rejects two sources with the same id, naming both files', () => {
    const [src] = corpusSources();
    expect(() => buildCorpus([src, { file: 'corpus/copy.txt', text: src.text }])).toThrow(/corpus\/copy\.txt.*also used by corpus\//);
  });
});

describe('corpus source errors name the file, the line and the reason', () => {
  const HEADER = [
    'id: test-doc',
    'title: 测试文件',
    'issuer: 测试机关',
    'date: 2025-01-01',
    'publisher: 测试',
    'collation: 测试',
    'witness: w1 | 见证',
  ];
  const source = (header: string[], body: string[]) => [...header, '---', ...body].join('\n');
  const GOOD_BODY = ['序言。', '一、总体要求', '（一）第一条内容。', '（二）第二条内容。', '二、组织实施', '各地要抓好落实。'];

  function errorOf(text: string, file = 'corpus/test.txt'): CorpusSourceError {
    try {
      parseCorpusSource(file, text);
    } catch (e) {
      expect(e).toBeInstanceOf(CorpusSourceError);
      return e as CorpusSourceError;
    }
    throw new Error('expected a CorpusSourceError');
  }

  it('parses a minimal well-formed source', () => {
    const d = parseCorpusSource('corpus/test.txt', source(HEADER, GOOD_BODY));
    expect(d.clauses.map((c) => c.id)).toEqual(['s0p1', 's1h', 'c1', 'c2', 's2h', 's2p1']);
    expect(d.text).toBe(GOOD_BODY.join('\n'));
  });

  it('a clause out of sequence: the line of the clause', () => {
    const e = errorOf(source(HEADER, ['一、总体要求', '（一）第一条。', '（三）第三条。']));
    expect(e.file).toBe('corpus/test.txt');
    expect(e.line).toBe(HEADER.length + 1 + 3);
    expect(e.reason).toMatch(/（三）.*out of sequence.*expected clause 2/);
    expect(e.message).toBe(`corpus/test.txt:${HEADER.length + 4}: ${e.reason}`);
  });

  it('a section out of sequence', () => {
    const e = errorOf(source(HEADER, ['一、总体要求', '（一）内容。', '三、组织实施']));
    expect(e.line).toBe(HEADER.length + 4);
    expect(e.reason).toMatch(/三、.*out of sequence.*expected section 2/);
  });

  it('a numbered clause before the first section', () => {
    const e = errorOf(source(HEADER, ['序言。', '（一）内容。']));
    expect(e.line).toBe(HEADER.length + 3);
    expect(e.reason).toMatch(/before the first section/);
  });

  it('stray whitespace inside a paragraph', () => {
    const e = errorOf(source(HEADER, ['一、总体要求', '（一）内容  内容。']));
    expect(e.line).toBe(HEADER.length + 3);
    expect(e.reason).toMatch(/stray whitespace/);
    expect(errorOf(source(HEADER, ['一、总体要求', '（一）内容\t内容。'])).reason).toMatch(/stray whitespace/);
  });

  it('a header without its closing --- line', () => {
    const e = errorOf(HEADER.join('\n'));
    expect(e.line).toBe(HEADER.length);
    expect(e.reason).toMatch(/no "---"/);
  });

  it('a missing required header key: the --- line', () => {
    const e = errorOf(source(HEADER.filter((l) => !l.startsWith('date:')), GOOD_BODY));
    expect(e.line).toBe(HEADER.length);
    expect(e.reason).toMatch(/missing "date"/);
  });

  it('an unknown header key', () => {
    const e = errorOf(source([...HEADER.slice(0, 2), 'author: 某人', ...HEADER.slice(2)], GOOD_BODY));
    expect(e.line).toBe(3);
    expect(e.reason).toMatch(/unknown header key "author"/);
  });

  it('a header line that is not key: value', () => {
    const e = errorOf(source([...HEADER, '这不是键值'], GOOD_BODY));
    expect(e.line).toBe(HEADER.length + 1);
    expect(e.reason).toMatch(/expected "key: value"/);
  });

  it('a header key given twice', () => {
    const e = errorOf(source([...HEADER, 'title: 又一个标题'], GOOD_BODY));
    expect(e.line).toBe(HEADER.length + 1);
    expect(e.reason).toMatch(/"title" given twice/);
  });

  it('a malformed id or date', () => {
    expect(errorOf(source(['id: Test_Doc', ...HEADER.slice(1)], GOOD_BODY)).reason).toMatch(/id "Test_Doc"/);
    expect(errorOf(source([...HEADER.slice(0, 3), 'date: 2025年1月1日', ...HEADER.slice(4)], GOOD_BODY)).reason).toMatch(
      /date .*YYYY-MM-DD/,
    );
  });

  it('a variant naming an unknown witness, or with the wrong number of fields', () => {
    const bad = errorOf(source([...HEADER, 'variant: （一） | 甲 | 乙 | w9 | 注'], GOOD_BODY));
    expect(bad.line).toBe(HEADER.length + 1);
    expect(bad.reason).toMatch(/unknown witness "w9"/);
    expect(errorOf(source([...HEADER, 'variant: （一） | 甲 | 乙'], GOOD_BODY)).reason).toMatch(/variant needs/);
    expect(errorOf(source([...HEADER, 'witness: w2'], GOOD_BODY)).reason).toMatch(/witness needs/);
  });

  it('a document with no text', () => {
    expect(errorOf(source(HEADER, ['', ''])).reason).toMatch(/no text/);
  });

  it('counts lines the way an editor does, also with CRLF line ends', () => {
    const e = errorOf(source(HEADER, ['一、总体要求', '（一）第一条。', '（三）第三条。']).replace(/\n/g, '\r\n'));
    expect(e.line).toBe(HEADER.length + 4);
  });

  it('buildCorpus passes the error through with the source’s file name', () => {
    expect(() => buildCorpus([{ file: 'corpus/broken.txt', text: source(HEADER, ['（一）内容。']) }])).toThrow(
      /^corpus\/broken\.txt:\d+: .*before the first section/,
    );
  });
});
