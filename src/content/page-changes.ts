/**
 * Text that arrives after load (script-rendered articles, "下一页" loaded in
 * place, infinite scroll): the page is marked stale on mutation and analysed
 * again once it has been quiet for a moment, so a burst of mutations costs
 * one analysis.
 */

/** Quiet time before re-analysing; well inside the 1 s the issue allows after text settles. */
export const SETTLE_MS = 400;

export interface PageChanges {
  /** Whether the page changed since the last analysis. */
  readonly stale: boolean;
  /** Record that an analysis just ran (cancels any scheduled one). */
  analysed(): void;
  stop(): void;
}

function insideOwnUi(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return element?.closest('[data-yuanwen-ui]') != null;
}

/** Calls `onSettled` after the page's content changed and then stayed unchanged for SETTLE_MS. */
export function watchPageChanges(root: Node, onSettled: () => void): PageChanges {
  let stale = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const observer = new MutationObserver((records) => {
    // Our own UI's mutations are not page changes (and would loop forever).
    if (records.every((record) => insideOwnUi(record.target))) return;
    stale = true;
    clearTimeout(timer);
    timer = setTimeout(onSettled, SETTLE_MS);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });

  return {
    get stale() {
      return stale;
    },
    analysed() {
      stale = false;
      clearTimeout(timer);
      timer = undefined;
    },
    stop() {
      observer.disconnect();
      clearTimeout(timer);
    },
  };
}
