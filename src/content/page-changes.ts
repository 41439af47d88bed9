/**
 * Text that arrives after load (script-rendered articles, "下一页" loaded in
 * place, infinite scroll, single-page navigation): the page is marked stale
 * on mutation and analysed again once it has been quiet for a moment, so a
 * burst of mutations costs one analysis. Showing or hiding text (`hidden`,
 * `style`, `class`, `open` on an element with content) is a change too. Our
 * own nodes' mutations are not page changes; ours are known by identity
 * (./render/own-nodes.ts), not by any attribute the page could copy.
 */
import { isOwnNode } from './render/own-nodes';

/**
 * Quiet time before re-analysing. The issue allows 1 s after the text
 * settles; analysis itself (extraction, the background's engine, rendering)
 * takes well under 100 ms on the full Opinion, which leaves a wide margin.
 */
export const SETTLE_MS = 400;

export interface PageChanges {
  /** Whether the page changed since the last analysis. */
  readonly stale: boolean;
  /** Record that an analysis just started (cancels any scheduled one). */
  analysed(): void;
  /**
   * Runs `change`, which mutates the page on our behalf (fallback highlight
   * wrappers), without treating its mutations as page changes.
   */
  withoutObserving(change: () => void): void;
  stop(): void;
}

function isOwnRecord(record: MutationRecord): boolean {
  if (isOwnNode(record.target)) return true;
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  // A removed host is recognised by identity alone (the guard, ./render/ui-guard.ts, puts it back).
  return nodes.length > 0 && nodes.every(isOwnNode);
}

/**
 * Attributes that show or hide text: a page that swaps a faithful and an
 * altered copy by toggling them changes what the reader sees without
 * changing any text (issue 14).
 */
const VISIBILITY_ATTRIBUTES = ['hidden', 'style', 'class', 'open'];

/** An attribute change that may show or hide text: on an element with content, and a real change of value. */
function mayChangeVisibleText(record: MutationRecord): boolean {
  if (record.type !== 'attributes') return true;
  const element = record.target as Element;
  if (!element.hasChildNodes()) return false;
  return record.oldValue !== element.getAttribute(record.attributeName ?? '');
}

/**
 * Calls `onSettled` after the page's content changed and then stayed
 * unchanged for SETTLE_MS. Changes are DOM mutations, a new URL (history
 * navigation in single-page sites) and frames finishing loading (a
 * same-origin frame's text is read with the page's, and is often not there
 * yet at document_idle).
 */
export function watchPageChanges(document: Document, onSettled: () => void): PageChanges {
  let stale = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const view = document.defaultView;
  let url = document.location?.href;

  const changed = (): void => {
    stale = true;
    clearTimeout(timer);
    timer = setTimeout(onSettled, SETTLE_MS);
  };

  const consider = (records: MutationRecord[]): void => {
    const urlNow = document.location?.href;
    const moved = urlNow !== url;
    url = urlNow;
    if (moved || records.some((r) => !isOwnRecord(r) && mayChangeVisibleText(r))) changed();
  };

  const observer = new MutationObserver(consider);
  observer.observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: VISIBILITY_ATTRIBUTES,
    attributeOldValue: true,
  });

  // `load` does not bubble, but a capturing listener on the document sees every frame's.
  const onLoad = (event: Event): void => {
    const target = event.target as Element | null;
    if (target?.localName === 'iframe' || target?.localName === 'frame') changed();
  };
  document.addEventListener('load', onLoad, true);
  const onPopState = (): void => consider([]);
  view?.addEventListener('popstate', onPopState);

  return {
    get stale() {
      return stale;
    },
    analysed() {
      stale = false;
      clearTimeout(timer);
      timer = undefined;
    },
    withoutObserving(change) {
      // Page mutations queued before ours still count.
      const pending = observer.takeRecords();
      if (pending.length > 0) consider(pending);
      try {
        change();
      } finally {
        observer.takeRecords();
      }
    },
    stop() {
      observer.disconnect();
      document.removeEventListener('load', onLoad, true);
      view?.removeEventListener('popstate', onPopState);
      clearTimeout(timer);
    },
  };
}
