/**
 * Debian's Firefox ESR with the built extension (dist/firefox, or the test
 * build dist/firefox-test) installed, driven by puppeteer-core over WebDriver
 * BiDi: the driver's ExtensionBrowser (driver.ts) in Firefox. Never downloads
 * a browser: it uses /usr/bin/firefox-esr (or $FIREFOX).
 *
 * What Firefox needs that Chromium does not: the add-on is installed
 * temporarily through BiDi (`browser.installExtension`); its address is fixed
 * in advance by the pref `extensions.webextensions.uuids`; extension pages
 * need `--remote-allow-system-access` to be driven and fire no load event the
 * driver sees, so `openExtensionPage` polls `document.readyState`; the pref
 * `extensions.webextOptionalPermissionPrompts=false` lets a click grant the
 * host permission without a prompt. A temporary add-on is uninstalled when
 * the browser quits: `extensions.webextensions.keepStorageOnUninstall` and
 * `keepUuidOnUninstall` keep its storage for the next start on the same
 * profile, where it is installed again. `unloadBackground` runs in the
 * browser's own (parent-process) window, which `--remote-allow-system-access`
 * also opens to BiDi: no extension API unloads the event page.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import type { Report } from '../../src/core/check/report';
import { REPO_ROOT } from './extension-browser';
import {
  callSource,
  waitUntil,
  withExtensionApi,
  type ExtensionApi,
  type ExtensionBrowser,
  type LaunchOptions,
  type TestPage,
} from './driver';
import { firefoxFrame, firefoxPage, puppeteerPageOf } from './firefox-page';

export const FIREFOX_DIST = resolve(REPO_ROOT, 'dist', 'firefox');
/** The end-to-end test build for Firefox (open shadow root), made by tests/e2e/run.ts. */
export const FIREFOX_TEST_DIST = resolve(REPO_ROOT, 'dist', 'firefox-test');
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
/** The add-on's gecko id (manifest.json) and the moz-extension host we give it. */
const GECKO_ID = 'yuanwen@yuanwen.example';
export const FIREFOX_EXTENSION_UUID = '6c1a3f9e-1b2c-4d5e-8f90-1234567890ab';

export interface FirefoxExtensionBrowser extends ExtensionBrowser {
  name: 'firefox';
  browser: Browser;
  /** Whether the event page is loaded (`extension.getViews()` lists it then; asking does not wake it). */
  backgroundLoaded(): Promise<boolean>;
}

export interface FirefoxLaunchOptions extends LaunchOptions {
  extensionDir?: string;
  /** More prefs for this run (e.g. how soon the background goes idle). */
  prefs?: Record<string, unknown>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The part of puppeteer's BiDi connection (internal, but public on BidiBrowser) used to reach the browser's own window. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/**
 * Evaluates `expression` in the browser's own window (chrome scope: Firefox's
 * privileged code, `WebExtensionPolicy` and all) and returns its value, which
 * must be a string.
 */
async function inBrowserWindow(browser: Browser, expression: string): Promise<string> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
  const context = tree.contexts[0]?.context;
  if (!context) throw new Error('no browser window to run privileged code in (is --remote-allow-system-access set?)');
  const answer = (await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true })).result as {
    type: string;
    result?: { value?: unknown };
    exceptionDetails?: { text: string };
  };
  if (answer.type !== 'success') throw new Error(`in the browser window: ${answer.exceptionDetails?.text ?? JSON.stringify(answer)}`);
  return String(answer.result?.value);
}

/**
 * Runs in the browser window: terminates our event page as its idle timer does
 * (`extension.terminateBackground()`), again while it declines (the first call
 * only resets the timer when a listener's promise is pending), until Firefox
 * reports the page shut down. A message already on its way may start it again
 * at once, so the proof is the shutdown event, not the page's absence.
 */
