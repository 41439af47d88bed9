import { describe, expect, it } from 'vitest';
import { CHUNK_CHARS, PackAssembly, TransferError, splitForTransfer } from '../../../src/core/corpus/pack-transfer';

describe('a pack file carried in chunks', () => {
  it('splits a text into chunks of at most the given size that join back to it', () => {
    const text = '第一条　为了防止和纠正违法的或者不当的行政行为。'.repeat(10);
    const chunks = splitForTransfer(text, 7);
    expect(chunks.every((c) => c.length > 0 && c.length <= 7)).toBe(true);
    expect(chunks.join('')).toBe(text);
    expect(splitForTransfer('', 7)).toEqual([]);
    expect(splitForTransfer('短', CHUNK_CHARS)).toEqual(['短']);
  });

  it('never cuts a surrogate pair (a character outside the BMP, such as 𠀋) in two', () => {
    const text = 'ab𠀋cd𠀋𠀋e';
    for (const size of [2, 3, 4, 5]) {
      const chunks = splitForTransfer(text, size);
      expect(chunks.join('')).toBe(text);
      for (const c of chunks) {
        expect(c.charCodeAt(c.length - 1) >= 0xd800 && c.charCodeAt(c.length - 1) <= 0xdbff, `${size}: ${c}`).toBe(false);
        expect(c.charCodeAt(0) >= 0xdc00 && c.charCodeAt(0) <= 0xdfff, `${size}: ${c}`).toBe(false);
      }
    }
  });

  it('assembles the chunks that came in order, as long as announced', () => {
    const text = '中华人民共和国行政复议法'.repeat(5);
    const chunks = splitForTransfer(text, 8);
    const assembly = new PackAssembly(text.length, chunks.length);
    let received = 0;
    chunks.forEach((c, i) => {
      expect(assembly.complete).toBe(false);
      received = assembly.add(i, c);
    });
    expect(received).toBe(text.length);
    expect(assembly.complete).toBe(true);
    expect(assembly.text()).toBe(text);
  });

  it('refuses a chunk out of order, one too many, or more text than announced', () => {
    const outOfOrder = new PackAssembly(6, 2);
    expect(() => outOfOrder.add(1, 'abc')).toThrow(/chunk 2 came when chunk 1 was expected/);
    const tooMany = new PackAssembly(6, 1);
    tooMany.add(0, 'abc');
    expect(() => tooMany.add(1, 'def')).toThrow(/more than the 1 announced/);
    const tooLong = new PackAssembly(4, 2);
    tooLong.add(0, 'abc');
    expect(() => tooLong.add(1, 'def')).toThrow(/longer than announced/);
    expect(() => new PackAssembly(-1, 1)).toThrow(TransferError);
    expect(() => new PackAssembly(5, 0)).toThrow(TransferError);
  });

  it('says what is missing when the file is asked for before all of it came', () => {
    const assembly = new PackAssembly(6, 2);
    assembly.add(0, 'abc');
    expect(() => assembly.text()).toThrow('only 1 of 2 chunks (3 of 6 characters) came');
  });
});
