import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasHash, indexOfHash } from '../../../src/core/corpus/sorted-hashes';
import { buildPrefilter } from '../../../src/core/corpus/prefilter';
import { testCorpus } from '../corpus-fixture';

describe('sorted fingerprint lookups', () => {
  it('finds each hash where it is, and nothing that is not there', () => {
    const sorted = Uint32Array.from([3, 17, 4_000_000_000, 4_294_967_295]);
    expect(indexOfHash(sorted, 17)).toBe(1);
    expect(indexOfHash(sorted, 4_294_967_295)).toBe(3);
    expect(hasHash(sorted, 4)).toBe(false);
    expect(hasHash([], 4)).toBe(false);
  });

  it('answers as a Set would, for any ascending list of distinct hashes', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(2 ** 32 - 1)), fc.nat(2 ** 32 - 1), (hashes, probe) => {
        const sorted = [...hashes].sort((a, b) => a - b);
        const set = new Set(hashes);
        for (const h of [...hashes, probe]) expect(hasHash(sorted, h)).toBe(set.has(h));
      }),
    );
  });

  it('is given what it needs by the prefilter: its hashes are ascending and distinct', () => {
    const { hashes } = buildPrefilter(testCorpus().fingerprints);
    expect(hashes.every((h, i) => i === 0 || hashes[i - 1] < h)).toBe(true);
  });
});
