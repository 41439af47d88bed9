/**
 * The driver's TestPage, TestFrame and TestLocator (driver.ts) over
 * puppeteer-core's Page and Frame in Firefox (WebDriver BiDi), behaving as
 * Playwright's do where the tests rely on it: a locator is a query run again
 * on every use; actions wait until their element is there and visible;
 * `hasText` matches a substring of the whitespace-collapsed text.
 *
 * Firefox-specific: puppeteer does not see an extension page's or an
 * extension-origin frame's navigation (its `url()` stays `about:blank`), so
 * URLs are read from the document itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ElementHandle, Frame, JSHandle, KeyInput, Page } from 'puppeteer-core';
import {
  waitUntil,
  type InputFile,
  type TestFrame,
  type TestLocator,
  type TestPage,
  type TestQueries,
  type TestRole,
  type TextMatch,
  type WaitOptions,
} from './driver';

/** One step of a locator chain: a CSS selector, or a lookup by role, label or text (`getBy…`). */
interface Step {
  selector?: string;
  by?: { kind: 'role' | 'label' | 'text'; text?: string; role?: TestRole; exact?: boolean };
  hasText?: string;
  index?: number;
}

/**
 * Runs in the page: the elements a chain of steps matches, each step searched
 * inside the previous step's matches and, as Playwright's CSS does, inside
 * every open shadow root below them. The `getBy…` lookups approximate
 * Playwright's: an explicit or implied role, an accessible name from
 * `aria-labelledby`, `aria-label`, labels, then the text. (No named functions
 * inside, not even arrow functions held in a const: tsx would wrap them in a
 * helper the page lacks.)
 */
