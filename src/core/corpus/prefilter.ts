/**
 * The content script's first question on a page with Chinese text: could it
 * reprint any bundled document at all? Answered from the corpus's
 * fingerprints alone (a set of numbers, not the documents), on text the
 * page already has, before any DOM walk or message to the background.
 */
import type { FingerprintTable } from './corpus';
import { forEachFingerprint } from './fingerprint';
import { hasHash } from './sorted-hashes';
import { MIN_EVIDENCE } from '../check/identify';
import { quoteFingerprints, someQuoteMightIdentify } from '../check/short-quotation';
import { mapCharacters, needsCharacterMap, parseCharacterMap, serializeCharacterMap } from '../text/character-map';
import { normalize } from '../text/normalize';
import { traditionalCharactersFor } from '../text/traditional';

/** What the build bundles with the content script. */
export interface PrefilterTable {
  k: number;
  w: number;
  /** Every document fingerprint, ascending, distinct (looked up by binary search: ./sorted-hashes.ts). */
  hashes: number[];
  /**
   * Traditional characters whose simplified forms the documents use, as
   * pairs (`國国…`, the most frequent first; src/core/text/character-map.ts):
   * a traditional copy is fingerprinted as simplified, a character at a time.
   */
  traditional?: string;
}

/** `texts`: the documents' texts, for the traditional character map. */
export function buildPrefilter(table: FingerprintTable, texts: readonly string[] = []): PrefilterTable {
  const all = new Set<number>();
  for (const doc of table.documents) for (const h of doc) all.add(h);
  const hashes = [...all].sort((a, b) => a - b);
  return { k: table.k, w: table.w, hashes, traditional: serializeCharacterMap(traditionalCharactersFor(texts)) };
}

export interface Prefilter {
  /** False when the text cannot reprint a bundled document; true means "ask the engine". */
  mightReprint(text: string): boolean;
}

export function createPrefilter(table: PrefilterTable): Prefilter {
  const known = (h: number): boolean => hasHash(table.hashes, h);
  const traditional = parseCharacterMap(table.traditional ?? '');
  return {
    mightReprint(text: string): boolean {
      let hits = 0;
      const seen = new Set<number>();
      const simplified = needsCharacterMap(text, traditional) ? mapCharacters(text, traditional) : text;
      const normalized = normalize(simplified).text;
      forEachFingerprint(normalized, (h) => {
        if (known(h) && !seen.has(h)) {
          seen.add(h);
          hits++;
        }
      });
      return hits >= MIN_EVIDENCE || someQuoteMightIdentify(quoteFingerprints(simplified, (q) => normalize(q).text), known);
    },
  };
}
