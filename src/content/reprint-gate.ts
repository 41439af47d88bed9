/// <reference types="vite/client" />
/**
 * The second question on a page with enough Chinese: could it reprint any
 * bundled document at all? Asked of the raw text the page already has,
 * before any DOM walk or message to the background, with the corpus's
 * fingerprint table (generated/prefilter.json): a page that shares fewer
 * than MIN_EVIDENCE distinct fingerprints with the corpus cannot be
 * identified by the engine, so it is neither read nor sent.
 *
 * The answer is `createPrefilter(table).mightReprint(text)`
 * (src/core/corpus/prefilter.ts; tests/page/reprint-gate.test.ts checks that they
 * agree), computed for a page's first milliseconds, cold JIT and all:
 *
 * - Fingerprints are taken over content characters only (letters, digits,
 *   ideographs), and the only content characters normalization changes are
 *   full-width letters and digits. So instead of `normalize` (three typed
 *   arrays and a string per call) the gate maps just those and fingerprints
 *   the raw text; the test checks this for every UTF-16 code unit.
 * - The text is taken in pieces, so a long page is answered in slices that
 *   yield to the page and a reprint is recognised as soon as a piece brings
 *   the hits to MIN_EVIDENCE.
 * - A page with too few hits is still worth reading when a sentence it sets
 *   in quotation marks could identify a document alone
 *   (src/core/check/short-quotation.ts).
 * - A traditional page is fingerprinted as simplified: the table's compact
 *   character map (traditional characters whose simplified forms the corpus
 *   uses) is applied to each piece, a character at a time, once a quick
 *   pattern test of the whole text has found some of its most frequent ones. Pieces overlap by a winnowing window's worth
 *   of content characters, so every window lies whole in some piece, and
 *   distinct hits are counted across pieces. (A piece with fewer content
 *   characters than one window — only a stretch of almost nothing but
 *   spaces and punctuation makes one — is fingerprinted whole and may add a
 *   hit: the answer then errs toward looking.)
 */
import raw from '../../generated/prefilter.json?raw';
import { forEachFingerprint, isContentChar, K, W } from '../core/corpus/fingerprint';
import { MIN_EVIDENCE } from '../core/check/identify';
import { quoteFingerprints, someQuoteMightIdentify } from '../core/check/short-quotation';
import type { PrefilterTable } from '../core/corpus/prefilter';
import { hasHash } from '../core/corpus/sorted-hashes';
import { mapCharacters, needsCharacterMap, parseCharacterMap, type CharacterMap } from '../core/text/character-map';

/** Raw characters per piece: a millisecond or two of work, even before the JIT warms up. */
export const PIECE_LENGTH = 2048;

/** Content characters a winnowing window spans: a piece starts this far back into the previous one. */
const WINDOW_SPAN = K + W - 1;

const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/;
const FULL_WIDTH_ALNUM_ALL = /[０-９Ａ-Ｚａ-ｚ]/g;

/**
 * The text with full-width letters and digits made ASCII, as `normalize`
 * makes them: after this, the content characters of the text are those of
 * its normal form.
 */
export function asciiAlphanumerics(text: string): string {
  if (!FULL_WIDTH_ALNUM.test(text)) return text;
  return text.replace(FULL_WIDTH_ALNUM_ALL, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

interface Gate {
  /** Ascending, distinct: looked up by binary search, with no Set to build on each page. */
  hashes: readonly number[];
  traditional: CharacterMap;
}

let gate: Gate | undefined;

/** The corpus's fingerprints and character map: parsed on first use, once per page. */
function known(): Gate {
  if (gate) return gate;
  const table = JSON.parse(raw) as PrefilterTable;
  gate = { hashes: table.hashes, traditional: parseCharacterMap(table.traditional ?? '') };
  return gate;
}

function isContentAt(text: string, at: number): boolean {
  return isContentChar(asciiAlphanumerics(text[at]).charCodeAt(0));
}

/** Where the piece after one ending at `end` starts: WINDOW_SPAN content characters before `end`. */
function overlapStart(text: string, end: number): number {
  let content = 0;
  let at = end;
  while (at > 0 && content < WINDOW_SPAN) {
    at--;
    if (isContentAt(text, at)) content++;
  }
  return at;
}

export interface GateOptions {
  /** Asked between pieces: true when the current slice has run long enough. */
  shouldYield?: () => boolean;
  yieldToPage?: () => Promise<void>;
  /** Asked after each yield: true abandons the check (the answer is then undefined). */
  cancelled?: () => boolean;
  /** Raw characters per piece (tests). */
  pieceLength?: number;
}

/**
 * False when `text` cannot reprint a bundled document, true when the engine
 * should look; undefined when cancelled.
 */
export async function mightReprint(text: string, options: GateOptions = {}): Promise<boolean | undefined> {
  const { hashes: table, traditional } = known();
  // Asked once of the whole text (a native pattern test), so every piece is read alike.
  const simplify = needsCharacterMap(text, traditional);
  const piece = Math.max(4 * WINDOW_SPAN, options.pieceLength ?? PIECE_LENGTH);
  const hits = new Set<number>();
  const visit = (h: number): void => {
    if (hasHash(table, h)) hits.add(h);
  };
  let start = 0;
  for (;;) {
    // The last piece takes the rest rather than leaving a short tail (a text shorter than one window is fingerprinted whole).
    const end = text.length - start < 2 * piece ? text.length : start + piece;
    const slice = asciiAlphanumerics(text.slice(start, end));
    forEachFingerprint(simplify ? mapCharacters(slice, traditional) : slice, visit);
    if (hits.size >= MIN_EVIDENCE) return true;
    if (end >= text.length) break;
    start = overlapStart(text, end);
    if (options.shouldYield?.() && options.yieldToPage) {
      await options.yieldToPage();
      if (options.cancelled?.()) return undefined;
    }
  }
  // Too little shared text for a reprint: a sentence in quotation marks may still identify a document alone.
  const prepare = (quote: string) => (simplify ? mapCharacters(asciiAlphanumerics(quote), traditional) : asciiAlphanumerics(quote));
  return someQuoteMightIdentify(quoteFingerprints(text, prepare), (h) => hasHash(table, h));
}
