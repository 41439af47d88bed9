/**
 * `{type:'yuanwen/scroll-to', pageStart, pageEnd}` from the popup: scroll the
 * page to that stretch of its text (offsets of the current report) and flash
 * it for a moment, so the reader sees which words a deviation in the popup
 * refers to. The page text is read again the way the analysis read it; if the
 * page changed since, the offsets may no longer fit and the answer is false.
 * The flash is a CSS custom highlight (`yuanwen-flash`): the page's DOM is
 * not touched.
 */
import { browser, type Runtime } from '../platform/browser';
import { isOwnSender, parseMessage } from '../messages/analysis';
import { replyFromTab } from '../messages/replies';
import { readPage } from './analysis';
import { pagePoint, pageRange } from './render/plan';

export const FLASH_HIGHLIGHT = 'yuanwen-flash';
const FLASH_MS = 1_600;
const FLASH_CSS = `::highlight(${FLASH_HIGHLIGHT}) { background-color: rgba(255, 213, 0, 0.85); color: #000; }`;

let sheet: CSSStyleSheet | undefined;
let flashTimer: ReturnType<typeof setTimeout> | undefined;

function flash(range: Range): void {
  const registry = (globalThis.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights;
  if (!registry || typeof Highlight !== 'function') return;
  if (!sheet) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(FLASH_CSS);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    } catch {
      return;
    }
  }
  registry.set(FLASH_HIGHLIGHT, new Highlight(range));
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => registry.delete(FLASH_HIGHLIGHT), FLASH_MS);
}

function scrollTo(pageStart: number, pageEnd: number): boolean {
  const extracted = readPage(document);
  if (!extracted) return false;
  const { map } = extracted;
  let range = pageEnd > pageStart ? pageRange(map, pageStart, pageEnd) : undefined;
  // An omission has no page text: show the characters either side of where it is missing.
  range ??= pageRange(map, Math.max(0, pageStart - 1), Math.min(map.length, pageEnd + 1)) ?? pagePoint(map, pageStart);
  if (!range) return false;
  const element = range.startContainer.parentElement;
  if (!element) return false;
  // Smooth only for a reader watching: a hidden tab runs no animation frames, and some readers ask for less motion.
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  element.scrollIntoView({ block: 'center', behavior: reduced || document.visibilityState !== 'visible' ? 'auto' : 'smooth' });
  flash(range);
  return true;
}

export function answerScrollRequests(): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<boolean> | undefined => {
    const message = parseMessage(raw);
    if (message?.type !== 'yuanwen/scroll-to' || !isOwnSender(sender, browser.runtime.id)) return undefined;
    return replyFromTab(message, Promise.resolve(scrollTo(message.pageStart, message.pageEnd)));
  });
}
