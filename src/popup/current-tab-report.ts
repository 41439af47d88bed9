/**
 * Asks the active tab's content script for its report over the message
 * contract. Fails on pages where no content script runs (browser pages, the
 * Web Store, tabs opened before the extension was installed).
 */
import { browser } from '../platform/browser';
import type { Report } from '../core/report';
import type { ReportRequest } from '../messages';
import { REPORT_SCHEMA } from '../core/report';

export async function currentTabReport(): Promise<Report> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('no active tab');
  const request: ReportRequest = { type: 'yuanwen/report' };
  const report = (await browser.tabs.sendMessage(tab.id, request)) as Report | undefined;
  if (report?.schema !== REPORT_SCHEMA) throw new Error('no report from this tab');
  return report;
}
