/**
 * Background (Chrome: service worker, Firefox: event page). It may be stopped
 * at any time, so it keeps nothing in globals but caches it can rebuild, and
 * registers every listener synchronously at start-up, which is how the
 * browser wakes it for an event.
 */
import { browser, type Runtime } from '../platform/browser';
import { analyseTextError, isOwnContentScript, parseMessage, type AnalyseDropped, type AnalyseResponse } from '../messages/analysis';
import { replyFromBackground } from '../messages/replies';
import { showPageInterference, showPageSummary } from './action-badge';
import { analyse, analyses } from './analyse';
import { TEST_BUILD } from '../platform/build-flags';
import { checkPageAccessOnInstall } from './first-run';
import { openViewer } from './viewer-tab';
import { handleHighlightMessage } from './highlights';
import { handleEvidenceRequest } from './evidence';
import { createHighlightMenu, listenForHighlightCommands } from './highlights-commands';
import { answerFrameKeyMessage, forgetFrameKeysOfClosedTabs } from './frame-keys';
import { addImportChunk, beginImport, documentById, endImport, listPacks, removeImportedPack, sketchMightReprint } from './corpus';
import { exportSaved, listSaved, removeSaved, renameSaved, savePage } from './saved-documents';
import { isOwnExtensionPage } from '../messages/highlights';

browser.runtime.onInstalled.addListener((details) => {
  void checkPageAccessOnInstall(details);
  createHighlightMenu();
});

// A closed tab's analyses are not run further.
browser.tabs.onRemoved.addListener((tabId) => analyses.tabClosed(tabId));
// The end-to-end tests read what the queue dropped (test builds only).
if (TEST_BUILD) (globalThis as { yuanwenAnalyses?: unknown }).yuanwenAnalyses = analyses;

/**
 * Answers with a native promise (an async function): the polyfill and
 * Chromium deliver only native promises' values to the sender.
 */
async function analyseForTab(text: string, sender: Runtime.MessageSender): Promise<AnalyseResponse | AnalyseDropped> {
  const refused = analyseTextError(text);
  if (refused) throw new Error(refused);
  const tabId = sender.tab!.id!;
  const outcome = await analyses.run(tabId, sender.frameId ?? 0, analyse(text));
  if (!outcome.done) return { dropped: outcome.dropped };
  if (sender.frameId === 0) {
    // The tab may close before the badge is set; the badge is a nicety.
    showPageSummary(tabId, outcome.value.report).catch(() => undefined);
  }
  return outcome.value;
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
  const message = parseMessage(raw);
  if (!message || !isOwnContentScript(sender, browser.runtime.id)) return undefined;
  switch (message.type) {
    case 'yuanwen/analyse':
      return replyFromBackground(message, analyseForTab(message.text, sender));
    case 'yuanwen/page-interference':
      if (sender.frameId !== 0) return undefined;
      // The tab may close first; the badge is a nicety.
      return replyFromBackground(
        message,
        showPageInterference(sender.tab!.id!, message.restored).catch(() => undefined),
      );
    case 'yuanwen/open-viewer':
      return replyFromBackground(
        message,
        openViewer(message.documentId, message.clauseId, { id: sender.tab?.id, index: sender.tab?.index }).then(() => undefined),
      );
    default:
      return undefined;
  }
});

// Highlights and notes: the database's messages (senders checked in ./highlights), the context menu and the shortcut.
browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
  const message = parseMessage(raw);
  return message ? handleHighlightMessage(message, sender) : undefined;
});
listenForHighlightCommands();

// Keys of the channel between our content script and our extension-origin frames (src/messages/frame.ts).
browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
  const message = parseMessage(raw);
  if (message?.type !== 'yuanwen/frame-key-set' && message?.type !== 'yuanwen/frame-key-get') return undefined;
  return replyFromBackground(message, answerFrameKeyMessage(message, sender));
});
forgetFrameKeysOfClosedTabs();

// The evidence report of a tab, for our popup and viewer (sender checked in ./evidence).
browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
  const message = parseMessage(raw);
  return message?.type === 'yuanwen/export-evidence' ? handleEvidenceRequest(message, sender) : undefined;
});

// Imported packs and the reader's saved documents: managed from our extension pages; the content script asks only whether a page might reprint one.
browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
  const message = parseMessage(raw);
  if (!message) return undefined;
  if (message.type === 'yuanwen/corpus-sketch') {
    return isOwnContentScript(sender, browser.runtime.id)
      ? replyFromBackground(message, sketchMightReprint(message.hashes, message.quotes))
      : undefined;
  }
  if (!isOwnExtensionPage(sender, browser.runtime.id, browser.runtime.getURL(''))) return undefined;
  switch (message.type) {
    case 'yuanwen/corpus-packs':
      return replyFromBackground(message, listPacks());
    case 'yuanwen/corpus-import-begin':
      return replyFromBackground(message, beginImport(message.chars, message.chunks));
    case 'yuanwen/corpus-import-chunk':
      return replyFromBackground(message, addImportChunk(message.importId, message.index, message.text));
    case 'yuanwen/corpus-import-end':
      return replyFromBackground(message, endImport(message.importId));
    case 'yuanwen/corpus-remove':
      return replyFromBackground(message, removeImportedPack(message.packId));
    case 'yuanwen/corpus-document':
      return replyFromBackground(message, documentById(message.documentId));
    case 'yuanwen/corpus-save-page':
      return replyFromBackground(message, savePage({ url: message.url, title: message.title, text: message.text }));
    case 'yuanwen/corpus-saved':
      return replyFromBackground(message, listSaved());
    case 'yuanwen/corpus-rename':
      return replyFromBackground(message, renameSaved(message.documentId, message.title));
    case 'yuanwen/corpus-saved-remove':
      return replyFromBackground(message, removeSaved(message.documentId));
    case 'yuanwen/corpus-saved-export':
      return replyFromBackground(message, exportSaved());
    default:
      return undefined;
  }
});
