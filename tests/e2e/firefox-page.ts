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
import type { ElementHandle, Frame, JSHandle, KeyInput, Page } from 'puppeteer-core';
import { waitUntil, type TestFrame, type TestLocator, type TestPage, type WaitOptions } from './driver';

interface Step {
  selector: string;
  hasText?: string;
  index?: number;
}

/**
 * Runs in the page: the elements a chain of steps matches, each step searched
 * inside the previous step's matches. (No named functions inside: tsx would
 * wrap them in a helper the page lacks.)
 */
const resolveChain = (chain: Step[]): Element[] => {
  let scope: (Document | Element)[] = [document];
  for (const step of chain) {
    let found: Element[] = [];
    for (const root of scope) for (const element of root.querySelectorAll(step.selector)) if (!found.includes(element)) found.push(element);
    if (step.hasText !== undefined) {
      const wanted = step.hasText.replace(/\s+/g, ' ').trim().toLowerCase();
      found = found.filter((e) => (e.textContent ?? '').replace(/\s+/g, ' ').toLowerCase().includes(wanted));
    }
    if (step.index !== undefined) found = found.slice(step.index, step.index + 1);
    scope = found;
  }
  return scope as Element[];
};

const ACTION_TIMEOUT = 30_000;

class FirefoxLocator implements TestLocator {
  constructor(
    private readonly frame: Frame,
    private readonly chain: Step[],
  ) {}

  private describe(): string {
    return this.chain
      .map((s) => s.selector + (s.hasText ? `:has-text("${s.hasText}")` : '') + (s.index !== undefined ? `>>nth=${s.index}` : ''))
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

  locator(selector: string, options: { hasText?: string } = {}): TestLocator {
    return new FirefoxLocator(this.frame, [...this.chain, { selector, hasText: options.hasText }]);
  }

  private async read<T>(fn: (element: Element) => T): Promise<T> {
    const element = await this.element(false);
    try {
      return (await element.evaluate(fn)) as T;
    } finally {
      await element.dispose();
    }
  }

  textContent(): Promise<string | null> {
    return this.read((e) => e.textContent);
  }

  innerText(): Promise<string> {
    return this.read((e) => (e as HTMLElement).innerText);
  }

  inputValue(): Promise<string> {
    return this.read((e) => (e as HTMLInputElement).value);
  }

  async getAttribute(name: string): Promise<string | null> {
    const element = await this.element(false);
    try {
      return await element.evaluate((e, name) => e.getAttribute(name), name);
    } finally {
      await element.dispose();
    }
  }

  async isHidden(): Promise<boolean> {
    return !(await this.state()).visible;
  }

  async isVisible(): Promise<boolean> {
    return (await this.state()).visible;
  }

  async boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null> {
    const element = await this.element(false);
    try {
      return await element.boundingBox();
    } finally {
      await element.dispose();
    }
  }

  async click(): Promise<void> {
    const element = await this.element(true);
    try {
      await element.click();
    } finally {
      await element.dispose();
    }
  }

  async fill(text: string): Promise<void> {
    const element = await this.element(true);
    try {
      await element.click();
      await element.evaluate((e) => (e as HTMLInputElement).select());
      if (text === '') await element.press('Backspace');
      else await element.type(text);
    } finally {
      await element.dispose();
    }
  }

  async check(): Promise<void> {
    const element = await this.element(true);
    try {
      if (!(await element.evaluate((e) => (e as HTMLInputElement).checked))) await element.click();
    } finally {
      await element.dispose();
    }
  }
}

/** `evaluate` with Playwright's calling convention (one optional argument). */
function evaluateIn(frame: Frame): TestFrame['evaluate'] {
  return ((fn: (arg: unknown) => unknown, arg?: unknown) => frame.evaluate(fn as never, arg as never)) as TestFrame['evaluate'];
}

export function firefoxFrame(frame: Frame, url: string): TestFrame {
  return {
    url: () => url,
    evaluate: evaluateIn(frame),
    locator: (selector, options = {}) => new FirefoxLocator(frame, [{ selector, hasText: options.hasText }]),
  };
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

/** `knownUrl`: where an extension page was opened (puppeteer's own URL for it stays `about:blank`). */
export function firefoxPage(page: Page, knownUrl?: string): TestPage {
  let url = knownUrl ?? page.url();
  const refreshUrl = async () => {
    url = await page.evaluate(() => location.href).catch(() => page.url());
  };
  const main = page.mainFrame();
  return {
    url: () => url,
    evaluate: evaluateIn(main),
    locator: (selector, options = {}) => new FirefoxLocator(main, [{ selector, hasText: options.hasText }]),
    keyboard: { press: (key) => press(page, key), type: (text) => page.keyboard.type(text) },
    mouse: { click: (x, y) => page.mouse.click(x, y) },
    async goto(target) {
      const response = await page.goto(target, { waitUntil: 'load' });
      await refreshUrl();
      return response;
    },
    async reload() {
      const response = await page.reload({ waitUntil: 'load' });
      await refreshUrl();
      return response;
    },
    waitForSelector: (selector) => new FirefoxLocator(main, [{ selector }]).waitFor(),
    screenshot: (options) => page.screenshot(options),
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
