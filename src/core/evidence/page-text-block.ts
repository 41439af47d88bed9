/**
 * The page text as extracted, kept in the evidence report so that anyone can
 * check it again: `yuanwen check report.html` reads it back exactly, and its
 * SHA-256 is the one the report states.
 *
 * It sits in `<pre><code id="yuanwen-page-text">`, escaped by `escapeHtml`
 * (which also writes CR as `&#13;`, since parsers turn a literal CR into LF).
 * Inside `<code>`, not directly in `<pre>`: a parser drops a newline right
 * after `<pre>`, and the text may start with one.
 */
import { escapeHtml } from './escape-html';

export const PAGE_TEXT_ELEMENT_ID = 'yuanwen-page-text';
/** `<meta name="generator">` of an evidence report, followed by its format version. */
export const EVIDENCE_GENERATOR = 'Yuanwen evidence';
export const EVIDENCE_FORMAT = 1;

/** The block, with the page's address and title as attributes, so a re-check can name the page too. */
export function pageTextBlock(text: string, url: string, title: string): string {
  const attributes = `id="${PAGE_TEXT_ELEMENT_ID}" data-url="${escapeHtml(url)}" data-title="${escapeHtml(title)}"`;
  return `<pre class="page-text"><code ${attributes}>${escapeHtml(text)}</code></pre>`;
}

/** Whether an HTML file is one of our evidence reports (sniffed from its head, before parsing it). */
export function isEvidenceReport(html: string): boolean {
  const head = html.slice(0, 4096);
  return head.includes(`<meta name="generator" content="${EVIDENCE_GENERATOR} `);
}
