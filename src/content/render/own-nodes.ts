/**
 * The nodes Yuanwen put on the page: the UI host and, where the Custom
 * Highlight API is missing, the `<mark>` wrappers of deviation marks. Known
 * by identity, never by an attribute: a page can set any attribute on its
 * own elements (issue 14: `data-yuanwen-ui` on an article once made its
 * edits invisible to us).
 */
const own = new WeakSet<Node>();

export function markOwn(node: Node): void {
  own.add(node);
}

/** Whether `node` is one of ours or inside one. */
export function isOwnNode(node: Node): boolean {
  for (let at: Node | null = node; at; at = at.parentNode) if (own.has(at)) return true;
  return false;
}
