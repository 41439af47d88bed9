/**
 * Parses a canonical source file (`corpus/*.txt`) into a CanonicalDocument.
 *
 * Format: `key: value` header lines (`witness: id | description` and
 * `variant: clause | adopted | rejected | rejected by | note` may repeat;
 * lines starting with `#` are comments), a line `---`, then the canonical
 * text, one paragraph per line. A paragraph opening with `一、` and no
 * sentence punctuation is a section heading; one opening with `（一）` starts
 * a numbered clause, which runs until the next clause or heading; any other
 * paragraph is unnumbered, or continues the open numbered clause.
 */
import {
  CORPUS_SCHEMA,
  type CanonicalDocument,
  type Clause,
  type DocumentMetadata,
  type Section,
  type Variant,
  type Witness,
} from './corpus';
import { markerAtLineStart } from '../text/markers';
import { segmentWords } from './words';

export class CorpusSourceError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'CorpusSourceError';
  }
}

const REQUIRED_KEYS = ['id', 'title', 'issuer', 'date', 'publisher', 'collation'] as const;
const KNOWN_KEYS = new Set<string>([...REQUIRED_KEYS, 'number', 'witness', 'variant']);

interface Header {
  meta: DocumentMetadata;
  /** Index of the first body line. */
  bodyLine: number;
}

function parseHeader(file: string, lines: string[]): Header {
  const values: Record<string, string> = {};
  const witnesses: Witness[] = [];
  const variants: Variant[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const lineNo = i + 1;
    if (line === '---') {
      for (const key of REQUIRED_KEYS) {
        if (!values[key]) throw new CorpusSourceError(file, lineNo, `header is missing "${key}"`);
      }
      if (!/^[a-z0-9][a-z0-9-]*$/.test(values.id)) {
        throw new CorpusSourceError(file, lineNo, `id "${values.id}" must be lowercase letters, digits and hyphens`);
      }
      if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
        throw new CorpusSourceError(file, lineNo, `date "${values.date}" must be YYYY-MM-DD`);
      }
      const meta: DocumentMetadata = {
        id: values.id,
        title: values.title,
        issuer: values.issuer,
        number: values.number ?? '',
        date: values.date,
        publisher: values.publisher,
        witnesses,
        collation: values.collation,
        variants,
      };
      return { meta, bodyLine: i + 1 };
    }
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-z]+):\s*(.*)$/.exec(line);
    if (!m) throw new CorpusSourceError(file, lineNo, `expected "key: value" in the header, found "${line.slice(0, 30)}"`);
    const [, key, value] = m;
    if (!KNOWN_KEYS.has(key)) throw new CorpusSourceError(file, lineNo, `unknown header key "${key}"`);
    const parts = value.split('|').map((p) => p.trim());
    if (key === 'witness') {
      if (parts.length !== 2) throw new CorpusSourceError(file, lineNo, 'witness needs "id | description"');
      witnesses.push({ id: parts[0], description: parts[1] });
    } else if (key === 'variant') {
      if (parts.length !== 5) throw new CorpusSourceError(file, lineNo, 'variant needs "clause | adopted | rejected | rejected by | note"');
      const [clause, adopted, rejected, rejectedBy, note] = parts;
      if (!witnesses.some((w) => w.id === rejectedBy)) throw new CorpusSourceError(file, lineNo, `variant names unknown witness "${rejectedBy}"`);
      variants.push({ clause, adopted, rejected, rejectedBy, note });
    } else {
      if (values[key] !== undefined) throw new CorpusSourceError(file, lineNo, `header key "${key}" given twice`);
      values[key] = value;
    }
  }
  throw new CorpusSourceError(file, lines.length, 'no "---" line ends the header');
}

/** A heading is short and carries no sentence punctuation. */
function isHeadingText(paragraph: string): boolean {
  return paragraph.length <= 40 && !/[。；：！？]/.test(paragraph);
}

export function parseCorpusSource(file: string, source: string): CanonicalDocument {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const { meta, bodyLine } = parseHeader(file, lines);

  const paragraphs: string[] = [];
  const sections: Section[] = [{ id: 's0', label: '', heading: '', start: 0, end: 0, clauseIds: [] }];
  const clauses: Clause[] = [];
  let offset = 0;
  let section = sections[0];
  let openClause: Clause | undefined;
  let paragraphInSection = 0;
  let lastClauseValue = 0;

  for (let i = bodyLine; i < lines.length; i++) {
    const lineNo = i + 1;
    const paragraph = lines[i].trim();
    if (paragraph === '') continue;
    if (/[\t]|\s{2,}/.test(paragraph)) throw new CorpusSourceError(file, lineNo, 'stray whitespace inside a paragraph');
    const start = offset + (paragraphs.length > 0 ? 1 : 0);
    const end = start + paragraph.length;
    paragraphs.push(paragraph);
    offset = end;

    const marker = markerAtLineStart(paragraph);
    if (marker?.style === 'cn-enum' && marker.start === 0 && isHeadingText(paragraph)) {
      const expected = sections.length;
      if (marker.value !== expected) {
        throw new CorpusSourceError(file, lineNo, `section "${marker.label}" out of sequence: expected section ${expected}`);
      }
      section.end = start - 1;
      section = {
        id: `s${marker.value}`,
        label: marker.label,
        heading: paragraph.slice(marker.end),
        start,
        end,
        clauseIds: [],
      };
      sections.push(section);
      const heading: Clause = {
        id: `s${marker.value}h`, kind: 'heading', label: marker.label, section: marker.label,
        start, bodyStart: start + marker.end, end, text: paragraph,
      };
      clauses.push(heading);
      section.clauseIds.push(heading.id);
      openClause = undefined;
      paragraphInSection = 0;
      continue;
    }

    if (marker?.style === 'cn-bracket' && marker.start === 0) {
      if (marker.value !== lastClauseValue + 1) {
        throw new CorpusSourceError(file, lineNo, `clause "${marker.label}" out of sequence: expected clause ${lastClauseValue + 1}`);
      }
      if (section.id === 's0') throw new CorpusSourceError(file, lineNo, `clause "${marker.label}" before the first section`);
      lastClauseValue = marker.value;
      openClause = {
        id: `c${marker.value}`, kind: 'numbered', label: marker.label, section: section.label,
        start, bodyStart: start + marker.end, end, text: paragraph,
      };
      clauses.push(openClause);
      section.clauseIds.push(openClause.id);
      continue;
    }

    if (openClause) {
      // A further paragraph of the open numbered clause (e.g. a `——` list).
      openClause.end = end;
      continue;
    }
    paragraphInSection++;
    const p: Clause = {
      id: `${section.id}p${paragraphInSection}`, kind: 'paragraph', label: '', section: section.label,
      start, bodyStart: start, end, text: paragraph,
    };
    clauses.push(p);
    section.clauseIds.push(p.id);
  }

  const text = paragraphs.join('\n');
  if (text.length === 0) throw new CorpusSourceError(file, lines.length, 'the document has no text');
  section.end = text.length;
  for (const c of clauses) c.text = text.slice(c.start, c.end);
  // The preamble section is kept only when the document has one.
  const kept = sections[0].clauseIds.length > 0 ? sections : sections.slice(1);
  return { schema: CORPUS_SCHEMA, ...meta, text, sections: kept, clauses, wordLengths: segmentWords(text) };
}
