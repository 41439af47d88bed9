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

/**
 * Calls `onSettled` after the page's content changed and then stayed
 * unchanged for SETTLE_MS. Changes are DOM mutations and frames finishing
 * loading (a same-origin frame's text is read with the page's, and is often
 * not there yet at document_idle).
 */
export function watchPageChanges(document: Document, onSettled: () => void): PageChanges {
  let stale = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const changed = (): void => {
    stale = true;
    clearTimeout(timer);
    timer = setTimeout(onSettled, SETTLE_MS);
  };

  const observer = new MutationObserver((records) => {
    // Our own UI's mutations are not page changes (and would loop forever).
    if (records.every((record) => insideOwnUi(record.target))) return;
    changed();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });

  // `load` does not bubble, but a capturing listener on the document sees every frame's.
  const onLoad = (event: Event): void => {
    const target = event.target as Element | null;
    if (target?.localName === 'iframe' || target?.localName === 'frame') changed();
  };
  document.addEventListener('load', onLoad, true);

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
      document.removeEventListener('load', onLoad, true);
      clearTimeout(timer);
    },
  };
}
