/**
 * A compact character-for-character map, serialised as a string of pairs
 * (`國国發发…`): what the content script's gate uses to read a traditional
 * page as simplified without the engine's phrase dictionaries. Applied one
 * character at a time, so lengths and offsets do not change.
 */

export interface CharacterMap {
  /** Any character the map changes (a quick test: most pages have none). */
  pattern: RegExp;
  /** The same, for replacing every one. */
  all: RegExp;
  to: Map<string, string>;
}

/** `pairs`: each mapped BMP character followed by its replacement. */
export function parseCharacterMap(pairs: string): CharacterMap {
  const to = new Map<string, string>();
  for (let i = 0; i + 1 < pairs.length; i += 2) to.set(pairs[i], pairs[i + 1]);
  const escape = (ch: string) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
  const set = [...to.keys()].map(escape).join('');
  // An empty map matches nothing.
  const source = set ? `[${set}]` : '[^\\s\\S]';
  return { pattern: new RegExp(source), all: new RegExp(source, 'g'), to };
}

export function serializeCharacterMap(map: ReadonlyMap<string, string>): string {
  let pairs = '';
  for (const [from, to] of [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) pairs += from + to;
  return pairs;
}

/** The text with every mapped character replaced (the same string when none is). */
export function mapCharacters(text: string, map: CharacterMap): string {
  if (!map.pattern.test(text)) return text;
  return text.replace(map.all, (ch) => map.to.get(ch)!);
}
