/**
 * The content script's highlight messages (from our background and pages,
 * `tabs.sendMessage`): `yuanwen/highlights`, `yuanwen/highlight-selection`,
 * `yuanwen/highlight-update`, `yuanwen/highlight-delete`. Page script cannot
 * send these: only our extension's contexts reach `runtime.onMessage`.
 */
import type { Highlight, HighlightColor } from '../../core/highlight/record';
import { browser, type Runtime } from '../../platform/browser';
import { CONTENT_HIGHLIGHT_MESSAGES, isOwnSender, parseMessage, type HighlightMessage, type PageHighlight } from '../../messages/analysis';
import { replyFromTab } from '../../messages/replies';
import type { HighlightPatch } from '../../core/highlight/record';

export interface HighlightRequestHandlers {
  /** Resolves when the page's analysis and highlights are current: false when Yuanwen is off here. */
  ready(): Promise<boolean>;
  list(): PageHighlight[];
  highlightSelection(color?: HighlightColor, note?: string): Promise<Highlight>;
  update(id: string, patch: HighlightPatch): Promise<Highlight>;
  remove(id: string): Promise<boolean>;
}

export function answerHighlightRequests(handlers: HighlightRequestHandlers): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    const message = parseMessage(raw);
    if (!message || !(CONTENT_HIGHLIGHT_MESSAGES as ReadonlySet<string>).has(message.type)) return undefined;
    if (!isOwnSender(sender, browser.runtime.id)) return undefined;
    const m = message as HighlightMessage;
    return (async () => {
      if (!(await handlers.ready())) {
        if (m.type === 'yuanwen/highlights') return [];
        throw new Error('Yuanwen is off for this site.');
      }
      switch (m.type) {
        case 'yuanwen/highlights':
          return replyFromTab(m, Promise.resolve(handlers.list()));
        case 'yuanwen/highlight-selection':
          return replyFromTab(m, handlers.highlightSelection(m.color, m.note));
        case 'yuanwen/highlight-update':
          return replyFromTab(m, handlers.update(m.id, m.patch));
        case 'yuanwen/highlight-delete':
          return replyFromTab(m, handlers.remove(m.id));
        default:
          return undefined;
      }
    })();
  });
}
