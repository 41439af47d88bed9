import { describe, expect, it } from 'vitest';
import { MAX_PAGE_TEXT, parseMessage } from '../../../src/messages/analysis';
import { parsePageTextResponse } from '../../../src/messages/evidence';

describe('evidence messages: validated by their receivers', () => {
  it('accepts an export request for a tab, with the highlights box ticked or not', () => {
    expect(parseMessage({ type: 'yuanwen/export-evidence', tabId: 7, includeHighlights: false })).toEqual({
      type: 'yuanwen/export-evidence',
      tabId: 7,
      includeHighlights: false,
    });
    expect(parseMessage({ type: 'yuanwen/page-text' })).toEqual({ type: 'yuanwen/page-text' });
  });

  it('refuses malformed requests: a missing or odd field, an extra one', () => {
    for (const bad of [
      { type: 'yuanwen/export-evidence', tabId: 7 },
      { type: 'yuanwen/export-evidence', tabId: -1, includeHighlights: false },
      { type: 'yuanwen/export-evidence', tabId: 1.5, includeHighlights: false },
      { type: 'yuanwen/export-evidence', tabId: '7', includeHighlights: false },
      { type: 'yuanwen/export-evidence', tabId: 7, includeHighlights: 'yes' },
      { type: 'yuanwen/export-evidence', tabId: 7, includeHighlights: true, html: '<script>' },
      { type: 'yuanwen/page-text', text: 'x' },
    ]) {
      expect(parseMessage(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it('reads a content script’s page text answer defensively', () => {
    expect(parsePageTextResponse({ text: '一、总体要求', total: 6 }, MAX_PAGE_TEXT)).toEqual({ text: '一、总体要求', total: 6 });
    expect(parsePageTextResponse({ text: 'abc', total: 10 }, MAX_PAGE_TEXT)).toEqual({ text: 'abc', total: 10 });
    for (const bad of [
      undefined,
      null,
      [],
      { text: 'abc' },
      { text: 'abc', total: 2 },
      { text: 3, total: 3 },
      { text: 'abcd', total: 4 },
    ]) {
      expect(parsePageTextResponse(bad, 3), JSON.stringify(bad)).toBeUndefined();
    }
  });
});
