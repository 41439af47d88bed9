import { describe, expect, it } from 'vitest';
import { mapCharacters, needsCharacterMap, parseCharacterMap, serializeCharacterMap } from '../../../src/core/text/character-map';

describe('a compact character map', () => {
  const map = parseCharacterMap(
    serializeCharacterMap(
      new Map([
        ['國', '国'],
        ['發', '发'],
        ['*', '+'],
      ]),
    ),
  );

  it('replaces each mapped character, one for one', () => {
    expect(mapCharacters('國務院推動發展', map)).toBe('国務院推動发展');
    expect(mapCharacters('a*b', map)).toBe('a+b');
  });

  it('returns the very same string when nothing is mapped', () => {
    const text = '国务院推动发展';
    expect(mapCharacters(text, map)).toBe(text);
  });

  it('tells by its first characters whether a text needs it at all', () => {
    expect(needsCharacterMap('推動發展', map)).toBe(true);
    expect(needsCharacterMap('推动发展', map)).toBe(false);
    expect(needsCharacterMap('a*b', map)).toBe(true); // characters special in a pattern are plain here
  });

  it('keeps its order when serialised (the most frequent first), and an empty map changes nothing', () => {
    expect(
      serializeCharacterMap(
        new Map([
          ['發', '发'],
          ['國', '国'],
        ]),
      ),
    ).toBe('發发國国');
    expect(mapCharacters('國', parseCharacterMap(''))).toBe('國');
    expect(needsCharacterMap('國', parseCharacterMap(''))).toBe(false);
  });
});
