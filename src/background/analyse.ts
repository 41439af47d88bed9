/**
 * The engine, run in the background for content scripts: the page's main
 * thread only extracts text and renders. The engine, over the bundled
 * documents and the imported packs, is a cache (./corpus.ts): the service
 * worker can be stopped at any moment, and the next request after a restart
 * loads it again.
 */
import type { AnalyseResponse } from '../messages/analysis';
import { loadedCorpus, loadTexts } from './corpus';

/** Analyses one page text: the report plus the canonical texts its offsets refer to. */
export async function analyse(text: string): Promise<AnalyseResponse> {
  const corpus = await loadedCorpus();
  const identified = corpus.engine.identifyDocuments(text);
  await loadTexts(corpus, identified);
  const report = corpus.engine.check(text);
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
