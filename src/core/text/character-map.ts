/**
 * A compact character-for-character map, serialised as a string of pairs
 * (`國国發发…`): what the content script's gate uses to read a traditional
 * page as simplified without the engine's phrase dictionaries. Applied one
 * UTF-16 code unit at a time, so lengths and offsets do not change.
 */

export interface CharacterMap {
  /** For each code unit, its replacement, or 0 when the map leaves it alone. */
  readonly to: Uint16Array;
}

/**
 * `pairs`: each mapped BMP character followed by its replacement. A table,
 * not a pattern: on a page's first milliseconds, compiling a character class
 * of hundreds of characters costs more than the whole gate.
 */
export function parseCharacterMap(pairs: string): CharacterMap {
  const to = new Uint16Array(0x10000);
  for (let i = 0; i + 1 < pairs.length; i += 2) to[pairs.charCodeAt(i)] = pairs.charCodeAt(i + 1);
  return { to };
}

export function serializeCharacterMap(map: ReadonlyMap<string, string>): string {
  let pairs = '';
  for (const [from, to] of [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) pairs += from + to;
  return pairs;
}

/** The text with every mapped character replaced (the same string when none is). */
export function mapCharacters(text: string, map: CharacterMap): string {
  const { to } = map;
  let first = 0;
  while (first < text.length && to[text.charCodeAt(first)] === 0) first++;
  if (first === text.length) return text;
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codes[i] = to[c] || c;
  }
  let out = '';
  for (let k = 0; k < codes.length; k += 8192) {
    out += String.fromCharCode.apply(null, codes.subarray(k, Math.min(codes.length, k + 8192)) as unknown as number[]);
  }
  return out;
}
