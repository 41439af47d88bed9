/**
 * A web page the reader saves as a canonical document of their own ("Save
 * this page" in the popup), typically the issuer's own site: its text as
 * Yuanwen extracts it, without the site's chrome around the document,
 * structured like any pack's plain text (clause markers detected, so it has
 * clauses), with the page's URL (`source`), the time it was saved
 * (`savedAt`) and the SHA-256 of the text.
 *
 * The reader's documents are one pack, USER_PACK_ID, which the background
 * stores like an imported one (so identification, links, the viewer and
 * highlights treat them alike); they are exported as an ordinary pack,
 * EXPORT_PACK_ID, which imports here or in `yuanwen check --corpus`.
 */
import type { CanonicalDocument } from './corpus';
import { SourceFormatError, latestDate } from './laws-markdown';
import { packDocument, seriesKey } from './pack';
import { cleanParagraph, structureBody } from './structure';
import { markerAtLineStart } from '../text/markers';

/** The pack holding the reader's own documents (reserved: an imported pack may not use it). */
export const USER_PACK_ID = 'user';
/** The id of the pack the reader's documents are exported as (a re-import replaces an earlier one). */
export const EXPORT_PACK_ID = 'my-documents';
/** Longest title a saved document may have. */
export const MAX_TITLE = 200;
/** Largest page text that is saved (the same as the largest page the background analyses). */
export const MAX_SAVED_TEXT = 2 * 1024 * 1024;
/** Fewest Han characters a saved document must have: less is no document to check reprints against. */
export const MIN_SAVED_HAN = 50;

/** A page as the content script reads it, with the tab's URL. */
export interface PageSource {
  url: string;
  /** The page's own title (its first `<h1>`, else `<title>`). */
  title: string;
  /** The page's text as Yuanwen extracts it. */
  text: string;
}

/** A saved document as the corpus page lists it. */
export interface SavedDocumentSummary {
  id: string;
  title: string;
  url: string;
  /** ISO time. */
  savedAt: string;
  sha256: string;
  date: string;
  characters: number;
  /** Numbered clauses (articles, `（一）`…). */
  clauses: number;
}

/** Lines that start a site's footer: everything from one of them on is not the document. */
const FOOTER_LINE =
  /^(?:责任编辑|責任編輯|编辑[:：]|【(?:纠错|打印|关闭|责任编辑|字号|字体|分享|收藏)|打印本页|关闭窗口|版权所有|版權所有|copyright|©|主办单位|主办[:：]|承办[:：]|网站标识码|京icp|icp备|联系我们|扫一扫|分享到|相关链接|相关文章|上一篇|下一篇)/i;

/** A line that ends as a sentence or an enumeration ends (closing quotes and brackets after it allowed). */
const SENTENCE_END = /[。；：！？!?;:][”’」』）)]*$/;

const HAN = /\p{Script=Han}/gu;

/**
 * The document's lines among a page's: from the first line after the title
 * that opens a clause or ends a sentence, to the last line ending a sentence
 * before the site's footer. The bylines, breadcrumbs, "source/date/font size"
 * lines and footers around a document are page chrome: saved, they would
 * make every other site's chrome an omission or insertion in the document.
 */
export function documentLines(text: string, title: string): { lines: string[]; header: string[] } {
  const all = text.split('\n').map(cleanParagraph);
  const key = seriesKey(title);
  const titleAt = key ? all.findIndex((line) => seriesKey(line) === key) : -1;
  let start = titleAt + 1;
  const opens = (line: string) => markerAtLineStart(line)?.start === 0 || SENTENCE_END.test(line);
  while (start < all.length && !opens(all[start])) start++;
  let end = all.length;
  const footer = all.findIndex((line, i) => i > start && FOOTER_LINE.test(line));
  if (footer >= 0) end = footer;
  while (end > start && !SENTENCE_END.test(all[end - 1])) end--;
  return { lines: all.slice(start, end).filter((line) => line !== ''), header: all.slice(0, start) };
}

/** The id of a saved document: derived from its text, so the same text keeps it in every export. */
export function savedDocumentId(sha256: string): string {
  return `u-${sha256.slice(0, 16)}`;
}

/** A title as the reader typed it: one line, trimmed; '' when unusable. */
export function cleanTitle(title: string): string {
  // Control characters are no part of a title.
  // eslint-disable-next-line no-control-regex
  const one = title.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return one.length <= MAX_TITLE ? one : '';
}

/**
 * The canonical document saved from a page. Throws a SourceFormatError
 * saying why when the page has no usable text or the title is empty.
 */
export function savedPageDocument(source: PageSource, savedAt: string): CanonicalDocument & { id: string } {
  const title = cleanTitle(source.title);
  if (title === '') throw new SourceFormatError(`the title must be 1 to ${MAX_TITLE} characters`);
  if (source.text.length > MAX_SAVED_TEXT) throw new SourceFormatError(`the page's text is longer than ${MAX_SAVED_TEXT} characters`);
  const { lines, header } = documentLines(source.text, title);
  const structure = structureBody(lines.map((text) => ({ text })));
  const han = structure.text.match(HAN)?.length ?? 0;
  if (han < MIN_SAVED_HAN) {
    throw new SourceFormatError(`the page has too little text to be a document (${han} Chinese characters, at least ${MIN_SAVED_HAN})`);
  }
  const document = packDocument(
    { title, issuer: '', number: '', date: latestDate([...header.slice(-5), ...lines.slice(0, 3)]), info: [], ...structure },
    source.url,
  );
  return { ...document, id: savedDocumentId(document.sha256!), savedAt };
}

/** The document under a new title (its series follows the title: versions are told by it). */
export function retitled(document: CanonicalDocument, title: string): CanonicalDocument {
  const clean = cleanTitle(title);
  if (clean === '') throw new SourceFormatError(`the title must be 1 to ${MAX_TITLE} characters`);
  return { ...document, title: clean, series: seriesKey(clean) };
}

export function savedDocumentSummary(d: CanonicalDocument): SavedDocumentSummary {
  return {
    id: d.id,
    title: d.title,
    url: d.source ?? '',
    savedAt: d.savedAt ?? '',
    sha256: d.sha256 ?? '',
    date: d.date,
    characters: d.text.length,
    clauses: d.clauses.filter((c) => c.kind === 'numbered').length,
  };
}
