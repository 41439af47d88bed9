/**
 * The highlight messages' validators (src/messages/highlights.ts, through
 * `parseMessage`): well-formed messages pass unchanged, anything else is
 * dropped (undefined), so receivers never act on a malformed request.
 */
import { describe, expect, it } from 'vitest';
import { isOwnExtensionPage, parseMessage } from '../../../src/messages/analysis';

const ID = '0b7c3f4e-8d1a-4c2b-9e6f-5a4d3c2b1a09';

describe('highlight messages', () => {
  it('accepts the content-script contract', () => {
    expect(parseMessage({ type: 'yuanwen/highlights' })).toEqual({ type: 'yuanwen/highlights' });
    expect(parseMessage({ type: 'yuanwen/highlight-selection' })).toEqual({ type: 'yuanwen/highlight-selection' });
    expect(parseMessage({ type: 'yuanwen/highlight-selection', color: 'blue', note: '批注' })).toEqual({
      type: 'yuanwen/highlight-selection',
      color: 'blue',
      note: '批注',
    });
    expect(parseMessage({ type: 'yuanwen/highlight-update', id: ID, patch: { note: 'x', tags: ['a'] } })).toEqual({
      type: 'yuanwen/highlight-update',
      id: ID,
      patch: { note: 'x', tags: ['a'] },
    });
    expect(parseMessage({ type: 'yuanwen/highlight-update', id: ID, patch: { canonical: null } })).toBeDefined();
    expect(parseMessage({ type: 'yuanwen/highlight-delete', id: ID })).toEqual({ type: 'yuanwen/highlight-delete', id: ID });
  });

  it('refuses malformed requests', () => {
    const bad = [
      { type: 'yuanwen/highlights', extra: 1 },
      { type: 'yuanwen/highlight-selection', color: 'red' },
      { type: 'yuanwen/highlight-selection', note: 3 },
      { type: 'yuanwen/highlight-update', id: 'not-a-uuid', patch: { note: 'x' } },
      { type: 'yuanwen/highlight-update', id: ID, patch: {} },
      { type: 'yuanwen/highlight-update', id: ID, patch: { url: 'https://elsewhere.example/' } },
      { type: 'yuanwen/highlight-update', id: ID, patch: { tags: 'a,b' } },
      { type: 'yuanwen/highlight-delete', id: ID.toUpperCase() },
      { type: 'yuanwen/highlight-create', draft: 'x' },
      { type: 'yuanwen/highlights-for-page', clauses: [{ documentId: 'Bad Id', clauseIds: [] }] },
      { type: 'yuanwen/highlights-for-page', clauses: [{ documentId: 'urban-opinion-2025', clauseIds: ['c1'], more: true }] },
      { type: 'yuanwen/highlights-export', format: 'pdf' },
      { type: 'yuanwen/highlights-import', text: 42 },
      { type: 'yuanwen/highlights-for-document', documentId: '../x' },
      { type: 'yuanwen/highlights-import', text: '{}', mode: 'append' },
      { type: 'yuanwen/highlights-import', text: '{}', confirmDeletes: 'yes' },
      { type: 'yuanwen/highlights-search', query: 7 },
      { type: 'yuanwen/highlights-search', query: '城'.repeat(1_001) },
      { type: 'yuanwen/highlights-count', all: true },
      { type: 'yuanwen/highlight-restore', highlight: [] },
    ];
    for (const message of bad) expect(parseMessage(message), JSON.stringify(message)).toBeUndefined();
  });

  it('accepts the background messages of extension pages', () => {
    expect(parseMessage({ type: 'yuanwen/highlights-list' })).toEqual({ type: 'yuanwen/highlights-list' });
    expect(parseMessage({ type: 'yuanwen/highlights-export', format: 'markdown' })).toEqual({
      type: 'yuanwen/highlights-export',
      format: 'markdown',
    });
    expect(parseMessage({ type: 'yuanwen/highlights-import', text: '{}' })).toEqual({ type: 'yuanwen/highlights-import', text: '{}' });
    expect(parseMessage({ type: 'yuanwen/highlights-import', text: '{}', mode: 'merge' })).toEqual({
      type: 'yuanwen/highlights-import',
      text: '{}',
      mode: 'merge',
    });
    expect(parseMessage({ type: 'yuanwen/highlights-import', text: '{}', mode: 'replace', confirmDeletes: true })).toEqual({
      type: 'yuanwen/highlights-import',
      text: '{}',
      mode: 'replace',
      confirmDeletes: true,
    });
    expect(parseMessage({ type: 'yuanwen/highlights-search', query: '期末论文' })).toEqual({
      type: 'yuanwen/highlights-search',
      query: '期末论文',
    });
    expect(parseMessage({ type: 'yuanwen/highlights-count' })).toEqual({ type: 'yuanwen/highlights-count' });
    expect(parseMessage({ type: 'yuanwen/highlight-restore', highlight: { id: ID } })).toEqual({
      type: 'yuanwen/highlight-restore',
      highlight: { id: ID },
    });
    expect(
      parseMessage({ type: 'yuanwen/highlights-for-page', clauses: [{ documentId: 'urban-opinion-2025', clauseIds: ['c1', 's0p1'] }] }),
    ).toBeDefined();
  });

  it('tells our own pages from content scripts and other extensions', () => {
    const origin = 'chrome-extension://abc/';
    expect(isOwnExtensionPage({ id: 'abc', url: 'chrome-extension://abc/viewer.html' }, 'abc', origin)).toBe(true);
    expect(isOwnExtensionPage({ id: 'abc', url: 'https://news.example/' }, 'abc', origin)).toBe(false);
    expect(isOwnExtensionPage({ id: 'other', url: 'chrome-extension://other/x.html' }, 'abc', origin)).toBe(false);
  });
});
