import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256, sha256Bytes } from '../../../src/core/text/sha256';

const reference = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('sha256', () => {
  it('gives the FIPS 180-4 digest of the empty string and of "abc"', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes Chinese text as its UTF-8 bytes, as node:crypto does', () => {
    const text = '第一条　为了防止和纠正违法的或者不当的行政行为，保护公民、法人和其他组织的合法权益。';
    expect(sha256(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('agrees with node:crypto at every length around the block and padding boundaries', () => {
    for (let n = 0; n < 200; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff);
      expect(sha256Bytes(bytes), `length ${n}`).toBe(reference(bytes));
    }
  });

  it('hashes astral characters as four UTF-8 bytes and a lone surrogate as U+FFFD, as node:crypto does', () => {
    for (const text of ['𠀀𪚥 CJK Extension B, and 😀', 'a\ud800b', '\udc00', 'end\ud83d']) {
      expect(sha256(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  it('hashes a long Chinese text (over a megabyte of UTF-8) as node:crypto does', () => {
    const text = '（一）指导思想。坚持以人民为中心的发展思想。\n'.repeat(20_000);
    expect(sha256(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});
