/**
 * The engine on pages that do not reprint a document whole: how the report
 * says what the page is (relation, parts, passages), and that its warnings
 * are only about what the page reproduces.
 */
import { describe, expect, it } from 'vitest';
import { OPINION, PLAN, brief, check, clauseByLabel, expectOffsetsSlice, opinion, plan } from '../corpus-fixture';

/** The body of a clause (without its label), split into sentences (each keeps its `。`). */
function sentences(label: string, d = plan()): string[] {
  const c = clauseByLabel(d, label);
  const body = d.text.slice(c.bodyStart, c.end);
  return body.split(/(?<=。)/).filter(Boolean);
}

describe('a story quoting （三十二） of the Plan', () => {
  const s = sentences('（三十二）');

  it('quoted whole with its label: a quotation, word for word, no warnings', () => {
    const page = [
      '本报讯 近日，国家发展改革委印发《“十四五”新型城镇化实施方案》。方案在推进新型城市建设方面提出了明确要求。',
      `方案第（三十二）条指出：“${s.join('')}”`,
      '业内人士认为，这意味着智慧城市建设将从试点走向全面推广。某市大数据局负责人表示，该市将以此为契机，让群众办事更方便。',
    ].join('\n');
    const r = check(page);
    expect(r.documents.map((d) => [d.id, d.relation, d.matchRatio, d.heavilyAltered])).toEqual([[PLAN, 'quotation', 1, false]]);
    expect(r.deviations.map(brief)).toEqual([]);
    expect(r.documents[0].parts.printed).toEqual(['五、']);
  });

  it('quoted in pieces between the story’s own sentences: no omission, no insertion, each piece a passage', () => {
    const page = [
      '智慧城市建设迎来新机遇',
      '近日，国家发展改革委印发《“十四五”新型城镇化实施方案》（以下简称《方案》）。在“推进智慧化改造”部分，《方案》提出，“' + s[1] + '”',
      '“网络是基础，数据是关键。”某研究院专家王某在接受采访时说，城市数据大脑并不是一个新概念，此前已有多个城市试点。',
      `《方案》还要求，“${s[2]}${s[3]}”这被业内视为数字政府建设的又一信号。`,
      `此外，《方案》提出，“${s[5]}”`,
      '专家认为，随着相关政策落地，智慧城市相关产业有望迎来新一轮增长。（记者 赵六）',
    ].join('\n');
    const r = check(page);
    expect(r.deviations.map(brief)).toEqual([]);
    const m = r.documents[0];
    expect(m).toMatchObject({ id: PLAN, relation: 'quotation', matchRatio: 1, heavilyAltered: false });
    const quoted = m.passages.map((p) => page.slice(p.pageStart, p.pageEnd));
    expect(quoted).toEqual([s[1], s[2] + s[3], s[5]]);
    for (const p of m.passages) expect(plan().text.slice(p.canonicalStart, p.canonicalEnd)).toBe(page.slice(p.pageStart, p.pageEnd));
  });

  it('still reports a changed word inside the quote (县城→县域) as a substitution', () => {
    const quote = s.join('').replace('确保覆盖所有城市及县城', '确保覆盖所有城市及县域');
    const page = `据报道，方案第（三十二）条指出：“${quote}”业内人士认为，这意味着智慧城市建设将从试点走向全面推广。`;
    const r = check(page);
    expect(r.deviations.map((d) => [d.clause, d.kind, d.canonicalText, d.pageText])).toEqual([
      ['（三十二）', 'substitution', '县城', '县域'],
    ]);
    expectOffsetsSlice(r, page);
  });
});

describe('the report says what the page is', () => {
  it('a whole reprint is a reprint that leaves nothing out', () => {
    const r = check(opinion().text);
    expect(r.documents[0]).toMatchObject({ id: OPINION, relation: 'reprint', parts: { leftOut: [] } });
    expect(r.documents[0].passages.length).toBeGreaterThan(30);
  });
});
