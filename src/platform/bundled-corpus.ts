/// <reference types="vite/client" />
/**
 * The canonical corpus bundled with the extension (written by
 * `npm run corpus` into generated/corpus.json). Imported as a string and
 * parsed on first use: pages that never need the engine (most pages) never
 * pay for parsing it.
 */
import raw from '../../generated/corpus.json?raw';
import { CORPUS_SCHEMA, type Corpus } from '../core/corpus/corpus';

let parsed: Corpus | undefined;

export function bundledCorpus(): Corpus {
  if (!parsed) {
    const corpus = JSON.parse(raw) as Corpus;
    // A stale build would otherwise fail later in confusing ways.
    if (corpus.schema !== CORPUS_SCHEMA) {
      throw new Error(`bundled corpus has schema ${String(corpus.schema)}, expected ${CORPUS_SCHEMA}: run npm run build`);
    }
    parsed = corpus;
  }
  return parsed;
}
