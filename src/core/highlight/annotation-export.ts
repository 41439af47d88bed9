/**
 * Exporting highlights, in three forms for three readers:
 *
 * - a lossless backup (`yuanwen-backup`, version 1): the records exactly as
 *   stored, for moving to another browser or restoring (src/core/highlight/backup.ts
 *   reads it back);
 * - W3C Web Annotation JSON-LD, for other annotation tools: one
 *   `AnnotationCollection` of `Annotation`s. What the model has no term for
 *   (page title, colour, canonical anchor) rides along under the property
 *   `urn:yuanwen:highlight`: an absolute IRI, so JSON-LD processors treat it
 *   as an opaque extension, and our importer reads it back;
 * - Markdown for people: grouped by canonical document and clause, each
 *   quote linked back to its page (with a text fragment) and to the clause in
 *   the canonical viewer.
 *
 * Pure: the viewer's address and document titles are passed in.
 */
import type { CanonicalAnchor, Highlight, HighlightColor } from './record';

export const BACKUP_FORMAT = 'yuanwen-backup';
/** Version 1 holds records of HIGHLIGHT_SCHEMA 2. */
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  highlights: Highlight[];
}

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our extension property on an Annotation (see the module comment). */
export const EXTENSION_PROPERTY = 'urn:yuanwen:highlight';

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
}

export interface WebAnnotation {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: {
    source: string;
    selector: [Highlight['selectors']['quote'], Highlight['selectors']['position']];
  };
  [EXTENSION_PROPERTY]: { title: string; color: HighlightColor; canonical?: CanonicalAnchor };
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

export function toBackup(highlights: readonly Highlight[], now: Date = new Date()): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), highlights: [...highlights] };
}

/** The backup file's text. */
export function backupJson(highlights: readonly Highlight[], now: Date = new Date()): string {
  return JSON.stringify(toBackup(highlights, now), null, 1);
}

