/**
 * The engine, run in the background for content scripts: the page's main
 * thread only extracts text and renders. The engine and the parsed corpus are
 * a cache in module scope: the service worker can be stopped at any moment,
 * and the next request after a restart simply builds them again.
 */
import { createEngine, type Engine } from '../core/check/engine';
import { bundledCorpus } from '../platform/bundled-corpus';
import type { AnalyseResponse } from '../messages/analysis';

let engine: Engine | undefined;

function sharedEngine(): Engine {
  engine ??= createEngine(bundledCorpus());
  return engine;
}

/** Analyses one page text: the report plus the canonical texts its offsets refer to. */
export function analyse(text: string): AnalyseResponse {
  const report = sharedEngine().check(text);
  const canonicalTexts: Record<string, string> = {};
  const witnesses: Record<string, Record<string, string>> = {};
  const documents = bundledCorpus().documents;
  for (const match of report.documents) {
    const doc = documents.find((d) => d.id === match.id);
    if (!doc) continue;
    canonicalTexts[doc.id] = doc.text;
    witnesses[doc.id] = Object.fromEntries(doc.witnesses.map((w) => [w.id, w.description]));
  }
  return { report, canonicalTexts, witnesses };
}
