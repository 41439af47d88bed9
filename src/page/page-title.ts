/**
 * A page's own title for the document it carries: its first `<h1>` (sites
 * put the document's title there), else `<title>` (which usually adds the
 * site's name). DOM Core only: the content script and the CLI share it.
 */
export function pageTitle(document: Document): string {
  return (document.querySelector('h1')?.textContent || document.title || '').replace(/\s+/g, ' ').trim();
}
