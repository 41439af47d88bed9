/**
 * The gate for imported packs: a page the bundled prefilter turned away may
 * still reprint a document the reader imported. The content script never
 * holds the packs' fingerprints (its bundle and per-page cost must not grow
 * with the corpus); when packs are imported it sends the background a sketch,
 * the page's distinct fingerprints (numbers, not text), and the background
 * answers from its stored index.
 */
import { browser } from '../platform/browser';
import { sendMessage } from '../platform/messaging';
import { forEachFingerprint } from '../core/corpus/fingerprint';
import { IMPORTED_PACKS_KEY, MAX_SKETCH } from '../messages/corpus';
import type { MainThreadClock } from './main-thread';
import { asciiAlphanumerics } from './reprint-gate';
import { quoteFingerprints } from '../core/check/short-quotation';

/** The page's distinct fingerprints, at most MAX_SKETCH (the start of a very long page). */
export function pageSketch(text: string): number[] {
  const hashes = new Set<number>();
  // Fingerprinting stops mattering once the sketch is full; slice the text so a huge page costs no more.
  forEachFingerprint(asciiAlphanumerics(text.slice(0, MAX_SKETCH * 8)), (h) => {
    if (hashes.size < MAX_SKETCH) hashes.add(h);
  });
  return [...hashes];
}

/**
 * Whether the background's stored pack index finds this page worth reading.
 * The waits (a storage read, a message) are paused on `clock`: they are not
 * main-thread time, and the content script's budget counts only that.
 */
export async function mightReprintImported(text: string, clock: Pick<MainThreadClock, 'pause' | 'resume'>): Promise<boolean> {
  clock.pause();
  const stored = await browser.storage.local.get(IMPORTED_PACKS_KEY).catch(() => ({}) as Record<string, unknown>);
  clock.resume();
  const count = (stored as Record<string, unknown>)[IMPORTED_PACKS_KEY];
  if (typeof count !== 'number' || count <= 0) return false;
  const hashes = pageSketch(text);
  const quotes = quoteFingerprints(text, asciiAlphanumerics);
  clock.pause();
  const answer = await sendMessage({ type: 'yuanwen/corpus-sketch', hashes, quotes }).catch(() => false);
  clock.resume();
  return answer === true;
}
