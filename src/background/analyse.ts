/**
 * The engine, run in the background for content scripts: the page's main
 * thread only extracts text and renders. The engine, over the bundled
 * documents and the imported packs, is a cache (./corpus.ts): the service
 * worker can be stopped at any moment, and the next request after a restart
 * loads it again. An analysis is work in steps (./analysis-queue.ts), so
 * that other tabs' pages are checked between them.
 */
import type { AnalyseResponse } from '../messages/analysis';
import { loadedCorpus, loadTexts } from './corpus';
import { AnalysisQueue, awaiting, type Work } from './analysis-queue';
import { nextTask } from '../platform/next-task';
import { browser } from '../platform/browser';

/**
 * Every analysis in the background goes through this queue: a slice at a
 * time, fair between tabs; a page's newer request replaces its older one.
 * Keyed by tab and frame: content scripts use their frame id, the evidence
 * report `EVIDENCE_FRAME`.
 */
export const analyses = new AnalysisQueue<AnalyseResponse>({
  sliceMs: 8,
  yieldToEvents: nextTask,
  now: () => performance.now(),
  // Any extension API call counts as activity to Firefox's idle timer (and Chromium's); this one does nothing else.
  // Every 500 ms: well inside any idle timeout (30 s by default; the end-to-end tests set Firefox's to 1 s).
  keepAwake: () => void browser.runtime.getPlatformInfo().catch(() => undefined),
  keepAwakeMs: 500,
});
/** The queue key of a tab's evidence report (no frame has a negative id). */
export const EVIDENCE_FRAME = -1;

/** Analyses one page text: the report plus the canonical texts its offsets refer to. */
export function* analyse(text: string): Work<AnalyseResponse> {
  const corpus = yield* awaiting(loadedCorpus());
  const steps = corpus.engine.checkInSteps(text);
  let identified: number[] = [];
  let step = steps.next();
  while (!step.done) {
    if (step.value) {
      identified = step.value.documents;
      yield* awaiting(loadTexts(corpus, identified));
    } else yield;
    step = steps.next();
  }
  const report = step.value;
  const canonicalTexts: Record<string, string> = {};
  const witnesses: Record<string, Record<string, string>> = {};
  const documents = identified.map((n) => corpus.view.document(n)).filter((d) => d !== undefined);
  for (const match of report.documents) {
    const doc = documents.find((d) => d.id === match.id);
    if (!doc) continue;
    canonicalTexts[doc.id] = doc.text;
    witnesses[doc.id] = Object.fromEntries(doc.witnesses.map((w) => [w.id, w.description]));
  }
  return { report, canonicalTexts, witnesses };
}
