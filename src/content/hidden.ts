/**
 * "Hidden" on a live page, as layout decides it: the page's stylesheets hide
 * far more than its markup says (collapsed menus, print-only blocks, tab
 * panels). Skipping a `visibility:hidden` subtree also skips a child made
 * visible again; that is rare in article text and keeps the walk simple.
 *
 * The walk asks this of every element it enters, so each answer must cost
 * the same at any depth (issue 14: a hostile page nests 10,000 levels). It
 * reads the element's computed `display`, `visibility` and
 * `content-visibility` — a lookup once the page's style is up to date —
 * and never calls `checkVisibility()`, which walks every ancestor. An element
 * with `content-visibility:hidden` (also `hidden=until-found`) is shown
 * but its subtree is not rendered: the answer `'unrendered'` tells the walk
 * (src/page/extract-text.ts) to judge its descendants by markup, without
 * forcing a style computation for each of them. Such text, like a closed
 * `<details>`, is read: find-in-page reaches it.
 */
export function hiddenInLayout(element: Element): boolean | 'unrendered' {
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(element);
  if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return true;
  return style.contentVisibility === 'hidden' ? 'unrendered' : false;
}
