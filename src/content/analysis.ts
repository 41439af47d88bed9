/**
 * One analysis of the page, split between threads: the content script gates
 * and extracts the text (main thread, in slices that yield to the page), the
 * background runs the engine (off the page's main thread) and answers the
 * report with the canonical texts the cards quote.
 */
import { sendMessage } from '../platform/messaging';
import { REPORT_SCHEMA } from '../core/check/report';
import { extractText, extractTextInSlices, type ExtractedText } from '../page/extract-text';
import { MAX_PAGE_TEXT, type AnalyseDropped, type AnalyseResponse } from '../messages/analysis';
import { hasEnoughHan, rawPageTexts, worthAnalysing } from './cjk-gate';
import { hiddenInLayout } from './hidden';
import type { MainThreadClock } from './main-thread';
import { mightReprint } from './reprint-gate';
import { mightReprintImported } from './imported-gate';

/**
 * The page's text as the engine sees it, read in one go; undefined when the
 * page has too little Chinese. (For reading the page again outside an
 * analysis; the analysis itself uses `readPageForAnalysis`.)
 */
export function readPage(document: Document): ExtractedText | undefined {
  if (!worthAnalysing(document)) return undefined;
  return extractText(document, { isHidden: hiddenInLayout, readFrames: true });
}

export type PageReading =
  /** `gateMs`: main-thread ms of the two gates (the rest of the reading is the DOM walk). */
  | { kind: 'text'; extracted: ExtractedText; gateMs: number }
  /** Too little Chinese, or nothing a bundled document could be identified from: nothing to read or send. */
  | { kind: 'nothing'; reason: 'no-chinese' | 'no-reprint'; gateMs: number }
  /** A newer analysis started meanwhile. */
  | { kind: 'cancelled' };

/**
 * The gates, then the text: the cheap Han count and the corpus prefilter on
 * the raw text the page already has, and only then the walk over the DOM,
 * in slices timed by `clock`.
 */
export async function readPageForAnalysis(document: Document, clock: MainThreadClock, cancelled: () => boolean): Promise<PageReading> {
  const texts = rawPageTexts(document);
  if (!hasEnoughHan(texts)) return { kind: 'nothing', reason: 'no-chinese', gateMs: clock.busyMs };
  const slicing = { shouldYield: clock.shouldYield, yieldToPage: clock.yieldToPage, cancelled };
  // Reading a very long page's text can use up a slice on its own.
  if (clock.shouldYield()) {
    await clock.yieldToPage();
    if (cancelled()) return { kind: 'cancelled' };
  }
  const raw = texts.length === 1 ? texts[0] : texts.join('\n');
  const worth = await mightReprint(raw, slicing);
  if (worth === undefined) return { kind: 'cancelled' };
  const gateMs = clock.busyMs;
  if (!worth && !(await mightReprintImported(raw, clock))) return { kind: 'nothing', reason: 'no-reprint', gateMs };
  if (cancelled()) return { kind: 'cancelled' };
  const extracted = await extractTextInSlices(document, { ...slicing, isHidden: hiddenInLayout, readFrames: true });
  return extracted ? { kind: 'text', extracted, gateMs } : { kind: 'cancelled' };
}

function isAnalyseResponse(value: unknown): value is AnalyseResponse {
  if (typeof value !== 'object' || value === null) return false;
  const answer = value as Partial<AnalyseResponse>;
  return answer.report?.schema === REPORT_SCHEMA && typeof answer.canonicalTexts === 'object' && answer.canonicalTexts !== null;
}

/** The part of a page's text the engine checks: all of it, or the start of a page longer than the message cap. */
export function analysedPart(text: string): string {
  return text.length > MAX_PAGE_TEXT ? text.slice(0, MAX_PAGE_TEXT) : text;
}

function isDropped(value: unknown): value is AnalyseDropped {
  return typeof value === 'object' && value !== null && (value as Partial<AnalyseDropped>).dropped === 'superseded';
}

/**
 * Sends the text to the background's engine. Of a page longer than the
 * message cap only the start is checked (a reprint on such a page is almost
 * always near the top), and the report says how much. Undefined when the
 * background dropped the request for a newer one from this page. A request
 * that failed (the worker was stopped while it worked) is sent once more;
 * rejects if that fails too, or on a malformed answer.
 */
export async function analyseInBackground(text: string): Promise<AnalyseResponse | undefined> {
  const analysed = analysedPart(text);
  const request = { type: 'yuanwen/analyse', text: analysed } as const;
  const answer: unknown = await sendMessage(request).catch(() => sendMessage(request));
  if (isDropped(answer)) return undefined;
  // Checked all the same: a background from another version of Yuanwen may answer differently.
  if (!isAnalyseResponse(answer)) throw new Error('the background answered yuanwen/analyse with something else than a report');
  if (analysed.length < text.length) answer.report.pageText = { analysed: analysed.length, total: text.length };
  return answer;
}
