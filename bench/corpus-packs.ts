/**
 * Issue 10 budgets, in Node: packing ../shared/corpora/laws (≤ 60 s),
 * identification with the laws pack against the two-document corpus
 * (≤ 2×), the index's bytes per posting (≤ 16), and `check --jsonl`
 * throughput (pages/s). Printed, never asserted. The Chromium figures —
 * import, worker wake, content script, its bundle — are bench/extension-corpus.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Corpus } from '../src/core/corpus/corpus';
import { corpusView } from '../src/core/corpus/corpus-view';
import { indexBytes } from '../src/core/corpus/fingerprint-index';
import { parsePack, serializePack } from '../src/core/corpus/pack';
import { createEngine } from '../src/core/check/engine';
import { packFolder } from '../src/cli/pack-command';
import { checkRecord } from '../src/cli/jsonl';
import { reprintPage, REVIEW_2017 } from '../tests/unit/laws-fixture';

const root = resolve(import.meta.dirname, '..');
const LAWS = resolve(root, '..', 'shared', 'corpora', 'laws');
const corpus = JSON.parse(readFileSync(resolve(root, 'generated', 'corpus.json'), 'utf8')) as Corpus;
const seed = readFileSync(resolve(root, 'tests', 'fixtures', 'seeds', '000_175dd0f406da1b8a.txt'), 'utf8');

const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
};
const median = (f: () => unknown, runs = 15) => {
  const xs = Array.from({ length: runs }, () => time(f)[1]).sort((a, b) => a - b);
  return xs[Math.floor(runs / 2)];
};

const [run, packMs] = time(() => packFolder(LAWS, { id: 'laws', title: 'laws' }, corpus));
console.log(
  `pack: ${run.pack.documents.length} documents in ${(packMs / 1000).toFixed(1)} s (budget 60 s), ${run.problems.length} unreadable`,
);
const [pack, loadMs] = time(() => parsePack(serializePack(run.pack)));
console.log(`pack file read and checked in ${(loadMs / 1000).toFixed(1)} s`);
const postings = pack.index.documents.length;
console.log(
  `index: ${postings.toLocaleString('en')} postings, ${(indexBytes(pack.index) / postings).toFixed(1)} B per posting (budget 16)`,
);

const small = createEngine(corpus);
const large = createEngine(corpusView(corpus, [pack]));
small.check(seed);
large.check(seed);
const base = median(() => small.check(seed));
const withLaws = median(() => large.check(seed));
console.log(
  `check seed 000: ${base.toFixed(1)} ms with 2 documents, ${withLaws.toFixed(1)} ms with the laws pack: ${(withLaws / base).toFixed(2)}× (budget 2×)`,
);

const page = reprintPage(REVIEW_2017, 1, 30);
const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ url: `https://example.org/${i}`, text: i % 2 ? page : seed }));
const [, jsonlMs] = time(() => lines.forEach((l, i) => checkRecord(large, l, i + 1)));
console.log(`--jsonl: ${((lines.length / jsonlMs) * 1000).toFixed(1)} pages/s (in process, laws pack loaded)`);
