import { describe, expect, it } from 'vitest';
import { mapCharacters, parseCharacterMap, serializeCharacterMap } from '../../../src/core/text/character-map';

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

  it('is serialised as sorted pairs, and an empty map changes nothing', () => {
    expect(
      serializeCharacterMap(
        new Map([
          ['發', '发'],
          ['國', '国'],
        ]),
      ),
    ).toBe('國国發发');
    expect(mapCharacters('國', parseCharacterMap(''))).toBe('國');
  });
});
