/**
 * The word segmentation of a canonical text, made once when the document is
 * built and shipped with it (in the corpus and in packs).
 *
 * Deviations are widened to whole words (`推动`→`推进`, not `动`→`进`).
 * Segmenting at check time would make the report depend on the runtime:
 * each browser's ICU splits Chinese differently (`市治理智慧化` is
 * `市|治理|智慧|化` in V8 and `市治|理智|慧|化` in Firefox). Segmented once,
 * at build time, every engine reads the same boundaries.
 *
 * Stored as the lengths of consecutive words, one base-36 digit each
 * (`'1'`…`'z'`): about one character per word. A word longer than 35 UTF-16
 * units (a long Latin run) is stored as several.
 */

const MAX_WORD = 35;

/**
 * Pieces segmented one at a time: a line or a sentence. Words never cross
 * them, and the segmenter's time grows faster than the length it is given
 * (V8's takes minutes on a 200,000-character law collection in one piece).
 */
const PIECE = /[^\n。！？；]*[\n。！？；]?/g;

/** The word lengths of `text` by `Intl.Segmenter` (ICU's dictionary for Chinese), encoded. */
export function segmentWords(text: string): string {
  if (typeof Intl === 'undefined' || !('Segmenter' in Intl)) {
    throw new Error('building a canonical document needs Intl.Segmenter (Node.js or a browser with ICU)');
  }
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  let out = '';
  let last = 0;
  const emit = (end: number) => {
    for (let len = end - last; len > 0; len -= MAX_WORD) out += Math.min(len, MAX_WORD).toString(36);
    last = end;
  };
  for (const piece of text.matchAll(PIECE)) {
    if (piece[0] === '') continue;
    for (const s of segmenter.segment(piece[0])) if (piece.index + s.index > last) emit(piece.index + s.index);
    emit(piece.index + piece[0].length);
  }
  return out;
}

/** Word start offsets in `text` (0 included, `textLength` included), from the encoded lengths. */
export function wordBoundaries(wordLengths: string, textLength: number): number[] {
  const bounds = [0];
  let at = 0;
  for (const digit of wordLengths) {
    const len = parseInt(digit, 36);
    if (!(len > 0)) throw new Error(`word lengths: "${digit}" is not a base-36 length`);
    at += len;
    bounds.push(at);
  }
  if (at !== textLength) throw new Error(`word lengths cover ${at} characters, the text has ${textLength}`);
  return bounds;
}

/** Words longer than this are not looked for on a page (longer ICU words are rare and names). */
const LONGEST_LEXICON_WORD = 6;

/** The document's own words of two characters or more: what a page's words are recognised by. */
export function lexiconOf(text: string, boundaries: readonly number[]): Set<string> {
  const words = new Set<string>();
  for (let i = 1; i < boundaries.length; i++) {
    const len = boundaries[i] - boundaries[i - 1];
    if (len >= 2 && len <= LONGEST_LEXICON_WORD) words.add(text.slice(boundaries[i - 1], boundaries[i]));
  }
  return words;
}

/**
 * Word boundaries of a short text (a few characters of a page around a
 * change) by forward maximum matching against a lexicon: deterministic, the
 * same in every engine. Characters no word covers are words of their own.
 */
export function segmentByLexicon(text: string, lexicon: ReadonlySet<string>): number[] {
  const bounds = [0];
  let at = 0;
  while (at < text.length) {
    let len = Math.min(LONGEST_LEXICON_WORD, text.length - at);
    while (len > 1 && !lexicon.has(text.slice(at, at + len))) len--;
    at += len;
    bounds.push(at);
  }
  return bounds;
}
