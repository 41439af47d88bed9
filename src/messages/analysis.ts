/**
 * Every message that crosses a context boundary (content script, background,
 * popup, extension pages), with the one validator each receiver runs before
 * acting. Messages are plain data from another context: they are checked for
 * shape, and their sender is checked, never trusted. What each message is
 * answered with: ./replies.ts; the one way to send one:
 * src/platform/messaging.ts.
 */
import type { Runtime } from '../platform/browser';
import type { Report } from '../core/check/report';
import type { HighlightMessage } from './highlights';
import { parseHighlightMessage } from './highlights';
import { parseFrameKeyMessage, type FrameKeyMessage } from './frame';
import { parseEvidenceMessage, type EvidenceMessage } from './evidence';
import { parseCorpusMessage, type CorpusMessage } from './corpus';

/**
 * Asks a tab's content script for its latest report (schema 2). Sent by the
 * popup, extension pages and automated checks via `tabs.sendMessage`.
 */
export interface ReportRequest {
  type: 'yuanwen/report';
}

/**
 * Content script → background: analyse this page text (the engine runs in
 * the background, off the page's main thread). Answered with an
 * `AnalyseResponse`, or `AnalyseDropped` when a newer request from the same
 * page replaced it; a text over `MAX_PAGE_TEXT` is refused with an error.
 */
export interface AnalyseRequest {
  type: 'yuanwen/analyse';
  text: string;
}

/** The background's answer to `AnalyseRequest`. */
export interface AnalyseResponse {
  report: Report;
  /**
   * The full canonical text of every document in the report, by id: the
   * page's cards quote canonical clauses by the report's canonical offsets.
   */
  canonicalTexts: Record<string, string>;
  /**
   * The witnesses of every document in the report, by document id, then
   * witness id → description: cards name the witness of a known variant by
   * what it is, not by its id. (Optional: older backgrounds leave it out.)
   */
  witnesses?: Record<string, Record<string, string>>;
}

/**
 * The background's answer to an `AnalyseRequest` it dropped unrun
 * (src/background/analysis-queue.ts): a newer request from the same page
 * replaced it (`superseded`), or its tab was closed (`tab-closed`, heard by
 * nobody).
 */
export interface AnalyseDropped {
  dropped: 'superseded' | 'tab-closed';
}

/**
 * Content script (top frame) → background: the page removed or hid our
 * warnings `restored` times since it loaded, each time put back
 * (src/content/render/ui-guard.ts); the toolbar button says so.
 */
export interface PageInterferenceNotice {
  type: 'yuanwen/page-interference';
  restored: number;
}

/** Content script → background: open the canonical viewer at a clause, next to the sender's tab. */
export interface OpenViewerRequest {
  type: 'yuanwen/open-viewer';
  documentId: string;
  /** A clause id (`c14`, `s3`, `s0p1`), or '' for the top of the document. */
  clauseId: string;
}

/**
 * Popup → a tab's content script: scroll to page text `[pageStart, pageEnd)`
 * (offsets of the current report; equal for an omission) and flash it.
 * Answered with `true` when the text was found on the page.
 */
export interface ScrollToRequest {
  type: 'yuanwen/scroll-to';
  pageStart: number;
  pageEnd: number;
}

export type ExtensionMessage =
  | ReportRequest
  | AnalyseRequest
  | PageInterferenceNotice
  | OpenViewerRequest
  | ScrollToRequest
  | HighlightMessage
  | FrameKeyMessage
  | EvidenceMessage
  | CorpusMessage;

/**
 * The largest page text the background analyses, in UTF-16 code units (2 Mi
 * code units: a few hundred pages of Chinese). Larger texts are refused with
 * an error rather than tying up the service worker.
 */
export const MAX_PAGE_TEXT = 2 * 1024 * 1024;

/** Corpus ids and clause ids: short ASCII identifiers. */
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

function hasExactKeys(value: object, keys: string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((k) => own.includes(k));
}

/**
 * The message if it is one of ours and well formed, otherwise undefined.
 * `yuanwen/analyse` is accepted with any string: its size is checked by the
 * receiver, which answers an oversized text with a clear error
 * (`analyseTextError`) instead of silence.
 */
