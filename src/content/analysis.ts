/**
 * One analysis of the page: gate, extract, check. Keeps the latest result so
 * the report can be answered at any time without redoing the work.
 */
import { createEngine, type Engine } from '../core/engine';
import { emptyReport, type Report } from '../core/report';
import { bundledCorpus } from '../bundled-corpus';
import { extractText, type ExtractedText } from '../page/extract-text';
import { worthAnalysing } from './cjk-gate';
import { hiddenInLayout } from './hidden';

export interface PageAnalysis {
  report: Report;
  /** The text the report's page offsets refer to; undefined when the gate said no. */
  extracted: ExtractedText | undefined;
}

let engine: Engine | undefined;

/** Built on first need: pages that fail the gate never build the engine or parse the corpus. */
function sharedEngine(): Engine {
  engine ??= createEngine(bundledCorpus());
  return engine;
}

/** Analyses `document` now, synchronously; `timings.totalMs` is the main-thread time it took. */
export function analysePage(document: Document): PageAnalysis {
  const started = performance.now();
  if (!worthAnalysing(document)) {
    return { report: emptyReport(performance.now() - started), extracted: undefined };
  }
  const extracted = extractText(document, { isHidden: hiddenInLayout, readFrames: true });
  const report = sharedEngine().check(extracted.text);
  report.timings = { ...report.timings, totalMs: performance.now() - started };
  return { report, extracted };
}
