/**
 * A compact character-for-character map, serialised as a string of pairs
 * (`國国發发…`, the most frequent first): what the content script's gate
 * uses to read a traditional page as simplified without the engine's phrase
 * dictionaries. Applied one UTF-16 code unit at a time, so lengths and
 * offsets do not change.
 *
 * The gate runs in a page's first milliseconds, before the JIT warms up, on
 * every page with Chinese text; most are simplified. So whether a text needs
 * the map at all is asked with a short pattern of the map's most frequent
 * characters (native code; any traditional text of a few lines has some),
 * and the table over all of them is built only for a text that does.
 */

/** How many of the first (most frequent) characters make the quick test. */
const TRIGGER_CHARACTERS = 48;

export interface CharacterMap {
  /** Matches a text that has any of the most frequent mapped characters. */
  readonly trigger: RegExp;
  readonly pairs: string;
  /** For each code unit, its replacement or 0: built on first use. */
  table?: Uint16Array;
}

/** `pairs`: each mapped BMP character followed by its replacement, the most frequent first. */
export function parseCharacterMap(pairs: string): CharacterMap {
  let set = '';
  for (let i = 0; i + 1 < pairs.length && set.length < TRIGGER_CHARACTERS * 6; i += 2) {
    set += '\\u' + pairs.charCodeAt(i).toString(16).padStart(4, '0');
  }
  // An empty map matches nothing.
  return { trigger: new RegExp(set ? `[${set}]` : '[^\\s\\S]'), pairs };
}

/** In the map's order (callers put the most frequent first). */
export function serializeCharacterMap(map: ReadonlyMap<string, string>): string {
  let pairs = '';
  for (const [from, to] of map) pairs += from + to;
  return pairs;
}

/** Whether `text` is one the map is for: it has some of the map's most frequent characters. */
export function needsCharacterMap(text: string, map: CharacterMap): boolean {
  return map.trigger.test(text);
}

function tableOf(map: CharacterMap): Uint16Array {
  if (map.table) return map.table;
  const table = new Uint16Array(0x10000);
  for (let i = 0; i + 1 < map.pairs.length; i += 2) table[map.pairs.charCodeAt(i)] = map.pairs.charCodeAt(i + 1);
  return (map.table = table);
}

/** The text with every mapped character replaced (the same string when none is). */
export function mapCharacters(text: string, map: CharacterMap): string {
  const to = tableOf(map);
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
