/**
 * The same page gives the same report in every engine: word boundaries come
 * with the canonical document (segmented once, at build time), so whatever
 * `Intl.Segmenter` the runtime has (V8's ICU, Firefox's, none) the report is
 * identical, timings aside.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/core/check/engine';
import type { Report } from '../../../src/core/check/report';
import { readPage } from '../../../src/cli/read-page';
import { seed, testCorpus } from '../corpus-fixture';

const PAGES_DIR = resolve(import.meta.dirname, '../../fixtures/pages');

const pages: [string, string][] = [
  ...['000', '001', '002', '003', '004'].map((s): [string, string] => [`seed ${s}`, seed(s)]),
  ...readdirSync(PAGES_DIR)
    .filter((f) => f.endsWith('.html') && f !== 'index.html')
    .sort()
    .map((f): [string, string] => [f, readPage(resolve(PAGES_DIR, f))]),
];

const withoutTimings = (r: Report) => ({ ...r, timings: undefined });

function reports(): ReturnType<typeof withoutTimings>[] {
  const engine = createEngine(testCorpus());
  return pages.map(([, text]) => withoutTimings(engine.check(text)));
}

/** A segmenter that splits Chinese into pairs from the start, as Firefox splits `市治|理智|慧`. */
class PairSegmenter {
  segment(text: string) {
    const out: { segment: string; index: number; input: string }[] = [];
    for (let i = 0; i < text.length; i += 2) out.push({ segment: text.slice(i, i + 2), index: i, input: text });
    return out;
  }
}

const realSegmenter = Intl.Segmenter;
const setSegmenter = (s: unknown) => Object.defineProperty(Intl, 'Segmenter', { value: s, configurable: true, writable: true });

describe('reports do not depend on the runtime segmenter', () => {
  // The corpus (and its word boundaries) is built once, with the real segmenter, before any stub.
  const reference = reports();
  afterEach(() => setSegmenter(realSegmenter));

  it('checks pages that deviate, so the comparison means something', () => {
    const altered = reference[pages.findIndex(([name]) => name === 'seed 001')];
    expect(altered.deviations.some((d) => d.canonicalText === '智慧' && d.pageText === '智能')).toBe(true);
  });

  it('gives the same report for every page with no Intl.Segmenter at all', () => {
    setSegmenter(undefined);
    const stubbed = reports();
    pages.forEach(([name], i) => expect(stubbed[i], name).toEqual(reference[i]));
  });

  it('gives the same report for every page with a segmenter that splits Chinese otherwise', () => {
    setSegmenter(PairSegmenter);
    expect([...new Intl.Segmenter('zh', { granularity: 'word' }).segment('市治理智慧化')].map((s) => s.segment)).toEqual([
      '市治',
      '理智',
      '慧化',
    ]);
    const stubbed = reports();
    pages.forEach(([name], i) => expect(stubbed[i], name).toEqual(reference[i]));
  });
});
