/**
 * One set of end-to-end test bodies, two browsers: the driver interface the
 * tests are written against, implemented over Playwright in Chromium
 * (extension-browser.ts) and over puppeteer-core in Firefox ESR, by WebDriver
 * BiDi (firefox-browser.ts).
 *
 * `TestPage`, `TestFrame` and `TestLocator` are the part of Playwright's
 * Page, Frame and Locator the tests use: in Chromium they are Playwright's
 * own objects, in Firefox an adapter (firefox-page.ts). What differs between
 * the browsers (finding our frames, reaching the background, a tab's id)
 * goes through `ExtensionBrowser`.
 *
 * `YUANWEN_E2E_BROWSERS=chromium` (or `firefox`) runs one browser; by default
 * both. On the driver so far: extension, pages, traditional, highlights,
 * hostile-page, restart, import-confirm, page-ui, extension-pages,
 * saved-documents, worker-stop, corpus-packs, laws-pack, tab-fairness,
 * evidence: every file; firefox.e2e.ts is Firefox's alone, cross-engine
 * needs both.
 */
import type { Browser as ExtensionApi } from 'webextension-polyfill';
import type { Report } from '../../src/core/check/report';

export type { ExtensionApi };
export type BrowserName = 'chromium' | 'firefox';

export interface WaitOptions {
  state?: 'attached' | 'detached' | 'visible' | 'hidden';
  timeout?: number;
}

/** A file for a file input: its path, or its name and bytes (as Playwright's FilePayload). */
export type InputFile = string | { name: string; mimeType: string; buffer: Buffer };

/** What `getByRole`/`getByLabel`/`getByText` match: by default a case-insensitive substring, `exact` the whole trimmed text. */
export interface TextMatch {
  exact?: boolean;
}

/** The roles the tests look elements up by (an element's `role`, or the one its tag implies). */
export type TestRole = 'button' | 'checkbox' | 'link' | 'radio' | 'switch' | 'textbox';

/** An `alert`/`confirm`/`prompt` the page opened; it waits until accepted or dismissed. */
export interface TestDialog {
  type(): string;
  message(): string;
  accept(): Promise<void>;
  dismiss(): Promise<void>;
}

/** Finding elements, from a frame or inside another locator's elements. */
export interface TestQueries {
  locator(selector: string, options?: { hasText?: string }): TestLocator;
  /** Elements with this role (explicit or implied) whose accessible name matches `name`; hidden ones left out. */
  getByRole(role: TestRole, options?: { name?: string } & TextMatch): TestLocator;
  /** Form controls whose label (`<label>`, `aria-label`, `aria-labelledby`) matches `text`. */
  getByLabel(text: string, options?: TextMatch): TestLocator;
  /** The innermost elements whose text matches `text`. */
  getByText(text: string, options?: TextMatch): TestLocator;
}

export interface TestLocator extends TestQueries {
  waitFor(options?: WaitOptions): Promise<void>;
  count(): Promise<number>;
  first(): TestLocator;
  nth(index: number): TestLocator;
  textContent(): Promise<string | null>;
  innerText(): Promise<string>;
  /** Every matching element's innerText. */
  allInnerTexts(): Promise<string[]>;
  /** `fn` run in the page on every matching element (none is fine). */
  evaluateAll<R>(fn: (elements: (HTMLElement | SVGElement)[]) => R | Promise<R>): Promise<R>;
  inputValue(): Promise<string>;
  getAttribute(name: string): Promise<string | null>;
  isHidden(): Promise<boolean>;
  isVisible(): Promise<boolean>;
  /** The element's box in the top page's viewport coordinates, even inside a frame. */
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
  /** Moves the pointer (real input events) to the middle of the element. */
  hover(): Promise<void>;
  /** Focuses the element, as a script's `element.focus()` does. */
  focus(): Promise<void>;
  /** A trusted click (real input events) in the middle of the element. */
  click(): Promise<void>;
  /** Replaces an input's value, typed as the reader types. */
  fill(text: string): Promise<void>;
  check(): Promise<void>;
  uncheck(): Promise<void>;
  isChecked(): Promise<boolean>;
  /** Picks the `<option>` with this value, as the reader does (input and change events). */
  selectOption(value: string): Promise<string[]>;
  /** Sets a file input's files, as the reader's file chooser does (then its change event). */
  setInputFiles(file: InputFile): Promise<void>;
  scrollIntoViewIfNeeded(): Promise<void>;
  blur(): Promise<void>;
}

