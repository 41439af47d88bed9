/**
 * "Hidden" on a live page, as layout decides it: the page's stylesheets hide
 * far more than its markup says (collapsed menus, print-only blocks, tab
 * panels). Skipping a `visibility:hidden` subtree also skips a child made
 * visible again; that is rare in article text and keeps the walk simple.
 */
export function hiddenInLayout(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(element);
  return style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse';
}