export function parseMessage(value: unknown): ExtensionMessage | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'yuanwen/report':
      return hasExactKeys(message, ['type']) ? { type: 'yuanwen/report' } : undefined;
    case 'yuanwen/analyse':
      if (!hasExactKeys(message, ['type', 'text']) || typeof message.text !== 'string') return undefined;
      return { type: 'yuanwen/analyse', text: message.text };
    case 'yuanwen/page-interference': {
      if (!hasExactKeys(message, ['type', 'restored'])) return undefined;
      const { restored } = message;
      if (typeof restored !== 'number' || !Number.isSafeInteger(restored) || restored < 1 || restored > 1_000_000) return undefined;
      return { type: 'yuanwen/page-interference', restored };
    }
    case 'yuanwen/open-viewer':
      if (!hasExactKeys(message, ['type', 'documentId', 'clauseId'])) return undefined;
      if (typeof message.documentId !== 'string' || !ID.test(message.documentId)) return undefined;
      if (typeof message.clauseId !== 'string' || (message.clauseId !== '' && !ID.test(message.clauseId))) return undefined;
      return { type: 'yuanwen/open-viewer', documentId: message.documentId, clauseId: message.clauseId };
    case 'yuanwen/scroll-to': {
      if (!hasExactKeys(message, ['type', 'pageStart', 'pageEnd'])) return undefined;
      const { pageStart, pageEnd } = message;
      const offset = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0 && x <= MAX_PAGE_TEXT;
      if (!offset(pageStart) || !offset(pageEnd) || pageEnd < pageStart) return undefined;
      return { type: 'yuanwen/scroll-to', pageStart, pageEnd };
    }
    default:
      return (
        parseHighlightMessage(message) ?? parseFrameKeyMessage(message) ?? parseEvidenceMessage(message) ?? parseCorpusMessage(message)
      );
  }
}

/** Why the background refuses to analyse `text`, or undefined when it will. */
export function analyseTextError(text: string): string | undefined {
  if (text.length > MAX_PAGE_TEXT) {
    return `yuanwen/analyse: page text of ${text.length} characters exceeds the limit of ${MAX_PAGE_TEXT}`;
  }
  return undefined;
}

/** Sent by this extension (a web page or another extension cannot pass this). */
export function isOwnSender(sender: Runtime.MessageSender, ownId: string): boolean {
  return sender.id === ownId;
}

/**
 * Sent by this extension's content script in a tab: our id, a tab, and a
 * document that is not one of our own pages (an extension page open in a tab
 * also has a tab, but its URL is ours).
 */
export function isOwnContentScript(sender: Runtime.MessageSender, ownId: string): boolean {
  if (!isOwnSender(sender, ownId) || typeof sender.tab?.id !== 'number') return false;
  const url = sender.url ?? '';
  return /^https?:/.test(url);
}

/** Sent by this extension's content script in the top frame of a tab. */
export function isOwnTopFrameContentScript(sender: Runtime.MessageSender, ownId: string): boolean {
  return isOwnContentScript(sender, ownId) && sender.frameId === 0;
}

/**
 * HIGHLIGHT_MESSAGES_BLOCK. Highlights and notes (issue 5): the types, validators and
 * answers live in src/messages/highlights.ts and are re-exported here.
 *
 * To a tab's content script (`tabs.sendMessage`, from our background or pages):
 *   `yuanwen/highlight-selection` {color?, note?}  highlight the current selection → the stored Highlight
 *   `yuanwen/highlights`                          this page's highlights → PageHighlight[] (anchored | orphan | canonical)
 *   `yuanwen/highlight-update` {id, patch}        → the updated Highlight (redrawn)
 *   `yuanwen/highlight-delete` {id}               → true if it existed (undrawn)
 * To the background (`runtime.sendMessage`), answered `HighlightResult<T>`:
 *   from our content script: `yuanwen/highlight-create` {draft}, `yuanwen/highlights-for-page` {clauses},
 *     and update/delete of highlights made on the sender's page;
 *   from our extension pages: update/delete of any highlight, `yuanwen/highlights-list` {url?},
 *     `yuanwen/highlights-for-document` {documentId}, `yuanwen/highlights-export` {format},
 *     `yuanwen/highlights-import` {text} (all or nothing).
 */
export * from './highlights';
export * from './evidence';
