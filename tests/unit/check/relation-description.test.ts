/**
 * What the badge, the popup's verdict and the in-page summary count: the
 * changed words, not the clauses a copy prints out of order.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../src/cli/read-page';
import { changesInReport, describeRelation } from '../../../src/core/check/relation-description';
import { check } from '../corpus-fixture';

const altered = check(readPage(resolve(import.meta.dirname, '../../fixtures/pages/altered-reprint.html')));

describe('the changes a reprint has', () => {
  it('leaves out reorders: a moved clause is one note, not a red count', () => {
    const reorders = altered.deviations.filter((d) => d.kind === 'reorder').length;
    expect(reorders).toBeGreaterThan(0);
    expect(changesInReport(altered)).toBe(altered.deviations.length - reorders);
  });

  it('is the same count the per-document description gives, summed over the documents', () => {
    const perDocument = altered.documents.map((match) => describeRelation(match, altered.deviations).changes);
    expect(perDocument.reduce((a, b) => a + b, 0)).toBe(changesInReport(altered));
  });
});
