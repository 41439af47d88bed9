/**
 * Comparison (src/core/check/compare.ts): the words of each placed clause
 * against the canonical clause, deviations classified (substitution,
 * insertion, omission) at the clause and words where they are, and layout
 * noise (spaces between characters, full-width forms, line breaks) never a
 * deviation.
 */
import { describe, expect, it } from 'vitest';
import { placeClauses } from '../../../src/core/check/align';
import { compareDocument, type Comparison } from '../../../src/core/check/compare';
import { prepareDocument, preparePage, type PreparedDocument, type PreparedPage } from '../../../src/core/check/prepare';
import { clauseByLabel, opinion } from '../corpus-fixture';

const FOUR = '（四）';

function body(label: string): string {
  const c = clauseByLabel(opinion(), label);
  return opinion().text.slice(c.bodyStart, c.end);
}

function compare(pageText: string): { comparison: Comparison; doc: PreparedDocument; page: PreparedPage } {
  const doc = prepareDocument(opinion());
  const page = preparePage(pageText);
  return { comparison: compareDocument(doc, page, placeClauses(doc, page)), doc, page };
}

/** Each deviation as `kind clause: canonical → page`, in normalized text. */
function described(pageText: string): string[] {
  const { comparison, doc, page } = compare(pageText);
  return comparison.deviations.map((d) => {
    const label = opinion().clauses[d.clause].label;
    return `${d.kind} ${label}: ${doc.norm.text.slice(d.canonicalStart, d.canonicalEnd)} → ${page.norm.text.slice(d.pageStart, d.pageEnd)}`;
  });
}

describe('compareDocument', () => {
  it('a clause reproduced word for word: no deviation, and the whole clause counted as reproduced', () => {
    const { comparison } = compare(`${FOUR}${body(FOUR)}`);
    expect(comparison.deviations).toEqual([]);
    expect(comparison.clauses).toHaveLength(1);
    expect(comparison.clauses[0].passages).toHaveLength(1);
  });

  it('layout noise is not a deviation: spaces between characters, a line break inside a sentence', () => {
    const spaced = body(FOUR).replace('因城施策', '因 城 施 策').replace('激发创新', '激发\n创新');
    expect(described(`${FOUR}${spaced}`)).toEqual([]);
  });

  it('a word changed is a substitution at that clause, with the two words', () => {
    expect(described(`${FOUR}${body(FOUR).replace('培育壮大先进制造业集群', '培育壮大优势制造业集群')}`)).toEqual([
      `substitution ${FOUR}: 先进 → 优势`,
    ]);
  });

  it('words left out are an omission, words added an insertion', () => {
    expect(described(`${FOUR}${body(FOUR).replace('冰雪经济、', '')}`)).toEqual([`omission ${FOUR}: 冰雪经济、 → `]);
    expect(described(`${FOUR}${body(FOUR).replace('大力发展生产性服务业', '大力发展现代生产性服务业')}`)).toEqual([
      `insertion ${FOUR}:  → 现代`,
    ]);
  });
});
