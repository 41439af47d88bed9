/**
 * The report of the tab the reader came from, over the message contract
 * `{type:'yuanwen/report'}`. Undefined when that tab is gone or has no
 * content script any more.
 */
import { browser } from '../platform/browser';
import { REPORT_SCHEMA, type Report } from '../core/check/report';
import type { ReportRequest } from '../messages/analysis';

export async function reportOfTab(tabId: number): Promise<Report | undefined> {
  const request: ReportRequest = { type: 'yuanwen/report' };
  try {
    const report = (await browser.tabs.sendMessage(tabId, request)) as Report | undefined;
    return report?.schema === REPORT_SCHEMA ? report : undefined;
  } catch {
    return undefined;
  }
}
