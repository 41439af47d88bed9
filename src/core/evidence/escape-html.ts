/**
 * The one way a string enters the evidence report's HTML: every page-
 * controlled or user-written string (page title, URL, text, deviations,
 * notes) goes through `escapeHtml`, in text and in double-quoted attribute
 * values alike.
 *
 * Besides the five markup characters it writes CR as a character reference:
 * an HTML parser turns a literal CR (or CR LF) into LF, and the page text
 * kept in the report must read back exactly (its SHA-256 is in the report).
 */
const REPLACEMENTS: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\r': '&#13;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\r]/g, (c) => REPLACEMENTS[c]);
}
