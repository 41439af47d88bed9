/**
 * Which corpus a finding was made with, for the evidence report's versions:
 * the corpus schema, how many documents, and a SHA-256 over each document's
 * id and canonical text in order. The CLI and the extension bundle the same
 * generated corpus, so they print the same digest for it.
 */
import type { Corpus } from '../corpus/corpus';
import { sha256 } from '../text/sha256';

export function corpusDigest(corpus: Pick<Corpus, 'schema' | 'documents'>): string {
  const listing = corpus.documents.map((d) => `${d.id}\n${sha256(d.text)}\n`).join('');
  return `schema ${corpus.schema} · ${corpus.documents.length} documents · sha256 ${sha256(listing)}`;
}
