/**
 * Debian Chromium with the built extension (dist/chrome) loaded, driven by
 * playwright-core: the shared set-up of the end-to-end tests and the demo.
 * Never downloads a browser: it uses /usr/bin/chromium (or $CHROMIUM).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { Report } from '../../src/core/check/report';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const CHROME_DIST = resolve(REPO_ROOT, 'dist', 'chrome');
/**
 * The end-to-end test build (`YUANWEN_TEST_BUILD=1`, see vite.config.ts and
 * src/platform/build-flags.ts): production code with an open shadow root, so tests can
 * read and drive the page UI, and benchmark marks. tests/e2e/run.ts builds it.
 */
export const CHROME_TEST_DIST = resolve(REPO_ROOT, 'dist', 'chrome-test');
export const FIXTURE_PAGES = resolve(REPO_ROOT, 'tests', 'fixtures', 'pages');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's background service worker. */
  serviceWorker(): Promise<Worker>;
  /** Opens `url` in a new tab and waits until its load event. */
  open(url: string): Promise<Page>;
  /** The toolbar badge text of `page`'s tab, as the background set it. */
  badgeText(page: Page): Promise<string>;
  /** The content script's answer to `{type:'yuanwen/report'}` for `page`, sent from the service worker. */
  requestReport(page: Page, message?: unknown): Promise<Report>;
  /** A UI string as the extension shows it (the browser's UI language decides which). */
  message(key: string, substitutions?: string | string[]): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  extensionDir?: string;
}

/** Chromium's tab id for a page, found from the service worker by URL (pages get unique URLs). */
async function sendToTab(worker: Worker, url: string, message: unknown): Promise<unknown> {
  return worker.evaluate(
    async ({ url, message }) => {
      // `chrome` is the extension API inside the service worker.
      const api = (globalThis as unknown as { chrome: ChromeTabsApi }).chrome;
      const tabs = await api.tabs.query({});
      const tab = tabs.find((t) => t.url === url);
      if (tab?.id === undefined) throw new Error(`no tab has url ${url}`);
      return api.tabs.sendMessage(tab.id, message);
    },
    { url, message },
  );
}

async function badgeOfTab(worker: Worker, url: string): Promise<string> {
  return worker.evaluate(async (url) => {
    const api = (globalThis as unknown as { chrome: ChromeTabsApi }).chrome;
    const tab = (await api.tabs.query({})).find((t) => t.url === url);
    if (tab?.id === undefined) throw new Error(`no tab has url ${url}`);
    return api.action.getBadgeText({ tabId: tab.id });
  }, url);
}

interface ChromeTabsApi {
  tabs: {
    query(filter: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  action: {
    getBadgeText(details: { tabId: number }): Promise<string>;
  };
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? CHROME_DIST;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir}/manifest.json not found: run npm run build first`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'yuanwen-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    args: [
      // The browser's UI language, which the extension's i18n follows. It takes
      // effect only where Chromium's zh-CN locale pack is installed (Debian:
      // chromium-l10n); otherwise the UI is en-US and so are our strings, so
      // tests compare against i18n.getMessage, never against literals.
      '--lang=zh-CN',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });

  const serviceWorker = async (): Promise<Worker> => {
    const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (running) return running;
    return context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith('chrome-extension://'),
      timeout: 15_000,
    });
  };

  let worker: Worker;
  try {
    worker = await serviceWorker();
  } catch (error) {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw new Error(`the extension's service worker did not start: ${String(error)}`);
  }
  const extensionId = new URL(worker.url()).host;
  let opened = 0;

  return {
    context,
    extensionId,
    serviceWorker,
    async open(url) {
      const page = await context.newPage();
      // A unique URL per tab, so the service worker can tell tabs apart.
      const unique = new URL(url);
      unique.searchParams.set('tab', String(++opened));
      await page.goto(unique.href, { waitUntil: 'load' });
      return page;
    },
    async badgeText(page) {
      return badgeOfTab(await serviceWorker(), page.url());
    },
    async requestReport(page, message = { type: 'yuanwen/report' }) {
      // The content script runs at document_idle, a moment after load: retry until it answers.
      const deadline = Date.now() + 10_000;
      for (;;) {
        try {
          return (await sendToTab(await serviceWorker(), page.url(), message)) as Report;
        } catch (error) {
          const notYet = /Receiving end does not exist|no tab has url/.test(String(error));
          if (!notYet || Date.now() > deadline) throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    },
    async message(key: string, substitutions?: string | string[]) {
      const worker = await serviceWorker();
      return worker.evaluate(
        ({ key, substitutions }: { key: string; substitutions?: string | string[] }) =>
          (globalThis as unknown as { chrome: { i18n: { getMessage(k: string, s?: string | string[]): string } } }).chrome.i18n.getMessage(
            key,
            substitutions,
          ),
        { key, substitutions },
      );
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