export function toWebAnnotation(h: Highlight): WebAnnotation {
  const body: TextualBody[] = [];
  if (h.note !== '') body.push({ type: 'TextualBody', value: h.note, format: 'text/plain', purpose: 'commenting' });
  for (const tag of h.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const annotation: WebAnnotation = {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${h.id}`,
    type: 'Annotation',
    motivation: h.note !== '' ? 'commenting' : 'highlighting',
    created: h.created,
    modified: h.modified,
    target: { source: h.url, selector: [{ ...h.selectors.quote }, { ...h.selectors.position }] },
    [EXTENSION_PROPERTY]: { title: h.title, color: h.color, ...(h.canonical ? { canonical: { ...h.canonical } } : {}) },
  };
  if (body.length > 0) annotation.body = body;
  return annotation;
}

export function toAnnotationCollection(highlights: readonly Highlight[], now: Date = new Date()): AnnotationCollection {
  return {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Yuanwen highlights',
    total: highlights.length,
    generated: now.toISOString(),
    first: { type: 'AnnotationPage', startIndex: 0, items: highlights.map(toWebAnnotation) },
  };
}

export function webAnnotationJson(highlights: readonly Highlight[], now: Date = new Date()): string {
  return JSON.stringify(toAnnotationCollection(highlights, now), null, 1);
}

// ---------------------------------------------------------------------------
// Markdown

export interface MarkdownOptions {
  /** A canonical document's title, by id (from the bundled corpus). */
  documentTitle?: (documentId: string) => string | undefined;
  /** The canonical viewer's address for a clause; the default is relative to the extension. */
  viewerUrl?: (documentId: string, clauseId: string) => string;
  now?: Date;
}

/** The viewer's address as the extension builds it (src/background/viewer-tab.ts), relative. */
export function defaultViewerUrl(documentId: string, clauseId: string): string {
  return `viewer.html#${new URLSearchParams({ doc: documentId, clause: clauseId }).toString()}`;
}

/**
 * Highlights as Markdown: canonical documents first (by title), each with
 * its clauses in document order; then the highlights on other pages, by page.
 */
export function toMarkdown(highlights: readonly Highlight[], options: MarkdownOptions = {}): string {
  const title = options.documentTitle ?? (() => undefined);
  const viewer = options.viewerUrl ?? defaultViewerUrl;
  const out: string[] = [
    '# 原文 Yuanwen highlights',
    '',
    `Exported ${(options.now ?? new Date()).toISOString()}, ${highlights.length} highlight${highlights.length === 1 ? '' : 's'}.`,
  ];

  const byDocument = new Map<string, Highlight[]>();
  const byPage = new Map<string, Highlight[]>();
  for (const h of highlights) {
    const key = h.canonical?.documentId;
    const group = key !== undefined ? byDocument : byPage;
    const k = key ?? h.url;
    group.set(k, [...(group.get(k) ?? []), h]);
  }

  const documents = [...byDocument.keys()].sort((a, b) => compare(title(a) ?? a, title(b) ?? b));
  for (const documentId of documents) {
    const docTitle = title(documentId);
    out.push('', `## ${escape(docTitle ? `《${docTitle}》` : documentId)}`, '');
    const items = byDocument.get(documentId)!;
    items.sort((a, b) => a.canonical!.canonicalStart - b.canonical!.canonicalStart || compare(a.created, b.created));
    let clauseId: string | undefined;
    for (const h of items) {
      const c = h.canonical!;
      if (c.clauseId !== clauseId) {
        clauseId = c.clauseId;
        out.push(`### ${escape(c.clause || '序言')} · [原文 canonical text](${linkTarget(viewer(documentId, c.clauseId))})`, '');
      }
      out.push(...entry(h, true));
    }
  }

  const pages = [...byPage.keys()].sort((a, b) => compare(a, b));
  if (pages.length > 0) out.push('', documents.length > 0 ? '## Other pages' : '## Pages', '');
  for (const url of pages) {
    const items = byPage.get(url)!.sort((a, b) => a.selectors.position.start - b.selectors.position.start);
    out.push(`### [${escape(items[0].title || url)}](${linkTarget(url)})`, '');
    for (const h of items) out.push(...entry(h, false));
  }
  return out.join('\n') + '\n';
}

function entry(h: Highlight, withSource: boolean): string[] {
  const lines = h.selectors.quote.exact
    .trim()
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => `> ${escape(l.trim())}`);
  if (h.canonical && normalizeSpace(h.canonical.exact) !== normalizeSpace(h.selectors.quote.exact)) {
    lines.push('>', `> 原文 canonical: ${escape(normalizeSpace(h.canonical.exact))}`);
  }
  lines.push('');
  if (h.note !== '') lines.push(...h.note.split(/\r?\n/).map((l) => escape(l)), '');
  const meta: string[] = [];
  if (h.tags.length > 0) meta.push(h.tags.map((t) => `#${escape(t.replace(/\s+/g, '-'))}`).join(' '));
  meta.push(`[${withSource ? escape(h.title || h.url) : 'source'}](${linkTarget(textFragmentUrl(h))})`);
  meta.push(`${h.color}, ${h.created.slice(0, 10)}`);
  lines.push(`— ${meta.join(' · ')}`, '');
  return lines;
}

/** Longer quotes are linked by their start and end only, as text fragments allow. */
const FRAGMENT_WHOLE_UP_TO = 60;
const FRAGMENT_EDGE = 20;
const FRAGMENT_CONTEXT = 8;

/**
 * The page's address with a text fragment (`#:~:text=prefix-,start,end,-suffix`)
 * that scrolls to and marks the quote in browsers that support it. Column
 * breaks are taken out (the rendered text has none between Chinese
 * characters). Browsers match fragments at word boundaries, so a quote that
 * starts inside a Chinese word may only scroll to the page.
 */
export function textFragmentUrl(h: Highlight): string {
  const exact = normalizeSpace(h.selectors.quote.exact);
  const prefix = contextEdge(normalizeSpace(h.selectors.quote.prefix), false);
  const suffix = contextEdge(normalizeSpace(h.selectors.quote.suffix), true);
  const parts: string[] = [];
  if (prefix) parts.push(`${fragmentEncode(prefix)}-`);
  if ([...exact].length <= FRAGMENT_WHOLE_UP_TO) parts.push(fragmentEncode(exact));
  else {
    const chars = [...exact];
    parts.push(fragmentEncode(chars.slice(0, FRAGMENT_EDGE).join('').trim()), fragmentEncode(chars.slice(-FRAGMENT_EDGE).join('').trim()));
  }
  if (suffix) parts.push(`-${fragmentEncode(suffix)}`);
  return `${h.url}#:~:text=${parts.join(',')}`;
}

/**
 * A few characters of context next to the quote; not cutting a Latin word
 * in half, since fragments match whole words.
 */
function contextEdge(s: string, head: boolean): string {
  const LATIN = /[0-9A-Za-z]/;
  let cut = head ? Math.min(s.length, FRAGMENT_CONTEXT) : Math.max(0, s.length - FRAGMENT_CONTEXT);
  if (head) while (cut < s.length && cut < FRAGMENT_CONTEXT * 3 && LATIN.test(s[cut - 1] ?? '') && LATIN.test(s[cut])) cut++;
  else while (cut > 0 && cut > s.length - FRAGMENT_CONTEXT * 3 && LATIN.test(s[cut - 1]) && LATIN.test(s[cut] ?? '')) cut--;
  return (head ? s.slice(0, cut) : s.slice(cut)).trim();
}

/** Percent-encoding plus `-`, which text fragments use as syntax (`,` and `&` are encoded already). */
function fragmentEncode(s: string): string {
  return encodeURIComponent(s).replace(/-/g, '%2D');
}

const CJK_OR_PUNCT = '[\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uffef]';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=${CJK_OR_PUNCT})\\s+(?=${CJK_OR_PUNCT})`, 'g');

/** Whitespace between Chinese characters removed, other runs collapsed to one space. */
function normalizeSpace(s: string): string {
  return s.replace(SPACE_BETWEEN_CJK, '').replace(/\s+/g, ' ').trim();
}

/** A link destination: parentheses would end it early. */
function linkTarget(url: string): string {
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
}

/** Markdown's syntax characters, escaped so a quote or title reads as written (and `<` cannot open HTML). */
function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------
// Export files

export const EXPORT_FORMATS = ['web-annotation', 'markdown', 'backup'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An export as a file to offer for download. */
export interface ExportedFile {
  text: string;
  filename: string;
  mimeType: string;
  count: number;
}

const EXPORT_FILES: Record<ExportFormat, { stem: string; extension: string; mimeType: string }> = {
  'web-annotation': { stem: 'yuanwen-annotations', extension: 'jsonld', mimeType: 'application/ld+json' },
  markdown: { stem: 'yuanwen-highlights', extension: 'md', mimeType: 'text/markdown' },
  backup: { stem: 'yuanwen-backup', extension: 'json', mimeType: 'application/json' },
};

/** Every highlight as one file of `format`, named for its kind and day (`yuanwen-backup-2025-09-02.json`). */
export function exportFile(format: ExportFormat, highlights: readonly Highlight[], options: MarkdownOptions = {}): ExportedFile {
  const now = options.now ?? new Date();
  const text =
    format === 'backup'
      ? backupJson(highlights, now)
      : format === 'web-annotation'
        ? webAnnotationJson(highlights, now)
        : toMarkdown(highlights, { ...options, now });
  const { stem, extension, mimeType } = EXPORT_FILES[format];
  return { text, filename: `${stem}-${now.toISOString().slice(0, 10)}.${extension}`, mimeType, count: highlights.length };
}
