/**
 * Evidence export (issue 13): an extension page (the popup, the viewer) asks
 * the background for the evidence report of a tab; the background asks that
 * tab's content script for the page text it analysed. Both directions are
 * validated by their receivers.
 *
 *   popup/viewer → background  `yuanwen/export-evidence` {tabId, includeHighlights} → EvidenceExportResult
 *   background → content       `yuanwen/page-text` → PageTextResponse
 */
import { keysWithin } from './highlights';

/** Extension page → background: make the evidence report of tab `tabId`. */
export interface ExportEvidenceRequest {
  type: 'yuanwen/export-evidence';
  tabId: number;
  /** The user ticked the box: put their highlights and notes on this page in the report (off by default). */
  includeHighlights: boolean;
}

/** The background's answer: the file to save, or why there is none. */
export type EvidenceExportResult =
  | {
      ok: true;
      html: string;
      fileName: string;
      /** Whether the visible part of the page could be captured (it must be the active tab of its window). */
      screenshot: boolean;
    }
  | { ok: false; error: EvidenceExportError };

/** `no-page`: the tab has no analysed page text (no content script, Yuanwen off, not a web page). */
export type EvidenceExportError = 'no-page' | 'failed';

/** Background → a tab's content script: the page text of its latest analysis. */
export interface PageTextRequest {
  type: 'yuanwen/page-text';
}

/**
 * The text the engine checked (the start of a page longer than the message
 * cap) and the length of the whole text as extracted; undefined when the
 * content script has analysed nothing.
 */
export interface PageTextResponse {
  text: string;
  total: number;
}

export type EvidenceMessage = ExportEvidenceRequest | PageTextRequest;

export function parseEvidenceMessage(message: Record<string, unknown>): EvidenceMessage | undefined {
  switch (message.type) {
    case 'yuanwen/export-evidence': {
      if (!keysWithin(message, ['type', 'tabId', 'includeHighlights'])) return undefined;
      const { tabId, includeHighlights } = message;
      if (typeof tabId !== 'number' || !Number.isSafeInteger(tabId) || tabId < 0) return undefined;
      if (typeof includeHighlights !== 'boolean') return undefined;
      return { type: 'yuanwen/export-evidence', tabId, includeHighlights };
    }
    case 'yuanwen/page-text':
      return keysWithin(message, ['type']) ? { type: 'yuanwen/page-text' } : undefined;
    default:
      return undefined;
  }
}

/** A content script's answer to `yuanwen/page-text`, checked: it comes from a page's context. */
export function parsePageTextResponse(value: unknown, maxText: number): PageTextResponse | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { text, total } = value as Record<string, unknown>;
  if (typeof text !== 'string' || text.length > maxText) return undefined;
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < text.length) return undefined;
  return { text, total };
}
