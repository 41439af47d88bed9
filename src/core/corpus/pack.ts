/**
 * Corpus packs: one file for a set of canonical documents, with their
 * provenance and their fingerprint index, built by `yuanwen pack` and
 * imported by the extension. JSON, versioned (`format`, `version`):
 *
 *   { "format": "yuanwen-corpus-pack", "version": 1,
 *     "id", "title", "created",             pack id (ASCII), title, ISO time
 *     "fingerprints": { "k", "w" },          how the index was built
 *     "documents": [{ "id", "title", "issuer", "number", "date", "publisher",
 *                     "series", "sha256", "source", "savedAt"?, "witnesses", "collation", "variants",
 *                     "text", "sections", "clauses": [{ id, kind, label, section, start, bodyStart, end }],
 *                     "wordLengths" }],                   the text's words, segmented when the pack was built (words.ts)
 *     "index": { "hashes", "starts", "documents", "sizes" } }   base64 of little-endian Uint32Arrays
 *
 * Document ids are derived from the series and the version date, so a
 * rebuilt pack keeps them (highlights on canonical clauses stay attached).
 * Versions of one series are stored newest first: a page that reproduces
 * only text two versions share is matched to the newest.
 */
import type { CanonicalDocument, Clause, DocumentMetadata, Section } from './corpus';
import { CORPUS_SCHEMA } from './corpus';
import { decodeBase64, encodeBase64 } from './base64';
import { K, W } from './fingerprint';
import { buildCompactIndex, documentFingerprints, type CompactIndex } from './fingerprint-index';
import type { SourceDocument } from './laws-markdown';
import { normalize } from '../text/normalize';
import { sha256 } from '../text/sha256';
import { segmentWords, wordBoundaries } from './words';

export const PACK_FORMAT = 'yuanwen-corpus-pack';
export const PACK_VERSION = 1;

/** Pack and document ids: short ASCII identifiers (they travel in messages and URLs). */
export const PACK_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface CorpusPack {
  format: typeof PACK_FORMAT;
  version: typeof PACK_VERSION;
  id: string;
  title: string;
  created: string;
  documents: CanonicalDocument[];
  /** Document numbers are indexes into `documents`. */
  index: CompactIndex;
}

/** What a reader of a pack may learn without its texts (lists, versions). */
export interface DocumentEntry {
  id: string;
  title: string;
  series: string;
  date: string;
}

export class PackError extends Error {}

export function documentEntry(d: DocumentMetadata): DocumentEntry {
  return { id: d.id, title: d.title, series: d.series ?? d.id, date: d.date };
}

/** The series key of a title: all versions of one law share it. */
export function seriesKey(title: string): string {
  return title.replace(/[\s\u3000]+/g, '');
}

/** A pack document from a parsed source file. */
export function packDocument(source: SourceDocument, origin: string): Omit<CanonicalDocument, 'id'> {
  return {
    schema: CORPUS_SCHEMA,
    title: source.title,
    issuer: source.issuer,
    number: source.number,
    date: source.date,
    publisher: '',
    witnesses: [],
    collation: '',
    variants: [],
    series: seriesKey(source.title),
    sha256: sha256(source.text),
    source: origin,
    text: source.text,
    sections: source.sections,
    clauses: source.clauses,
    wordLengths: segmentWords(source.text),
  };
}

