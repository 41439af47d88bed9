/**
 * classifyRelation on small document shapes: which runs of clauses a page
 * prints decides whether it reprints, excerpts or quotes the document.
 */
import { describe, expect, it } from 'vitest';
import { classifyRelation, shapeOf, type DocumentShape } from '../../../src/core/check/relation';

/** A preamble and three parts: heading + three clauses each (13 clauses of length 100). */
const shape: DocumentShape = {
  parts: ['', '一、', '二、', '三、'],
  partOf: [0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3],
  lengths: Array(13).fill(100),
};
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('classifyRelation', () => {
  it('calls a page printing every clause in one run a reprint, leaving out nothing', () => {
    const all = range(0, 12);
    expect(classifyRelation(shape, [all], all)).toEqual({ relation: 'reprint', printed: ['', '一、', '二、', '三、'], leftOut: [] });
  });

  it('still calls it a reprint when one clause is missing from the middle (that clause is an omission)', () => {
    const placed = range(0, 12).filter((c) => c !== 6);
    expect(classifyRelation(shape, [range(0, 5), range(7, 12)], placed).relation).toBe('reprint');
  });

  it('calls a copy that prints parts 一 and 三 only an excerpt, and names the part it leaves out', () => {
    const placed = [...range(1, 4), ...range(9, 12)];
    expect(classifyRelation(shape, [placed], placed)).toEqual({ relation: 'excerpt', printed: ['一、', '三、'], leftOut: ['', '二、'] });
  });

  it('calls a preview cut off in part 二 an excerpt', () => {
    const placed = range(0, 6);
    expect(classifyRelation(shape, [placed], placed)).toMatchObject({ relation: 'excerpt', leftOut: ['三、'] });
  });

  it('calls two clauses quoted apart a quotation', () => {
    expect(classifyRelation(shape, [[3], [10]], [3, 10])).toEqual({
      relation: 'quotation',
      printed: ['一、', '三、'],
      leftOut: ['', '二、'],
    });
  });

  it('calls two adjacent clauses quoted together a quotation, not a copy of the document', () => {
    expect(classifyRelation(shape, [[2, 3]], [2, 3]).relation).toBe('quotation');
  });
});

describe('shapeOf', () => {
  it('maps each clause to its part and length', () => {
    const s = shapeOf({
      sections: [
        { label: '', clauseIds: ['s0p1'] },
        { label: '一、', clauseIds: ['s1h', 'c1'] },
      ],
      clauses: [
        { id: 's0p1', start: 0, end: 10 },
        { id: 's1h', start: 11, end: 17 },
        { id: 'c1', start: 18, end: 60 },
      ],
    });
    expect(s).toEqual({ parts: ['', '一、'], partOf: [0, 1, 1], lengths: [10, 6, 42] });
  });
});
