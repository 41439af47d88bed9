/**
 * One analysis of the page, split between threads: the content script gates
 * and extracts the text (main thread, cheap), the background runs the engine
 * (off the page's main thread) and answers the report with the canonical
 * texts the cards quote.
 */
import { browser } from '../platform/browser';
import { REPORT_SCHEMA } from '../core/report';
import { extractText, type ExtractedText } from '../page/extract-text';
import { MAX_PAGE_TEXT, type AnalyseRequest, type AnalyseResponse } from '../messages';
import { worthAnalysing } from './cjk-gate';
import { hiddenInLayout } from './hidden';

/** The page's text as the engine will see it; undefined when the gate says the page has too little Chinese. */
export function readPage(document: Document): ExtractedText | undefined {
  if (!worthAnalysing(document)) return undefined;
  return extractText(document, { isHidden: hiddenInLayout, readFrames: true });
}

function isAnalyseResponse(value: unknown): value is AnalyseResponse {
  if (typeof value !== 'object' || value === null) return false;
  const answer = value as Partial<AnalyseResponse>;
  return answer.report?.schema === REPORT_SCHEMA && typeof answer.canonicalTexts === 'object' && answer.canonicalTexts !== null;
}

/** Sends the text to the background's engine. Rejects on a text over the size cap or a malformed answer. */
export async function analyseInBackground(text: string): Promise<AnalyseResponse> {
  if (text.length > MAX_PAGE_TEXT) {
    throw new Error(`page text of ${text.length} characters exceeds the limit of ${MAX_PAGE_TEXT}`);
  }
  const request: AnalyseRequest = { type: 'yuanwen/analyse', text };
  const answer: unknown = await browser.runtime.sendMessage(request);
  if (!isAnalyseResponse(answer)) throw new Error('the background answered yuanwen/analyse with something else than a report');
  return answer;
}
