/**
 * The files `yuanwen pack` reads, by kind: the laws collection's Markdown
 * (laws-markdown.ts), the project's corpus source format (source.ts, a
 * `.txt` with a `key: value` header ended by `---`), and plain text with the
 * title on its first line (also what an HTML page's text becomes).
 */
import { dateFromFileName, latestDate, parseLawsMarkdown, SourceFormatError } from './laws-markdown';
import { packDocument, seriesKey, type PackInput } from './pack';
import { parseCorpusSource } from './source';
import { structureBody } from './structure';
import { sha256 } from '../text/sha256';

/** A plain text: the title, then the body, one paragraph a line. */
export function plainTextDocument(fileName: string, title: string, body: string): PackInput {
  const lines = body.split('\n');
  const structure = structureBody(lines.map((text) => ({ text })));
  if (title.trim() === '' || structure.text.length === 0) throw new SourceFormatError('no title line and text after it');
  return packDocument(
    {
      title: title.trim(),
      issuer: '',
      number: '',
      date: dateFromFileName(fileName) || latestDate(lines.slice(0, 5)),
      info: [],
      ...structure,
    },
    fileName,
  );
}

/** Whether a `.txt` is in the corpus source format (a header of `key: value` lines up to `---`). */
function isCorpusSource(text: string): boolean {
  return /^(?:#.*\n|\s*\n)*id:\s*\S+/.test(text) && /\n---\s*\n/.test(text);
}

/**
 * One pack document from a `.md` or `.txt` file (`fileName` is shown in
 * messages and kept as the document's source). Throws with a one-line reason.
 */
export function sourceFileDocument(fileName: string, text: string): PackInput {
  const clean = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  if (/\.md$/i.test(fileName)) return packDocument(parseLawsMarkdown(fileName, clean), fileName);
  if (isCorpusSource(clean)) {
    const doc = parseCorpusSource(fileName, clean);
    return { ...doc, series: seriesKey(doc.title), sha256: sha256(doc.text), source: fileName };
  }
  const firstLine = clean.search(/\S/);
  if (firstLine < 0) throw new SourceFormatError('empty file');
  const lineEnd = clean.indexOf('\n', firstLine);
  const title = clean.slice(firstLine, lineEnd < 0 ? undefined : lineEnd);
  return plainTextDocument(fileName, title, lineEnd < 0 ? '' : clean.slice(lineEnd + 1));
}
