/**
 * The report of the tab the reader came from, over the message contract
 * `{type:'yuanwen/report'}`. Undefined when that tab is gone or has no
 * content script any more.
 */
import { sendMessage } from '../platform/messaging';
import { REPORT_SCHEMA, type Report } from '../core/check/report';

export async function reportOfTab(tabId: number): Promise<Report | undefined> {
  try {
    const report = await sendMessage({ type: 'yuanwen/report' }, { tabId });
    return report?.schema === REPORT_SCHEMA ? report : undefined;
  } catch {
    return undefined;
  }
}
