/** Corpus messages: the background reads a page's sketch and a pack import's steps only in the shape our senders use. */
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/messages/analysis';
import { MAX_QUOTE_HASHES, MAX_SKETCH, MAX_SKETCH_QUOTES, parseCorpusMessage, parseImportProgress } from '../../../src/messages/corpus';
import { CHUNK_CHARS } from '../../../src/core/corpus/pack-transfer';

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

const importId = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';

describe('pack import messages: validated by the background', () => {
  it('accepts the three steps of a chunked import', () => {
    expect(parseMessage({ type: 'yuanwen/corpus-import-begin', chars: 120, chunks: 1 })).toEqual({
      type: 'yuanwen/corpus-import-begin',
      chars: 120,
      chunks: 1,
    });
    expect(parseMessage({ type: 'yuanwen/corpus-import-chunk', importId, index: 0, text: '{"format"' })).toEqual({
      type: 'yuanwen/corpus-import-chunk',
      importId,
      index: 0,
      text: '{"format"',
    });
    expect(parseMessage({ type: 'yuanwen/corpus-import-end', importId })).toEqual({ type: 'yuanwen/corpus-import-end', importId });
  });

  it('refuses odd counts, foreign ids, oversized chunks and extra fields', () => {
    for (const bad of [
      { type: 'yuanwen/corpus-import-begin', chars: -1, chunks: 1 },
      { type: 'yuanwen/corpus-import-begin', chars: 1.5, chunks: 1 },
      { type: 'yuanwen/corpus-import-begin', chars: 10 },
      { type: 'yuanwen/corpus-import-chunk', importId: '../x', index: 0, text: '' },
      { type: 'yuanwen/corpus-import-chunk', importId, index: '0', text: '' },
      { type: 'yuanwen/corpus-import-chunk', importId, index: 0, text: 'x'.repeat(CHUNK_CHARS + 1) },
      { type: 'yuanwen/corpus-import-chunk', importId, index: 0, text: 7 },
      { type: 'yuanwen/corpus-import-end', importId, text: 'x' },
      { type: 'yuanwen/corpus-import', text: '{}' },
    ]) {
      expect(parseMessage(bad), JSON.stringify(bad).slice(0, 120)).toBeUndefined();
    }
  });

  it('reads progress notifications of either stage, and nothing else', () => {
    expect(parseImportProgress({ type: 'yuanwen/corpus-import-progress', importId, stage: 'storing', done: 100, total: 1512 })).toEqual({
      type: 'yuanwen/corpus-import-progress',
      importId,
      stage: 'storing',
      done: 100,
      total: 1512,
    });
    expect(parseImportProgress({ type: 'yuanwen/corpus-import-progress', importId, stage: 'copying', done: 1, total: 2 })).toBeUndefined();
    expect(parseImportProgress({ type: 'yuanwen/corpus-import-progress', done: 1, total: 2 })).toBeUndefined();
  });
});
