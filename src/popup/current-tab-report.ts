/**
 * The tab the popup is about, and its content script's report over the
 * message contract. The popup normally targets the active tab; opened as a
 * page with `?tab=ID` (tests, and later the library) it targets tab ID.
 * Asking fails on pages where no content script runs (browser pages, the Web
 * Store, tabs opened before the extension was installed).
 */
import { browser, type Tabs } from '../platform/browser';
import type { Report } from '../core/check/report';
import { sendMessage } from '../platform/messaging';
import { REPORT_SCHEMA } from '../core/check/report';

export async function targetTab(): Promise<Tabs.Tab | undefined> {
  const requested = new URLSearchParams(window.location.search).get('tab');
  if (requested !== null && /^\d+$/.test(requested)) {
    return browser.tabs.get(Number(requested)).catch(() => undefined);
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

export async function tabReport(tab: Tabs.Tab | undefined): Promise<Report> {
  if (tab?.id === undefined) throw new Error('no tab');
  const report = await sendMessage({ type: 'yuanwen/report' }, { tabId: tab.id });
  if (report?.schema !== REPORT_SCHEMA) throw new Error('no report from this tab');
  return report;
}