export interface TestFrame extends TestQueries {
  url(): string;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Source text evaluated as an expression (e.g. a library's whole script). */
  evaluate<R>(expression: string): Promise<R>;
}

export interface TestPage extends TestFrame {
  keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };
  mouse: { click(x: number, y: number): Promise<void>; move(x: number, y: number): Promise<void> };
  goto(url: string): Promise<unknown>;
  /** Reloads and waits for the load event. */
  reload(): Promise<unknown>;
  waitForSelector(selector: string): Promise<unknown>;
  /** Navigates back in the tab's history and waits for the earlier page's load. */
  goBack(): Promise<unknown>;
  /** Waits until the top document's URL matches (after a click that navigates, say). */
  waitForURL(url: RegExp): Promise<void>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  /** Calls `listener` with the next dialog the page opens (the test accepts or dismisses it). */
  once(event: 'dialog', listener: (dialog: TestDialog) => void): unknown;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  /** Prints the page to a PDF file, as the reader's "Save as PDF" does (print media). */
  pdf(options: { path: string; format: 'A4'; printBackground: boolean }): Promise<unknown>;
  /** Makes this the active tab of its window (what `tabs.captureVisibleTab` shoots). */
  bringToFront(): Promise<void>;
  isClosed(): boolean;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  name: BrowserName;
  /** `chrome-extension://ID` or `moz-extension://UUID`: where the extension's pages are. */
  origin: string;
  /** Opens `url` in a new tab, made unique by a `tab` parameter, and waits for its load event. */
  open(url: string): Promise<TestPage>;
  /** A new tab with nothing loaded (then `page.goto`), for pages that must keep their own URL. */
  newPage(): Promise<TestPage>;
  /**
   * Runs `script` in every page `open` or `newPage` opens from now on, in the
   * page's own world, before the page's scripts (Chromium: every page).
   * Sent as source: no named functions inside.
   */
  addInitScript(script: () => void): Promise<void>;
  /**
   * The next tab opened (by a click, by the extension) whose URL `accept`
   * takes, once loaded. Ask before the action that opens it.
   */
  waitForNewPage(accept: (url: string) => boolean, timeoutMs?: number): Promise<TestPage>;
  /** Opens an extension page (`src/popup/index.html?tab=…`) in a new tab and waits until it is loaded. */
  openExtensionPage(path: string): Promise<TestPage>;
  /** `page`'s frames (the page's own first), each with its current URL. */
  frames(page: TestPage): Promise<TestFrame[]>;
  /** The browser's id of `page`'s tab. */
  tabId(page: TestPage): Promise<number>;
  /** The toolbar badge text of `page`'s tab, as the background set it. */
  badgeText(page: TestPage): Promise<string>;
  /** The content script's answer to `message` (by default `{type:'yuanwen/report'}`), retried until the script is there. */
  requestReport(page: TestPage, message?: unknown): Promise<Report>;
  /** A message to the background from one of our own pages, as the library and options pages send them. */
  sendToBackground(message: unknown): Promise<unknown>;
  /**
   * Runs `fn` with the extension API (`browser.*` / `chrome.*`): in Chromium's
   * service worker, in Firefox in an extension page (the driver cannot reach
   * Firefox's background page). `fn` is sent as source: no named functions
   * inside (tsx would wrap them in a helper the browser lacks).
   */
  inExtension<T, A = undefined>(fn: (api: ExtensionApi, arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /**
   * Runs `fn` on the background's global object: Chromium's service worker, Firefox's event page (loaded
   * if it was not). For what the test build leaves readable there (`yuanwenAnalyses`); sent as source, as
   * `inExtension`'s `fn`.
   */
  inBackground<T, A = undefined>(fn: (background: Record<string, unknown>, arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /**
   * Unloads the background as the browser does when it has been idle, and waits until it was: Chromium
   * stops the MV3 service worker (CDP ServiceWorker.stopWorker), Firefox terminates the event page (the
   * call its idle timer makes). The next event or message starts it again, with none of its globals.
   */
  unloadBackground(): Promise<void>;
  /**
   * The file the browser saves when `action` starts a download (our pages'
   * blob links), once it is complete: the name the page gave it, and where
   * the test finds it.
   */
  download(action: () => Promise<unknown>): Promise<{ filename: string; path: string }>;
  /** A UI string as the extension shows it (the browser's UI language decides which). */
  message(key: string, substitutions?: string | string[]): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** `test` (default): the end-to-end test build, open shadow root; `production`: what users install. */
  build?: 'test' | 'production';
  /** A profile directory to use and keep (for a restart); by default a fresh one, removed on close. */
  profileDir?: string;
}

/** The browsers the end-to-end tests run in: both, unless `YUANWEN_E2E_BROWSERS` names some. */
export function e2eBrowserEnabled(name: BrowserName): boolean {
  const only = process.env.YUANWEN_E2E_BROWSERS;
  return !only || only.split(',').some((b) => b.trim() === name);
}

export const E2E_BROWSERS: BrowserName[] = (['chromium', 'firefox'] as const).filter(e2eBrowserEnabled);

/** `fn` as source, called with the value of the expression `first` and `arg` (JSON). */
export function callSource<T, F, A>(fn: (first: F, arg: A) => T | Promise<T>, first: string, arg: A): string {
  return `(${fn.toString()})(${first}, ${arg === undefined ? 'undefined' : JSON.stringify(arg)})`;
}

/** The same expression evaluated with the extension API as its first argument (see `inExtension`). */
export function withExtensionApi<T, A>(fn: (api: ExtensionApi, arg: A) => T | Promise<T>, arg: A): string {
  return callSource(fn, 'globalThis.browser ?? globalThis.chrome', arg);
}

/** Polls every 50 ms until `ready` holds or `timeoutMs` has passed (then throws `what`). */
export async function waitUntil(ready: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
