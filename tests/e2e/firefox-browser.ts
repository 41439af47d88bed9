/**
 * Debian's Firefox ESR with the built extension (dist/firefox) installed,
 * driven by puppeteer-core over WebDriver BiDi. Never downloads a browser: it
 * uses /usr/bin/firefox-esr (or $FIREFOX).
 *
 * What Firefox needs that Chromium does not: the add-on is installed
 * temporarily through BiDi (`browser.installExtension`); its address is fixed
 * in advance by the pref `extensions.webextensions.uuids`; extension pages
 * need `--remote-allow-system-access` to be driven and fire no load event the
 * driver sees, so `openExtensionPage` polls `document.readyState`; the pref
 * `extensions.webextOptionalPermissionPrompts=false` lets a click grant the
 * host permission without a prompt.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Report } from '../../src/core/check/report';
import { REPO_ROOT } from './extension-browser';

export const FIREFOX_DIST = resolve(REPO_ROOT, 'dist', 'firefox');
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
/** The add-on's gecko id (manifest.json) and the moz-extension host we give it. */
const GECKO_ID = 'yuanwen@yuanwen.example';
export const FIREFOX_EXTENSION_UUID = '6c1a3f9e-1b2c-4d5e-8f90-1234567890ab';

/**
 * The browsers the end-to-end tests run in: both, unless
 * `YUANWEN_E2E_BROWSERS=chromium` (or `firefox`) picks one.
 */
export function e2eBrowserEnabled(name: 'chromium' | 'firefox'): boolean {
  const only = process.env.YUANWEN_E2E_BROWSERS;
  return !only || only.split(',').some((b) => b.trim() === name);
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** `moz-extension://UUID` */
  origin: string;
  /** Opens `url` (a web page) in a new tab and waits until its load event. */
  open(url: string): Promise<Page>;
  /** Opens an extension page (`src/popup/index.html?tab=…`) and waits until it is loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** The content script's answer to `{type:'yuanwen/report'}` for `page`, sent from an extension page. */
  requestReport(page: Page, message?: unknown): Promise<Report>;
  /** Runs `fn` in an extension page, where `browser.*` is the WebExtension API. */
  inExtension<T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  extensionDir?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtensionBrowser> {
  const extensionDir = options.extensionDir ?? FIREFOX_DIST;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir}/manifest.json not found: run npm run build first`);
  }
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} not found: apt-get install firefox-esr (the tests never download a browser)`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      'extensions.webextOptionalPermissionPrompts': false,
      'intl.locale.requested': 'zh-CN',
      'browser.shell.checkDefaultBrowser': false,
    },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    throw new Error(`Firefox did not install ${extensionDir}: ${String(error)}`);
  }
  const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  let opened = 0;

  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    // No load event reaches the driver from an extension page: start the navigation, then poll.
    void page.goto(`${origin}/${path}`, { timeout: 0 }).catch(() => {});
    const deadline = Date.now() + 20_000;
    for (;;) {
      const state = await page.evaluate(() => location.protocol + document.readyState).catch(() => '');
      if (state === 'moz-extension:complete') return page;
      if (Date.now() > deadline) throw new Error(`${path} did not load in Firefox (last state "${state}")`);
      await sleep(50);
    }
  };

  let messenger: Page | undefined;
  const inExtension = async <T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T> => {
    messenger ??= await openExtensionPage('src/first-run/index.html');
    // puppeteer types the argument as serialized; ours are plain JSON values.
    const evaluate = messenger.evaluate.bind(messenger) as (f: (arg: A) => Promise<T>, arg: A) => Promise<T>;
    return evaluate(fn, arg);
  };

  return {
    browser,
    origin,
    openExtensionPage,
    inExtension,
    async open(url) {
      const page = await browser.newPage();
      // A unique URL per tab, so the extension page can tell tabs apart.
      const unique = new URL(url);
      unique.searchParams.set('tab', String(++opened));
      await page.goto(unique.href, { waitUntil: 'load' });
      return page;
    },
    async requestReport(page, message = { type: 'yuanwen/report' }) {
      // The content script runs at document_idle, a moment after load: retry until it answers.
      const deadline = Date.now() + 15_000;
      for (;;) {
        const answer = await inExtension(
          async ({ url, message }) => {
            const api = (globalThis as unknown as { browser: FirefoxTabsApi }).browser;
            const tab = (await api.tabs.query({})).find((t) => t.url === url);
            if (tab?.id === undefined) return { error: `no tab has url ${url}` };
            try {
              return { report: await api.tabs.sendMessage(tab.id, message) };
            } catch (error) {
              return { error: String(error) };
            }
          },
          { url: page.url(), message },
        );
        if ('report' in answer && answer.report !== undefined) return answer.report as Report;
        if (Date.now() > deadline)
          throw new Error(`no report from ${page.url()} in Firefox: ${'error' in answer ? answer.error : 'empty answer'}`);
        await sleep(100);
      }
    },
    async close() {
      await browser.close();
    },
  };
}

interface FirefoxTabsApi {
  tabs: {
    query(filter: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}