/** `<10 hex of the series' hash>-<yyyymmdd>`, with a suffix when two versions share a date. */
function documentId(series: string, date: string, taken: Set<string>): string {
  const base = `${sha256(series).slice(0, 10)}-${date ? date.replace(/-/g, '') : 'undated'}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** A document for a pack: its id is derived unless the source names one. */
export type PackInput = Omit<CanonicalDocument, 'id'> & { id?: string };

export interface PackHeader {
  id: string;
  title: string;
  /** ISO time; defaults to now. */
  created?: string;
}

/**
 * Builds a pack: ids, versions newest first, and the index (without the
 * fingerprints in `stop`, the boilerplate shared by many policy texts).
 */
export function buildPack(header: PackHeader, documents: PackInput[], stop: Iterable<number> = []): CorpusPack {
  if (!PACK_ID.test(header.id)) throw new PackError(`pack id "${header.id}" must be lowercase letters, digits and hyphens`);
  const ordered = [...documents].sort(
    (a, b) => (a.series ?? a.title).localeCompare(b.series ?? b.title) || b.date.localeCompare(a.date),
  );
  const taken = new Set<string>();
  // Curated sources name their ids; they keep them.
  for (const d of ordered) if (d.id) taken.add(d.id);
  const withIds = ordered.map((d) => ({ ...d, id: d.id || documentId(d.series ?? seriesKey(d.title), d.date, taken) }) as CanonicalDocument);
  const stopSet = new Set(stop);
  const index = buildCompactIndex(withIds.map((d) => documentFingerprints(normalize(d.text).text, stopSet)));
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id: header.id,
    title: header.title,
    created: header.created ?? new Date().toISOString(),
    documents: withIds,
    index,
  };
}

const INDEX_ARRAYS = ['hashes', 'starts', 'documents', 'sizes'] as const;

function bytesOf(array: Uint32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

export function serializePack(pack: CorpusPack): string {
  const documents = pack.documents.map((d) => ({
    ...d,
    schema: undefined,
    clauses: d.clauses.map(({ text: _text, ...rest }) => rest),
  }));
  const index = Object.fromEntries(INDEX_ARRAYS.map((name) => [name, encodeBase64(bytesOf(pack.index[name]))]));
  return JSON.stringify({
    format: pack.format,
    version: pack.version,
    id: pack.id,
    title: pack.title,
    created: pack.created,
    fingerprints: { k: K, w: W },
    documents,
    index,
  });
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isOffset = (v: unknown, max: number): v is number => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= max;

function fail(where: string, what: string): never {
  throw new PackError(`${where}: ${what}`);
}

function readDocument(raw: unknown, at: number): CanonicalDocument {
  const where = `document ${at + 1}`;
  if (!isObject(raw)) fail(where, 'not an object');
  for (const key of ['id', 'title', 'issuer', 'number', 'date', 'publisher', 'collation', 'text'] as const) {
    if (!isString(raw[key])) fail(where, `"${key}" must be a string`);
  }
  const d = raw as unknown as CanonicalDocument;
  if (!PACK_ID.test(d.id)) fail(where, `id "${d.id.slice(0, 70)}" is not a short ASCII id`);
  if (d.date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(d.date)) fail(d.id, `date "${d.date}" must be YYYY-MM-DD`);
  for (const key of ['series', 'sha256', 'source', 'savedAt'] as const) {
    if (raw[key] !== undefined && !isString(raw[key])) fail(d.id, `"${key}" must be a string`);
  }
  if (d.sha256 !== undefined && sha256(d.text) !== d.sha256) fail(d.id, 'its text does not match its SHA-256 (the file was altered or damaged)');
  if (!Array.isArray(raw.witnesses) || !Array.isArray(raw.variants)) fail(d.id, '"witnesses" and "variants" must be lists');
  if (!Array.isArray(raw.sections) || !Array.isArray(raw.clauses)) fail(d.id, '"sections" and "clauses" must be lists');
  const n = d.text.length;
  // Word boundaries travel with the text, so every engine reports alike; a pack without them is rebuilt, never segmented here.
  if (!isString(raw.wordLengths)) fail(d.id, 'has no word segmentation ("wordLengths"): rebuild the pack with this version\'s yuanwen pack');
  try {
    wordBoundaries(raw.wordLengths, n);
  } catch (e) {
    fail(d.id, `"wordLengths": ${(e as Error).message}`);
  }
  const clauses: Clause[] = (raw.clauses as unknown[]).map((c, i) => {
    if (!isObject(c) || !isString(c.id) || !isString(c.label) || !isString(c.section)) fail(d.id, `clause ${i + 1} is malformed`);
    if (c.kind !== 'heading' && c.kind !== 'numbered' && c.kind !== 'paragraph') fail(d.id, `clause ${c.id} has an unknown kind`);
    if (!isOffset(c.start, n) || !isOffset(c.bodyStart, n) || !isOffset(c.end, n) || !(c.start <= c.bodyStart && c.bodyStart <= c.end)) {
      fail(d.id, `clause ${c.id} lies outside the text`);
    }
    const clause = c as unknown as Clause;
    return { ...clause, text: d.text.slice(clause.start, clause.end) };
  });
  const sections = (raw.sections as unknown[]).map((s, i) => {
    if (!isObject(s) || !isString(s.id) || !isString(s.label) || !isString(s.heading) || !Array.isArray(s.clauseIds)) {
      fail(d.id, `section ${i + 1} is malformed`);
    }
    if (!isOffset(s.start, n) || !isOffset(s.end, n)) fail(d.id, `section ${s.id} lies outside the text`);
    return s as unknown as Section;
  });
  return { ...d, schema: CORPUS_SCHEMA, clauses, sections };
}

function readIndex(raw: unknown, documentCount: number): CompactIndex {
  if (!isObject(raw)) fail('index', 'missing');
  const arrays = {} as Record<(typeof INDEX_ARRAYS)[number], Uint32Array>;
  for (const name of INDEX_ARRAYS) {
    const bytes = isString(raw[name]) ? decodeBase64(raw[name]) : undefined;
    if (!bytes || bytes.length % 4 !== 0) fail('index', `"${name}" is not base64 of 32-bit numbers`);
    arrays[name] = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  }
  const { hashes, starts, documents, sizes } = arrays;
  if (sizes.length !== documentCount) fail('index', `sizes for ${sizes.length} documents, the pack has ${documentCount}`);
  if (starts.length !== hashes.length + 1 || starts[0] !== 0 || starts[hashes.length] !== documents.length) {
    fail('index', 'offsets do not match the postings');
  }
  for (let i = 1; i < hashes.length; i++) {
    if (hashes[i] <= hashes[i - 1] || starts[i] < starts[i - 1]) fail('index', 'fingerprints are not in order');
  }
  for (let i = 0; i < documents.length; i++) if (documents[i] >= documentCount) fail('index', 'a posting names no document');
  return arrays;
}

/**
 * Reads and checks a pack file; a bad or foreign file gets one PackError
 * saying what is wrong. `checked` hears how many documents were verified
 * (their SHA-256, the bulk of the time): at the start, every 50, at the end.
 */
export function parsePack(text: string, checked: (done: number, total: number) => void = () => undefined): CorpusPack {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PackError('not a Yuanwen corpus pack (not JSON)');
  }
  if (!isObject(raw) || raw.format !== PACK_FORMAT) throw new PackError('not a Yuanwen corpus pack (no "format": "yuanwen-corpus-pack")');
  if (raw.version !== PACK_VERSION) {
    throw new PackError(
      typeof raw.version === 'number' && raw.version > PACK_VERSION
        ? `pack version ${raw.version} is newer than this Yuanwen reads (${PACK_VERSION}): update Yuanwen`
        : `unsupported pack version ${String(raw.version)}`,
    );
  }
  if (!isString(raw.id) || !PACK_ID.test(raw.id)) throw new PackError('pack id must be a short ASCII id');
  if (!isString(raw.title) || !isString(raw.created)) throw new PackError('pack "title" and "created" must be strings');
  const fp = raw.fingerprints;
  if (!isObject(fp) || fp.k !== K || fp.w !== W) {
    throw new PackError(`pack fingerprints are not k=${K}, w=${W}: rebuild it with this version's yuanwen pack`);
  }
  if (!Array.isArray(raw.documents)) throw new PackError('pack "documents" must be a list');
  const total = raw.documents.length;
  checked(0, total);
  const documents = raw.documents.map((d: unknown, i) => {
    const document = readDocument(d, i);
    if ((i + 1) % 50 === 0 || i + 1 === total) checked(i + 1, total);
    return document;
  });
  const ids = new Set<string>();
  for (const d of documents) {
    if (ids.has(d.id)) throw new PackError(`document id "${d.id}" appears twice`);
    ids.add(d.id);
  }
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id: raw.id,
    title: raw.title,
    created: raw.created,
    documents,
    index: readIndex(raw.index, documents.length),
  };
}
