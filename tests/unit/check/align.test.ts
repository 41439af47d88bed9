/**
 * Alignment (src/core/check/align.ts): each canonical clause is placed on
 * the page by the landmarks it shares with it, never by the page's labels,
 * so missing, renumbered or reordered clauses and quotations amid
 * commentary need no special case.
 */
import { describe, expect, it } from 'vitest';
import { placeClauses, type Placement } from '../../../src/core/check/align';
import { prepareDocument, preparePage, type PreparedDocument } from '../../../src/core/check/prepare';
import { clauseByLabel, opinion } from '../corpus-fixture';

const prepared = (): PreparedDocument => prepareDocument(opinion());

function place(page: string): { placements: Placement[]; ids: string[] } {
  const placements = placeClauses(prepared(), preparePage(page));
  return { placements, ids: placements.map((p) => opinion().clauses[p.clause].id) };
}

const body = (label: string): string => {
  const c = clauseByLabel(opinion(), label);
  return opinion().text.slice(c.bodyStart, c.end);
};

describe('placeClauses', () => {
  it('places every numbered clause of a faithful reprint, in the document’s order', () => {
    const { placements } = place(opinion().text);
    const numbered = opinion().clauses.filter((c) => c.kind === 'numbered').length;
    expect(numbered).toBeGreaterThan(20);
    expect(placements.filter((p) => opinion().clauses[p.clause].kind === 'numbered')).toHaveLength(numbered);
    const starts = placements.map((p) => p.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('places clauses by their text, not their labels: markers stripped and two clauses swapped', () => {
    const page = `${body('（十五）')}\n\n${body('（四）')}`;
    const { placements, ids } = place(page);
    const four = clauseByLabel(opinion(), '（四）').id;
    const fifteen = clauseByLabel(opinion(), '（十五）').id;
    expect(ids).toEqual(expect.arrayContaining([four, fifteen]));
    const at = (id: string) => placements.find((p) => opinion().clauses[p.clause].id === id)!;
    expect(at(fifteen).start).toBeLessThan(at(four).start);
    expect(at(four).marker).toBeUndefined();
  });

  it('a quotation in a story: only the quoted clause is placed, inside the story', () => {
    const before = '记者从有关部门获悉，文件对城市工作作出部署。文件提出：';
    const page = `${before}“${body('（四）')}”业内人士表示，这为下一步工作指明了方向。`;
    const { placements, ids } = place(page);
    expect(ids).toEqual([clauseByLabel(opinion(), '（四）').id]);
    expect(placements[0].start).toBeGreaterThanOrEqual(before.length);
    expect(placements[0].support).toBeGreaterThan(0);
  });

  it('places nothing on a page that shares no text with the document', () => {
    expect(place('今天天气晴朗，气温适宜，市民纷纷走出家门，到公园散步、赏花、放风筝，享受春日时光。').placements).toEqual([]);
  });
});
