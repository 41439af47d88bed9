/**
 * Builds the bundled corpus from canonical source texts: parses each source
 * and precomputes the fingerprints the engine identifies pages with.
 */
import { CORPUS_SCHEMA, type Corpus } from './corpus';
import { parseCorpusSource } from './source';
import { buildFingerprintTable } from '../check/identify';
import { normalize } from '../text/normalize';

export interface CorpusSourceFile {
  /** Shown in error messages. */
  file: string;
  text: string;
}

/** Boilerplate list: one phrase per line, `#` comments. */
export function parseBoilerplate(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

export function buildCorpus(sources: CorpusSourceFile[], boilerplate: string[] = []): Corpus {
  const documents = sources.map((s) => parseCorpusSource(s.file, s.text));
  const seen = new Map<string, string>();
  for (const [i, d] of documents.entries()) {
    const other = seen.get(d.id);
    if (other) throw new Error(`${sources[i].file}: document id "${d.id}" is also used by ${other}`);
    seen.set(d.id, sources[i].file);
  }
  const fingerprints = buildFingerprintTable(
    documents.map((d) => normalize(d.text).text),
    boilerplate.map((p) => normalize(p).text),
  );
  return { schema: CORPUS_SCHEMA, documents, fingerprints };
}
