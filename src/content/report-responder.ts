/**
 * The message contract `{type:'yuanwen/report'}` → Report (schema 2), used by
 * the popup, the context menu, the viewer and automated checks. Only this
 * extension may ask; anything else is left for other listeners (returning
 * undefined).
 */
import { browser, type Runtime } from '../platform/browser';
import { isOwnSender, parseMessage } from '../messages/analysis';
import { replyFromTab } from '../messages/replies';
import type { Report } from '../core/check/report';
import { analysedPart, readPage } from './analysis';
import { pageTitle } from '../page/page-title';
import type { PageSource } from '../messages/corpus';

export function answerReportRequests(currentReport: () => Promise<Report>): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<Report> | undefined => {
    const message = parseMessage(raw);
    if (message?.type !== 'yuanwen/report' || !isOwnSender(sender, browser.runtime.id)) return undefined;
    return replyFromTab(message, currentReport());
  });
}

/**
 * `{type:'yuanwen/page-text'}` → the text of the latest analysis (what the
 * engine checked, and the whole text's length), for the evidence report;
 * undefined when nothing was analysed.
 */
export function answerPageTextRequests(analysedText: () => Promise<string | undefined>): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    const message = parseMessage(raw);
    if (message?.type !== 'yuanwen/page-text' || !isOwnSender(sender, browser.runtime.id)) return undefined;
    const answer = analysedText().then((text) => (text === undefined ? undefined : { text: analysedPart(text), total: text.length }));
    return replyFromTab(message, answer);
  });
}

/**
 * `{type:'yuanwen/page-source'}` → this page's URL, title and text as Yuanwen
 * extracts them, read now (whatever the page reprints), for the popup's
 * "Save this page as a canonical document"; undefined when Yuanwen is off on
 * this site or the page has too little Chinese text. Top frame only.
 */
export function answerPageSourceRequests(enabled: () => boolean): void {
  if (window.top !== window) return;
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<PageSource | undefined> | undefined => {
    const message = parseMessage(raw);
    if (message?.type !== 'yuanwen/page-source' || !isOwnSender(sender, browser.runtime.id)) return undefined;
    const extracted = enabled() ? readPage(document) : undefined;
    const answer = extracted ? { url: location.href, title: pageTitle(document), text: extracted.text } : undefined;
    return replyFromTab(message, Promise.resolve(answer));
  });
}