const resolveChain = (chain: Step[]): Element[] => {
  let scope: (Document | Element)[] = [document];
  for (const step of chain) {
    const found = new Set<Element>();
    for (const root of scope) {
      const roots: (Document | Element | ShadowRoot)[] = [root];
      if (root instanceof Element && root.shadowRoot) roots.push(root.shadowRoot);
      while (roots.length > 0) {
        const searched = roots.shift()!;
        for (const element of searched.querySelectorAll(step.selector ?? '*')) found.add(element);
        for (const element of searched.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
      }
    }
    let matched = [...found];
    if (step.hasText !== undefined) {
      const wanted = step.hasText.replace(/\s+/g, ' ').trim().toLowerCase();
      matched = matched.filter((e) => (e.textContent ?? '').replace(/\s+/g, ' ').toLowerCase().includes(wanted));
    }
    const by = step.by;
    if (by) {
      const wanted = (by.text ?? '').replace(/\s+/g, ' ').trim();
      matched = matched.filter((e) => {
        const labelledBy = (e.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ');
        const labels = [...((e as HTMLInputElement).labels ?? [])].map((l) => l.textContent ?? '');
        // The texts that may match `wanted`, or none when the element is not of the role asked for.
        let texts: (string | null)[] = [];
        if (by.kind === 'label') texts = [labelledBy, e.getAttribute('aria-label'), ...labels];
        else if (by.kind === 'text') texts = [e.textContent];
        else {
          const tag = e.tagName.toLowerCase();
          const type = (e.getAttribute('type') ?? '').toLowerCase();
          const implied =
            tag === 'button' || (tag === 'input' && ['button', 'submit', 'reset'].includes(type))
              ? 'button'
              : tag === 'a' && e.hasAttribute('href')
                ? 'link'
                : tag === 'input' && ['checkbox', 'radio'].includes(type)
                  ? type
                  : tag === 'textarea' || (tag === 'input' && ['', 'text', 'search'].includes(type))
                    ? 'textbox'
                    : '';
          const shown = e.checkVisibility({ visibilityProperty: true }) && !e.closest('[aria-hidden="true"]');
          const named = by.role === 'button' || by.role === 'link';
          const name =
            labelledBy || e.getAttribute('aria-label') || labels.join(' ') || (named ? e.textContent : '') || e.getAttribute('title');
          texts = (e.getAttribute('role') ?? implied) === by.role && shown ? [name ?? ''] : [];
        }
        return texts.some(
          (t) =>
            t !== null &&
            (by.text === undefined ||
              (by.exact ? t.replace(/\s+/g, ' ').trim() === wanted : t.replace(/\s+/g, ' ').toLowerCase().includes(wanted.toLowerCase()))),
        );
      });
      // Text: the innermost elements only, not every ancestor holding the text too.
      const all = matched;
      if (by.kind === 'text') matched = all.filter((e) => !all.some((inner) => inner !== e && e.contains(inner)));
    }
    if (step.index !== undefined) matched = matched.slice(step.index, step.index + 1);
    scope = matched;
  }
  return scope as Element[];
};

/**
 * A selector as chain steps: `a b` (descendants, as Playwright's CSS reads it
 * across shadow roots) becomes `a` then `b`. A selector with `,` `>` `+` `~`
 * stays one step (searched whole in each root).
 */
function stepsOf(selector: string, hasText?: string): Step[] {
  const parts: string[] = [];
  let part = '';
  let depth = 0;
  let quote = '';
  for (const char of selector.trim()) {
    if (quote) quote = char === quote ? '' : quote;
    else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '(') depth++;
    else if (char === ']' || char === ')') depth--;
    else if (depth === 0 && /[,>+~]/.test(char)) return [{ selector, hasText }];
    else if (depth === 0 && /\s/.test(char)) {
      if (part) parts.push(part);
      part = '';
      continue;
    }
    part += char;
  }
  if (part) parts.push(part);
  return parts.map((selector, i) => ({ selector, hasText: i === parts.length - 1 ? hasText : undefined }));
}

const ACTION_TIMEOUT = 30_000;

class FirefoxLocator implements TestLocator {
  constructor(
    private readonly frame: Frame,
    private readonly chain: Step[],
  ) {}

  private describe(): string {
    return this.chain
      .map(
        (s) =>
          (s.by ? `getBy${s.by.kind}(${s.by.role ?? ''}${s.by.text !== undefined ? ` "${s.by.text}"` : ''})` : s.selector) +
          (s.hasText ? `:has-text("${s.hasText}")` : '') +
          (s.index !== undefined ? `>>nth=${s.index}` : ''),
      )
      .join(' >> ');
  }

  private async elements(): Promise<JSHandle<Element[]>> {
    return this.frame.evaluateHandle(resolveChain, this.chain);
  }

  /** The first matching element, once there (and visible, for actions). */
  private async element(visible: boolean): Promise<ElementHandle<Element>> {
    await this.waitFor({ state: visible ? 'visible' : 'attached', timeout: ACTION_TIMEOUT });
    const all = await this.elements();
    const first = (await all.evaluateHandle((elements) => elements[0])).asElement() as ElementHandle<Element> | null;
    await all.dispose();
    if (!first) throw new Error(`${this.describe()} is gone`);
    return first;
  }

  /** How many elements match, and whether the first is what Playwright calls visible (a box, not `visibility: hidden`). */
  private async state(): Promise<{ count: number; visible: boolean }> {
    const all = await this.elements();
    try {
      return await all.evaluate((elements) => {
        const first = elements[0];
        const box = first?.getBoundingClientRect();
        const visible = !!box && box.width > 0 && box.height > 0 && getComputedStyle(first).visibility !== 'hidden';
        return { count: elements.length, visible };
      });
    } finally {
      await all.dispose();
    }
  }

  async waitFor(options: WaitOptions = {}): Promise<void> {
    const state = options.state ?? 'visible';
    await waitUntil(
      async () => {
        const now = await this.state().catch(() => ({ count: 0, visible: false }));
        if (state === 'attached') return now.count > 0;
        if (state === 'detached') return now.count === 0;
        if (state === 'visible') return now.visible;
        return !now.visible;
      },
      `${this.describe()} to be ${state}`,
      options.timeout ?? ACTION_TIMEOUT,
    );
  }

  async count(): Promise<number> {
    return (await this.state()).count;
  }

  first(): TestLocator {
    return this.nth(0);
  }

  nth(index: number): TestLocator {
    const last = this.chain[this.chain.length - 1];
    return new FirefoxLocator(this.frame, [...this.chain.slice(0, -1), { ...last, index }]);
  }

  private then(step: Step): TestLocator {
    return new FirefoxLocator(this.frame, [...this.chain, step]);
  }

  locator(selector: string, options: { hasText?: string } = {}): TestLocator {
    return new FirefoxLocator(this.frame, [...this.chain, ...stepsOf(selector, options.hasText)]);
  }

  getByRole(role: TestRole, options: { name?: string } & TextMatch = {}): TestLocator {
    return this.then({ by: { kind: 'role', role, text: options.name, exact: options.exact } });
  }

  getByLabel(text: string, options: TextMatch = {}): TestLocator {
    return this.then({ by: { kind: 'label', text, exact: options.exact } });
  }

  getByText(text: string, options: TextMatch = {}): TestLocator {
    return this.then({ by: { kind: 'text', text, exact: options.exact } });
  }

  /** `act` on the first matching element once it is there (and visible, for actions); the handle is released after. */
  private async withElement<T>(visible: boolean, act: (element: ElementHandle<Element>) => Promise<T>): Promise<T> {
    const element = await this.element(visible);
    try {
      return await act(element);
    } finally {
      await element.dispose();
    }
  }

  private read<T>(fn: (element: Element) => T): Promise<T> {
    return this.withElement(false, async (element) => (await element.evaluate(fn)) as T);
  }

  textContent(): Promise<string | null> {
    return this.read((e) => e.textContent);
  }

  innerText(): Promise<string> {
    return this.read((e) => (e as HTMLElement).innerText);
  }

  async allInnerTexts(): Promise<string[]> {
    return this.evaluateAll((elements) => elements.map((e) => (e as HTMLElement).innerText));
  }

  async evaluateAll<R>(fn: (elements: (HTMLElement | SVGElement)[]) => R | Promise<R>): Promise<R> {
    const all = await this.elements();
    try {
      return (await all.evaluate(fn as (elements: Element[]) => R)) as R;
    } finally {
      await all.dispose();
    }
  }

  inputValue(): Promise<string> {
    return this.read((e) => (e as HTMLInputElement).value);
  }

  getAttribute(name: string): Promise<string | null> {
    return this.withElement(false, (element) => element.evaluate((e, name) => e.getAttribute(name), name));
  }

  async isHidden(): Promise<boolean> {
    return !(await this.state()).visible;
  }

  async isVisible(): Promise<boolean> {
    return (await this.state()).visible;
  }

  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null> {
    return this.withElement(false, (element) => element.boundingBox());
  }

  click(): Promise<void> {
    return this.withElement(true, (element) => element.click());
  }

  hover(): Promise<void> {
    return this.withElement(true, (element) => element.hover());
  }

  focus(): Promise<void> {
    return this.withElement(true, (element) => element.focus());
  }

  fill(text: string): Promise<void> {
    return this.withElement(true, async (element) => {
      await element.click();
      await element.evaluate((e) => (e as HTMLInputElement).select());
      if (text === '') await element.press('Backspace');
      else await element.type(text);
    });
  }

  check(): Promise<void> {
    return this.setChecked(true);
  }

  uncheck(): Promise<void> {
    return this.setChecked(false);
  }

  /** Clicks the checkbox when it is not already `checked`, then makes sure the click took. */
  private setChecked(checked: boolean): Promise<void> {
    return this.withElement(true, async (element) => {
      if ((await element.evaluate((e) => (e as HTMLInputElement).checked)) !== checked) await element.click();
      if ((await element.evaluate((e) => (e as HTMLInputElement).checked)) !== checked)
        throw new Error(`clicking ${this.describe()} did not ${checked ? 'check' : 'uncheck'} it`);
    });
  }

  isChecked(): Promise<boolean> {
    return this.read((e) => (e as HTMLInputElement).checked);
  }

  selectOption(value: string): Promise<string[]> {
    return this.withElement(true, async (element) => {
      const selected = await (element as ElementHandle<HTMLSelectElement>).select(value);
      if (!selected.includes(value)) throw new Error(`${this.describe()} has no option ${value}`);
      return selected;
    });
  }

  async setInputFiles(file: InputFile): Promise<void> {
    // BiDi's input.setFiles takes paths: bytes go to a file first (kept until the test process ends: the page reads it later).
    const path = typeof file === 'string' ? file : await scratchFile(file.name, file.buffer);
    await this.withElement(false, (element) => (element as ElementHandle<HTMLInputElement>).uploadFile(path));
  }

  scrollIntoViewIfNeeded(): Promise<void> {
    return this.withElement(false, (element) => element.scrollIntoView());
  }

  blur(): Promise<void> {
    return this.withElement(false, (element) => element.evaluate((e) => (e as HTMLElement).blur()));
  }
}

let scratchDir: string | undefined;

/** A file holding `bytes` under `name`, in a directory removed when the test process exits. */
async function scratchFile(name: string, bytes: Buffer): Promise<string> {
  if (!scratchDir) {
    const dir = mkdtempSync(join(tmpdir(), 'yuanwen-upload-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    scratchDir = dir;
  }
  const path = join(mkdtempSync(join(scratchDir, 'f-')), basename(name));
  await writeFile(path, bytes);
  return path;
}

/** `evaluate` with Playwright's calling convention (one optional argument). */
function evaluateIn(frame: Frame): TestFrame['evaluate'] {
  return ((fn: string | ((arg: unknown) => unknown), arg?: unknown) =>
    frame.evaluate(fn as never, arg as never)) as unknown as TestFrame['evaluate'];
}

/** A frame's `locator` and `getBy…`: a locator chain starting at its document. */
function queriesOf(frame: Frame): TestQueries {
  const root = new FirefoxLocator(frame, []);
  return {
    locator: (selector, options) => root.locator(selector, options),
    getByRole: (role, options) => root.getByRole(role, options),
    getByLabel: (text, options) => root.getByLabel(text, options),
    getByText: (text, options) => root.getByText(text, options),
  };
}

export function firefoxFrame(frame: Frame, url: string): TestFrame {
  return { url: () => url, evaluate: evaluateIn(frame), ...queriesOf(frame) };
}

/** Presses `Shift`, `Enter`, or a chord such as `Control+A`. */
async function press(page: Page, key: string): Promise<void> {
  const keys = key.split('+') as KeyInput[];
  const last = keys.pop()!;
  for (const modifier of keys) await page.keyboard.down(modifier);
  await page.keyboard.press(last);
  for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
}

const PUPPETEER_PAGE = Symbol('puppeteer page');

/**
 * `knownUrl`: where an extension page was opened (puppeteer's own URL for it
 * stays `about:blank`). A web page's URL is puppeteer's, which follows
 * `history.pushState` as Playwright's does.
 */
export function firefoxPage(page: Page, knownUrl?: string): TestPage {
  let extensionUrl = knownUrl;
  const refreshUrl = async () => {
    const href = await page.evaluate(() => location.href).catch(() => page.url());
    extensionUrl = href.startsWith('moz-extension:') ? href : undefined;
  };
  /**
   * Runs `navigate` in the page and waits until another document has loaded.
   * puppeteer sees no navigation of an extension page, so the old document's
   * window is marked first, and the new one is the unmarked window.
   */
  const inNewDocument = async (navigate: () => void, what: string): Promise<void> => {
    await page.evaluate(() => {
      (window as unknown as { yuanwenDriverLeft?: boolean }).yuanwenDriverLeft = true;
    });
    await page.evaluate(navigate);
    await waitUntil(
      async () =>
        (await page
          .evaluate(() => !(window as unknown as { yuanwenDriverLeft?: boolean }).yuanwenDriverLeft && document.readyState === 'complete')
          .catch(() => false)) === true,
      `${what} to load another document`,
    );
    await refreshUrl();
  };
  const main = page.mainFrame();
  return {
    url: () => extensionUrl ?? page.url(),
    evaluate: evaluateIn(main),
    ...queriesOf(main),
    keyboard: { press: (key) => press(page, key), type: (text) => page.keyboard.type(text) },
    mouse: { click: (x, y) => page.mouse.click(x, y), move: (x, y) => page.mouse.move(x, y) },
    async goto(target) {
      const response = await page.goto(target, { waitUntil: 'load' });
      await refreshUrl();
      return response;
    },
    async reload() {
      if (extensionUrl === undefined) {
        const response = await page.reload({ waitUntil: 'load' });
        await refreshUrl();
        return response;
      }
      await inNewDocument(() => location.reload(), 'reload');
    },
    async goBack() {
      await inNewDocument(() => history.back(), 'history.back()');
    },
    async waitForURL(wanted) {
      await waitUntil(async () => wanted.test(await page.evaluate(() => location.href).catch(() => '')), `the URL to match ${wanted}`);
      await refreshUrl();
    },
    setViewportSize: (size) => page.setViewport(size),
    once(event, listener) {
      page.once(event, listener);
    },
    waitForSelector: (selector) => new FirefoxLocator(main, stepsOf(selector)).waitFor(),
    screenshot: (options) => page.screenshot(options),
    pdf: (options) => page.pdf(options),
    bringToFront: () => page.bringToFront(),
    isClosed: () => page.isClosed(),
    close: () => page.close(),
    // The driver needs the puppeteer page behind the adapter (frames, tab lookup).
    [PUPPETEER_PAGE]: page,
  } as TestPage;
}

export function puppeteerPageOf(page: TestPage): Page {
  const inner = (page as unknown as Record<symbol, Page | undefined>)[PUPPETEER_PAGE];
  if (!inner) throw new Error('not a Firefox test page');
  return inner;
}
