/**
 * Builds generated/corpus.json (documents and fingerprints, for the engine)
 * and generated/prefilter.json (fingerprints and the traditional character
 * map, for the content script)
 * from corpus/*.txt; run by `npm run build`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpus, parseBoilerplate } from '../src/core/corpus/build';
import { CorpusSourceError } from '../src/core/corpus/source';
import { buildPrefilter } from '../src/core/corpus/prefilter';

const root = join(import.meta.dirname, '..');
const corpusDir = join(root, 'corpus');
const files = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt') && f !== 'boilerplate.txt')
  .sort();

try {
  const corpus = buildCorpus(
    files.map((f) => ({ file: `corpus/${f}`, text: readFileSync(join(corpusDir, f), 'utf8') })),
    parseBoilerplate(readFileSync(join(corpusDir, 'boilerplate.txt'), 'utf8')),
  );
  mkdirSync(join(root, 'generated'), { recursive: true });
  writeFileSync(join(root, 'generated', 'corpus.json'), JSON.stringify(corpus));
  const texts = corpus.documents.map((d) => d.text);
  writeFileSync(join(root, 'generated', 'prefilter.json'), JSON.stringify(buildPrefilter(corpus.fingerprints, texts)));
  for (const d of corpus.documents) {
    const numbered = d.clauses.filter((c) => c.kind === 'numbered').length;
    const sections = d.sections.filter((s) => s.label !== '').length;
    console.log(`corpus: ${d.id}: ${sections} sections, ${numbered} numbered clauses, ${d.text.length} characters`);
  }
} catch (e) {
  if (e instanceof CorpusSourceError || e instanceof Error) {
    console.error(`corpus: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