const TERMINATE_EVENT_PAGE = (geckoId: string) => `(async () => {
  const extension = WebExtensionPolicy.getByID(${JSON.stringify(geckoId)}).extension;
  if (extension.backgroundState === 'stopped') return 'unloaded';
  let unloaded = false;
  const onShutdown = () => { unloaded = true; };
  extension.on('shutdown-background-script', onShutdown);
  try {
    const deadline = Date.now() + 30000;
    while (!unloaded && Date.now() < deadline) {
      if (extension.backgroundState === 'running') await extension.terminateBackground();
      if (!unloaded) await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    extension.off('shutdown-background-script', onShutdown);
  }
  return unloaded ? 'unloaded' : 'still ' + extension.backgroundState;
})()`;

export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtensionBrowser> {
  const extensionDir = options.extensionDir ?? (options.build === 'test' ? FIREFOX_TEST_DIST : FIREFOX_DIST);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir}/manifest.json not found: run npm run build (and tests/e2e/run.ts for the test build) first`);
  }
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} not found: apt-get install firefox-esr (the tests never download a browser)`);
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'yuanwen-firefox-')));
  // Downloads are saved here without asking (`download` moves each one out as soon as it is complete).
  const downloadDir = await mkdtemp(join(tmpdir(), 'yuanwen-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profileDir,
    defaultViewport: { width: 1280, height: 900 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      'extensions.webextOptionalPermissionPrompts': false,
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      'intl.locale.requested': 'zh-CN',
      'browser.shell.checkDefaultBrowser': false,
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      ...options.prefs,
    },
  });
  const removeProfile = async () => {
    if (!options.profileDir) await rm(profileDir, { recursive: true, force: true });
  };
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    await removeProfile();
    throw new Error(`Firefox did not install ${extensionDir}: ${String(error)}`);
  }
  const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  let opened = 0;
  /** `addInitScript`'s scripts, given to each page `open` and `newPage` make (BiDi preload scripts). */
  const initScripts: (() => void)[] = [];
  const newPage = async (): Promise<Page> => {
    const page = await browser.newPage();
    for (const script of initScripts) await page.evaluateOnNewDocument(script);
    return page;
  };

  const openExtensionPage = async (path: string): Promise<TestPage> => {
    const page = await browser.newPage();
    const url = `${origin}/${path}`;
    // No load event reaches the driver from an extension page: start the navigation, then poll.
    void page.goto(url, { timeout: 0 }).catch(() => {});
    let state = '';
    await waitUntil(
      async () => {
        state = await page.evaluate(() => location.protocol + document.readyState).catch(() => '');
        return state === 'moz-extension:complete';
      },
      `${path} to load in Firefox (last state "${state}")`,
      20_000,
    );
    return firefoxPage(page, url);
  };

  let messenger: Page | undefined;
  /** An extension page kept open to run code with the extension API in. */
  const extensionPage = async (): Promise<Page> => {
    if (!messenger || messenger.isClosed()) messenger = puppeteerPageOf(await openExtensionPage('viewer.html'));
    return messenger;
  };
  const inExtension = async <T, A>(fn: (api: ExtensionApi, arg: A) => T | Promise<T>, arg?: A): Promise<T> =>
    (await extensionPage()).evaluate(withExtensionApi(fn, arg as A)) as Promise<T>;

  const tabId = async (page: TestPage): Promise<number> => {
    const id = await inExtension(async (api, url) => (await api.tabs.query({})).find((t) => t.url === url)?.id, page.url());
    if (id === undefined) throw new Error(`no tab has url ${page.url()}`);
    return id;
  };

  return {
    name: 'firefox',
    browser,
    origin,
    openExtensionPage,
    inExtension,
    tabId,
    async open(url) {
      const page = firefoxPage(await newPage());
      // A unique URL per tab, so the extension can tell tabs apart.
      const unique = new URL(url);
      unique.searchParams.set('tab', String(++opened));
      await page.goto(unique.href);
      return page;
    },
    async newPage() {
      return firefoxPage(await newPage());
    },
    async addInitScript(script) {
      initScripts.push(script);
    },
    waitForNewPage(accept, timeoutMs = 10_000) {
      return new Promise<TestPage>((resolve, reject) => {
        const timer = setTimeout(() => {
          browser.off('targetcreated', onTarget);
          reject(new Error(`no new page was opened within ${timeoutMs} ms`));
        }, timeoutMs);
        // A tab the extension opens is about:blank at first, and puppeteer keeps that URL for extension pages: ask the page.
        const onTarget = async (target: Target) => {
          const page = target.type() === 'page' ? await target.page() : null;
          if (!page) return;
          let href = '';
          const loaded = await waitUntil(
            async () => {
              const now = await page.evaluate(() => [location.href, document.readyState]).catch(() => ['', '']);
              href = now[0];
              return href !== 'about:blank' && href !== '' && now[1] === 'complete';
            },
            'a new page to load',
            timeoutMs,
          ).then(
            () => true,
            () => false,
          );
          if (!loaded || !accept(href)) return;
          clearTimeout(timer);
          browser.off('targetcreated', onTarget);
          resolve(firefoxPage(page, href));
        };
        browser.on('targetcreated', onTarget);
      });
    },
    async frames(page) {
      const frames = [];
      for (const frame of puppeteerPageOf(page).frames()) {
        // puppeteer keeps an extension frame's first URL (about:blank): ask the frame.
        const url = await frame.evaluate(() => location.href).catch(() => undefined);
        if (url !== undefined) frames.push(firefoxFrame(frame, url));
      }
      return frames;
    },
    async badgeText(page) {
      return inExtension((api, tabId) => api.action.getBadgeText({ tabId }), await tabId(page));
    },
    async requestReport(page, message = { type: 'yuanwen/report' }) {
      // The content script runs at document_idle, a moment after load: retry until it answers.
      const deadline = Date.now() + 15_000;
      for (;;) {
        const answer = await inExtension(
          async (api, { url, message }) => {
            const tab = (await api.tabs.query({})).find((t) => t.url === url);
            if (tab?.id === undefined) return { error: `no tab has url ${url}` };
            try {
              return { answered: true, report: await api.tabs.sendMessage(tab.id, message) };
            } catch (error) {
              return { error: String(error) };
            }
          },
          { url: page.url(), message },
        );
        if ('answered' in answer) return answer.report as Report;
        const notYet = /Receiving end does not exist|no tab has url/.test(answer.error);
        if (!notYet || Date.now() > deadline) throw new Error(`no answer from ${page.url()} in Firefox: ${answer.error}`);
        await sleep(100);
      }
    },
    async sendToBackground(message) {
      return inExtension((api, message) => api.runtime.sendMessage(message), message);
    },
    backgroundLoaded: () =>
      inExtension((api) => api.extension.getViews().some((w) => w.location.pathname === '/_generated_background_page.html')),
    inBackground: async (fn, arg) =>
      (await extensionPage()).evaluate(
        `(async () => ${callSource(fn, 'await browser.runtime.getBackgroundPage()', arg as never)})()`,
      ) as Promise<never>,
    async unloadBackground() {
      const outcome = await inBrowserWindow(browser, TERMINATE_EVENT_PAGE(GECKO_ID));
      if (outcome !== 'unloaded') throw new Error(`Firefox did not unload the event page: ${outcome}`);
    },
    async message(key, substitutions) {
      return inExtension((api, { key, substitutions }) => api.i18n.getMessage(key, substitutions), { key, substitutions });
    },
    async download(action) {
      await action();
      let name: string | undefined;
      await waitUntil(
        async () => {
          const names = await readdir(downloadDir);
          // Firefox writes `NAME.part` first, then renames it.
          name = names.some((n) => n.endsWith('.part')) ? undefined : names.find((n) => !n.startsWith('done-'));
          return name !== undefined;
        },
        'a download to complete',
        20_000,
      );
      // Out of the download folder, so the next file of the same name keeps it (Firefox would add "(1)").
      const kept = join(await mkdtemp(join(downloadDir, 'done-')), name!);
      await rename(join(downloadDir, name!), kept);
      return { filename: name!, path: kept };
    },
    async close() {
      await browser.close();
      await removeProfile();
      await rm(downloadDir, { recursive: true, force: true });
    },
  };
}
