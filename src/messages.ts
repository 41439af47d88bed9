/**
 * Every message that crosses a context boundary (content script, background,
 * popup, extension pages), with the one validator each receiver runs before
 * acting. Messages are plain data from another context: they are checked for
 * shape, and their sender is checked, never trusted.
 */
import type { Runtime } from './platform/browser';

/**
 * Asks a tab's content script for its latest report (schema 1). Sent by the
 * popup, extension pages and automated checks via `tabs.sendMessage`.
 */
export interface ReportRequest {
  type: 'yuanwen/report';
}

/**
 * Content script → background after each analysis of a top-level page, so the
 * toolbar badge can say what the page reprints. Counts only: the page's text
 * stays in the tab.
 */
export interface PageAnalysed {
  type: 'yuanwen/analysed';
  documents: number;
  deviations: number;
  heavilyAltered: boolean;
}

export type ExtensionMessage = ReportRequest | PageAnalysed;

const MAX_COUNT = 1_000_000;

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT;
}

function hasExactKeys(value: object, keys: string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((k) => own.includes(k));
}

/** The message if it is one of ours and well formed, otherwise undefined. */
export function parseMessage(value: unknown): ExtensionMessage | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'yuanwen/report':
      return hasExactKeys(message, ['type']) ? { type: 'yuanwen/report' } : undefined;
    case 'yuanwen/analysed':
      if (!hasExactKeys(message, ['type', 'documents', 'deviations', 'heavilyAltered'])) return undefined;
      if (!isCount(message.documents) || !isCount(message.deviations)) return undefined;
      if (typeof message.heavilyAltered !== 'boolean') return undefined;
      return {
        type: 'yuanwen/analysed',
        documents: message.documents,
        deviations: message.deviations,
        heavilyAltered: message.heavilyAltered,
      };
    default:
      return undefined;
  }
}

/** Sent by this extension (a web page or another extension cannot pass this). */
export function isOwnSender(sender: Runtime.MessageSender, ownId: string): boolean {
  return sender.id === ownId;
}

/** Sent by this extension's content script in the top frame of a tab. */
export function isOwnTopFrameContentScript(sender: Runtime.MessageSender, ownId: string): boolean {
  return isOwnSender(sender, ownId) && typeof sender.tab?.id === 'number' && sender.frameId === 0;
}
