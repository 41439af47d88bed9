/** The background reads a page's sketch only in the shape the content script sends it. */
import { describe, expect, it } from 'vitest';
import { MAX_QUOTE_HASHES, MAX_SKETCH, MAX_SKETCH_QUOTES, parseCorpusMessage } from '../../../src/messages/corpus';

const sketch = (fields: Record<string, unknown>) => parseCorpusMessage({ type: 'yuanwen/corpus-sketch', hashes: [1, 2, 3], ...fields });

describe('yuanwen/corpus-sketch', () => {
  it('carries the page fingerprints, and those of each quoted sentence when there are any', () => {
    expect(sketch({})).toEqual({ type: 'yuanwen/corpus-sketch', hashes: [1, 2, 3] });
    expect(sketch({ quotes: [[4, 5], [6]] })).toEqual({ type: 'yuanwen/corpus-sketch', hashes: [1, 2, 3], quotes: [[4, 5], [6]] });
  });

  it('is refused when anything is not a 32-bit fingerprint, too long, or extra', () => {
    expect(sketch({ hashes: new Array(MAX_SKETCH + 1).fill(1) })).toBeUndefined();
    expect(sketch({ quotes: [[-1]] })).toBeUndefined();
    expect(sketch({ quotes: [['7']] })).toBeUndefined();
    expect(sketch({ quotes: 'x' })).toBeUndefined();
    expect(sketch({ quotes: new Array(MAX_SKETCH_QUOTES + 1).fill([1]) })).toBeUndefined();
    expect(sketch({ quotes: [new Array(MAX_QUOTE_HASHES + 1).fill(1)] })).toBeUndefined();
    expect(sketch({ text: 'the page' })).toBeUndefined();
  });
});
