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
import { stopServiceWorker } from './service-worker';
import {
  callSource,
  withExtensionApi,
  type ExtensionApi,
  type ExtensionBrowser as AnyExtensionBrowser,
  type LaunchOptions,
} from './driver';

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

/**
 * The driver's ExtensionBrowser (driver.ts) in Chromium, plus what only
 * Chromium has: Playwright's context and the MV3 service worker. Its pages
 * are Playwright's own (a TestPage and more), so tests written for Chromium
 * alone keep working.
 */
export interface ChromiumExtensionBrowser extends AnyExtensionBrowser {
  name: 'chromium';
  context: BrowserContext;
  extensionId: string;
  /** The extension's background service worker. */
  serviceWorker(): Promise<Worker>;
  open(url: string): Promise<Page>;
  newPage(): Promise<Page>;
  openExtensionPage(path: string): Promise<Page>;
  waitForNewPage(accept: (url: string) => boolean, timeoutMs?: number): Promise<Page>;
}

/** The Chromium harness under its old name, for the files written for Chromium alone (not yet on driver.ts). */
export type ExtensionBrowser = ChromiumExtensionBrowser;

export interface ChromiumLaunchOptions extends LaunchOptions {
  headless?: boolean;
  /** The unpacked extension to load; by default the build `build` names (production when neither is given). */
  extensionDir?: string;
}

/** Chromium's tab id for a page, found from the service worker by URL (pages get unique URLs). */
async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(withExtensionApi(async (api, url) => (await api.tabs.query({})).find((t) => t.url === url)?.id, url));
  if (typeof id !== 'number') throw new Error(`no tab has url ${url}`);
  return id;
}

export async function launchWithExtension(options: ChromiumLaunchOptions = {}): Promise<ChromiumExtensionBrowser> {
  const extensionDir = options.extensionDir ?? (options.build === 'test' ? CHROME_TEST_DIST : CHROME_DIST);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir}/manifest.json not found: run npm run build first`);
  }
  const userDataDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'yuanwen-chromium-')));
  const removeProfile = async () => {
    if (!options.profileDir) await rm(userDataDir, { recursive: true, force: true });
  };
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
    await removeProfile();
    throw new Error(`the extension's service worker did not start: ${String(error)}`);
  }
  const extensionId = new URL(worker.url()).host;
  const origin = `chrome-extension://${extensionId}`;
  let opened = 0;

  const inExtension = async <T, A>(fn: (api: ExtensionApi, arg: A) => T | Promise<T>, arg?: A): Promise<T> =>
    (await serviceWorker()).evaluate(withExtensionApi(fn, arg as A)) as Promise<T>;
  let messenger: Page | undefined;

  return {
    name: 'chromium',
    context,
    extensionId,
    origin,
    serviceWorker,
    inExtension,
    async open(url) {
      const page = await context.newPage();
      // A unique URL per tab, so the service worker can tell tabs apart.
      const unique = new URL(url);
      unique.searchParams.set('tab', String(++opened));
      await page.goto(unique.href, { waitUntil: 'load' });
      return page;
    },
    newPage: () => context.newPage(),
    async addInitScript(script) {
      await context.addInitScript(script);
    },
    waitForNewPage: (accept, timeoutMs = 10_000) =>
      context.waitForEvent('page', {
        timeout: timeoutMs,
        // A tab the extension opens is about:blank at first: judge it by where it loads.
        predicate: async (page) => {
          await page.waitForLoadState('load');
          return accept(page.url());
        },
      }),
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`${origin}/${path}`, { waitUntil: 'load' });
      return page;
    },
    async frames(page) {
      return (page as Page).frames();
    },
    async tabId(page) {
      return tabIdOf(await serviceWorker(), page.url());
    },
    async badgeText(page) {
      const tabId = await tabIdOf(await serviceWorker(), page.url());
      return inExtension((api, tabId) => api.action.getBadgeText({ tabId }), tabId);
    },
    async requestReport(page, message = { type: 'yuanwen/report' }) {
      // The content script runs at document_idle, a moment after load: retry until it answers.
      const deadline = Date.now() + 10_000;
      for (;;) {
        try {
          const tabId = await tabIdOf(await serviceWorker(), page.url());
          return await inExtension((api, { tabId, message }) => api.tabs.sendMessage(tabId, message) as Promise<Report>, {
            tabId,
            message,
          });
        } catch (error) {
          const notYet = /Receiving end does not exist|no tab has url/.test(String(error));
          if (!notYet || Date.now() > deadline) throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    },
    async sendToBackground(message) {
      // From one of our pages: the service worker cannot message itself.
      if (!messenger || messenger.isClosed()) {
        messenger = await context.newPage();
        await messenger.goto(`${origin}/viewer.html`);
      }
      return messenger.evaluate(withExtensionApi((api, message) => api.runtime.sendMessage(message), message));
    },
    inBackground: async (fn, arg) => (await serviceWorker()).evaluate(callSource(fn, 'globalThis', arg as never)),
    unloadBackground: () => stopServiceWorker(context),
    async download(action) {
      const [started] = await Promise.all([context.waitForEvent('download', { timeout: 20_000 }), action()]);
      const path = await started.path();
      if (!path) throw new Error(`the download of ${started.suggestedFilename()} failed: ${await started.failure()}`);
      return { filename: started.suggestedFilename(), path };
    },
    async message(key, substitutions) {
      return inExtension((api, { key, substitutions }) => api.i18n.getMessage(key, substitutions), { key, substitutions });
    },
    async close() {
      await context.close();
      await removeProfile();
    },
  };
}
