/**
 * "Hidden" on a live page, as layout decides it: the page's stylesheets hide
 * far more than its markup says (collapsed menus, print-only blocks, tab
 * panels). Skipping a `visibility:hidden` subtree also skips a child made
 * visible again; that is rare in article text and keeps the walk simple.
 *
 * The walk asks this of every element it enters (thousands on a long page),
 * so it asks the cheap question first: `checkVisibility()` answers from the
 * element's layout box without building a computed-style object. Only when
 * it says "not visible" — rare in article text — is the answer confirmed
 * with `getComputedStyle`, because it also says so for `display:contents`
 * (no box of its own, but its children are shown) and inside
 * `content-visibility:hidden`, which this module has never treated as
 * hidden.
 */

interface VisibilityCheck {
  checkVisibility?(options?: { visibilityProperty?: boolean; checkVisibilityCSS?: boolean }): boolean;
}

/** `visibilityProperty` and its older name, so that `visibility:hidden` counts in every version that has either. */
const CHECK = { visibilityProperty: true, checkVisibilityCSS: true };

/** The element's own computed `display` and `visibility` say it is not shown. */
export function hiddenByComputedStyle(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(element);
  return style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse';
}

export function hiddenInLayout(element: Element): boolean {
  const check = (element as VisibilityCheck).checkVisibility;
  if (typeof check === 'function' && check.call(element, CHECK)) return false;
  return hiddenByComputedStyle(element);
}
