/**
 * Traditional-character copies: identified and compared as their simplified
 * counterparts, the conversion never a deviation, real changes shown in the
 * page's own characters at the right clauses.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/check/report';
import { PLANTED_IN_000, plantedTraditionalCopy, toTraditional, type TraditionalLocale } from '../../fixtures/traditional';
import { OPINION, PLAN, brief, check, expectOffsetsSlice, seed } from '../corpus-fixture';

describe('a faithful traditional copy', () => {
  for (const [s, documents] of [
    ['000', [OPINION]],
    ['003', [OPINION]],
    ['004', [PLAN]],
  ] as const) {
    for (const locale of ['t', 'tw', 'hk'] as TraditionalLocale[]) {
      it(`of seed ${s} (${locale}) is identified, says it is traditional and has zero deviations`, () => {
        const page = toTraditional(seed(s), locale);
        const report = check(page);
        expect(report.traditional).toBe(true);
        expect(report.documents.map((d) => d.id)).toEqual(documents);
        expect(report.deviations.map(brief)).toEqual([]);
        expect(report.documents[0].matchRatio).toBe(1);
        expectOffsetsSlice(report, page);
      });
    }
  }

  it('keeps seed 003’s documented variant reading a known variant', () => {
    const report = check(toTraditional(seed('003')));
    expect(report.knownVariants.map((v) => [v.clause, v.found])).toEqual([['（十七）', check(seed('003')).knownVariants[0].found]]);
  });

  it('gives the same report as the simplified page, offsets and all (seed 001, ~20 changes)', () => {
    const simplified = seed('001');
    const page = toTraditional(simplified, 'tw');
    const traditional = check(page);
    const expected = check(simplified);
    const samePlaces = (r: Report) => r.deviations.map((d) => [d.kind, d.clause, d.canonicalStart, d.canonicalEnd, d.pageStart, d.pageEnd]);
    expect(samePlaces(traditional)).toEqual(samePlaces(expected));
    expect(traditional.documents).toEqual(
      expected.documents.map((d) => ({ ...d, topSubstitutions: traditional.documents[0].topSubstitutions })),
    );
    expect(traditional.markers.map((m) => [m.clause, m.pageStart, m.pageEnd])).toEqual(
      expected.markers.map((m) => [m.clause, m.pageStart, m.pageEnd]),
    );
    // Shown in the page's characters: 联防联控 as 聯防聯控.
    expect(traditional.deviations.map((d) => d.pageText)).toContain('防聯控');
    expectOffsetsSlice(traditional, page);
  });

  it('reports a simplified page without the field', () => {
    expect(check(seed('000')).traditional).toBeUndefined();
  });
});

describe('a copy in Taiwan usage (OpenCC cn → twp: 資訊, 網路, 最佳化, 支援)', () => {
  for (const s of ['000', '003']) {
    it(`of seed ${s} has zero deviations: regional words for the canonical ones are not changes`, () => {
      const page = toTraditional(seed(s), 'twp');
      expect(page).toContain('最佳化');
      const report = check(page);
      expect(report.traditional).toBe(true);
      expect(report.documents.map((d) => d.id)).toEqual([OPINION]);
      expect(report.deviations.map(brief)).toEqual([]);
    });
  }
});

describe('a traditional copy of seed 000 with three planted changes', () => {
  for (const locale of ['tw', 'hk', 'twp'] as TraditionalLocale[]) {
    it(`(${locale}) has exactly those three, at their clauses, in the page’s characters`, () => {
      const page = plantedTraditionalCopy(seed('000'), locale);
      const report = check(page);
      expect(report.traditional).toBe(true);
      expect(report.documents.map((d) => d.id)).toEqual([OPINION]);
      expect(report.deviations.map(brief)).toEqual(
        PLANTED_IN_000.map((c) => `${c.clause} ${c.kind} ${c.canonical}→${toTraditional(c.page, locale)}`),
      );
      expectOffsetsSlice(report, page);
    });
  }
});
