/**
 * Print and conversion noise on real pages: jump lines and pronunciation
 * glosses are layout (no deviation); a run of mojibake is a deviation at
 * its clause and does not stop the rest of the page from being identified.
 */
import { describe, expect, it } from 'vitest';
import { OPINION, brief, check, clauseByLabel, expectOffsetsSlice, opinion } from '../corpus-fixture';

const TITLE = '中共中央 国务院关于推动城市高质量发展的意见\n（2025年8月15日）\n';

/** The faithful text with `insert` put into clause `label`, after its first occurrence of `after`. */
function withInClause(label: string, after: string, insert: string): string {
  const c = clauseByLabel(opinion(), label);
  const text = opinion().text;
  const at = text.indexOf(after, c.start);
  expect(at, `${after} in ${label}`).toBeGreaterThan(0);
  expect(at + after.length).toBeLessThan(c.end);
  return TITLE + text.slice(0, at + after.length) + insert + text.slice(at + after.length);
}

describe('newspaper jump lines', () => {
  it('a print page broken mid-clause by （下转第二版） … （上接第一版）: zero deviations', () => {
    for (const page of [
      withInClause('（十四）', '房屋', '（下转第二版）\n\n（上接第一版）'),
      withInClause('（十四）', '严格限制超高层建筑，', '\n（下转第二版）\n\n\n（ 上接第一版 ）\n'),
    ]) {
      const r = check(page);
      expect(r.documents.map((d) => [d.id, d.relation])).toEqual([[OPINION, 'reprint']]);
      expect(r.deviations.map(brief)).toEqual([]);
    }
  });

  it('bare jump lines 转第5版 and 接第5版 mid-sentence: zero deviations', () => {
    const page = withInClause('（九）', '推进', '转第5版') + '\n';
    expect(check(page).deviations.map(brief)).toEqual([]);
    expect(check(withInClause('（九）', '推进', '\n接第5版\n')).deviations.map(brief)).toEqual([]);
  });
});

describe('pronunciation glosses', () => {
  it('a reprint with pinyin after some characters (国务(wù)院, 人民(mín)) has zero deviations', () => {
    const page = (TITLE + opinion().text)
      .replace('国务院', '国务(wù)院')
      .replace(/人民城市/g, (m, at: number) => (at % 2 ? '人民(mín)城市' : '人(rén)民城市'))
      .replace('城市更新', '城(chéng)市(shì)更新');
    expect(page).toContain('(mín)');
    const r = check(page);
    expect(r.documents.map((d) => d.id)).toEqual([OPINION]);
    expect(r.deviations.map(brief)).toEqual([]);
    expect(r.documents[0].matchRatio).toBe(1);
  });

  it('still reports a changed word next to a gloss, with offsets into the page as printed', () => {
    const page = withInClause('（十四）', '严格', '').replace('严格限制超高层建筑', '严格控(kòng)制超高层建筑');
    const r = check(page);
    expect(r.deviations.map((d) => [d.clause, d.kind, d.canonicalText])).toEqual([['（十四）', 'substitution', '限制']]);
    expect(r.deviations[0].pageText).toContain('控');
    expectOffsetsSlice(r, page);
  });
});

describe('mojibake', () => {
  it('is a deviation at its clause, and the rest of the page is identified and faithful', () => {
    // 加强群租房整治。 as UTF-8 bytes read as GBK.
    const garbled = '鍔犲己缇ょ�熸埧鏁存不銆�';
    const page = TITLE + opinion().text.replace('加强群租房整治。', garbled);
    const r = check(page);
    expect(r.documents.map((d) => [d.id, d.relation, d.heavilyAltered])).toEqual([[OPINION, 'reprint', false]]);
    expect(r.deviations.map((d) => d.clause)).toEqual(['（十四）']);
    expect(r.deviations[0].pageText).toContain('鍔犲己');
    expectOffsetsSlice(r, page);
  });

  it('a page whose first half is garbled is still identified from its second half', () => {
    const text = opinion().text;
    const half = clauseByLabel(opinion(), '五、').start;
    const garbled = Array.from(text.slice(0, half), (ch, i) =>
      /[\u4e00-\u9fff]/.test(ch) ? String.fromCharCode(0x9400 + (i % 200)) : ch,
    ).join('');
    const r = check(garbled + text.slice(half));
    expect(r.documents.map((d) => d.id)).toEqual([OPINION]);
    expect(r.documents[0].relation).toBe('excerpt');
    expect(r.documents[0].parts.printed).toEqual(['五、', '六、', '七、', '八、', '九、']);
    expect(r.deviations.map(brief)).toEqual([]);
  });
});
