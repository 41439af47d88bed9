/**
 * The evidence report of a tab, for our popup and viewer (issue 13): the
 * page text the tab's content script analysed, checked again here by the
 * same engine (so the report, the digests and the kept text agree), a
 * screenshot of the visible part of the page when the tab is the one shown
 * in its window, the user's highlights and notes only when they asked, all
 * rendered by src/core/evidence into one HTML string the page saves.
 *
 * Only our extension pages may ask: the report can hold private notes, and
 * a content script runs beside the page.
 */
import { browser, type Runtime } from '../platform/browser';
import { bundledCorpus } from '../platform/bundled-corpus';
import { documentById } from './corpus';
import { effectiveLanguageTag, languageLoaded } from '../platform/i18n';
import { checkedNow } from '../core/evidence/checked-at';
import { corpusDigest } from '../core/evidence/corpus-digest';
import { evidenceFileName, renderEvidence } from '../core/evidence/evidence-report';
import type { EvidenceLanguage } from '../core/evidence/evidence-strings';
import {
  MAX_PAGE_TEXT,
  isOwnExtensionPage,
  parsePageTextResponse,
  type EvidenceExportResult,
  type ExportEvidenceRequest,
} from '../messages/analysis';
import { replyFromBackground } from '../messages/replies';
import { sendMessage } from '../platform/messaging';
import { analyse, analyses, EVIDENCE_FRAME } from './analyse';
import { storedHighlightsOfPage } from './highlights';

/** The answer to `yuanwen/export-evidence`, or undefined when the sender may not ask. */
export function handleEvidenceRequest(
  message: ExportEvidenceRequest,
  sender: Runtime.MessageSender,
): Promise<EvidenceExportResult> | undefined {
  if (!isOwnExtensionPage(sender, browser.runtime.id, browser.runtime.getURL(''))) return undefined;
  const answer = exportEvidence(message).catch((error: unknown): EvidenceExportResult => {
    console.warn('[原文 Yuanwen] evidence export failed:', error);
    return { ok: false, error: 'failed' };
  });
  return replyFromBackground(message, answer);
}

async function exportEvidence({ tabId, includeHighlights }: ExportEvidenceRequest): Promise<EvidenceExportResult> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab?.url || !/^https?:/.test(tab.url)) return { ok: false, error: 'no-page' };
  // From a page's context: read defensively.
  const answer: unknown = await sendMessage({ type: 'yuanwen/page-text' }, { tabId, frameId: 0 }).catch(() => undefined);
  const page = parsePageTextResponse(answer, MAX_PAGE_TEXT);
  if (!page) return { ok: false, error: 'no-page' };

  const checkedAt = checkedNow();
  const outcome = await analyses.run(tabId, EVIDENCE_FRAME, analyse(page.text));
  if (!outcome.done) return { ok: false, error: outcome.dropped === 'tab-closed' ? 'no-page' : 'failed' };
  const { report } = outcome.value;
  if (page.total > page.text.length) report.pageText = { analysed: page.text.length, total: page.total };
  const screenshot = await captureIfShown(tabId);
  const highlights = includeHighlights ? await storedHighlightsOfPage(tab.url) : undefined;
  const corpus = bundledCorpus();
  // Documents from imported packs that the report names, beside the bundled ones.
  const imported = await Promise.all(
    report.documents.filter((d) => !corpus.documents.some((b) => b.id === d.id)).map((d) => documentById(d.id)),
  );
  // A service worker woken by this message may not have read the pinned language yet.
  await languageLoaded();
  const html = renderEvidence({
    report,
    documents: [...corpus.documents, ...imported.filter((d) => d !== null)],
    page: { url: tab.url, title: tab.title ?? '', text: page.text, checkedAt },
    versions: { yuanwen: browser.runtime.getManifest().version, corpus: corpusDigest(corpus) },
    screenshot,
    highlights,
    language: uiLanguage(),
  });
  return { ok: true, html, fileName: evidenceFileName(checkedAt), screenshot: screenshot !== undefined };
}

/**
 * The visible part of the tab, when it is the tab its window shows (a
 * capture of the window would otherwise show another page). Allowed by
 * activeTab, which the click on our toolbar button grants for that tab;
 * undefined wherever the browser refuses.
 */
async function captureIfShown(tabId: number): Promise<string | undefined> {
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.active || tab.windowId === undefined) return undefined;
    return await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
  } catch {
    return undefined;
  }
}

/** The report is in the UI's language: English, or Chinese. */
function uiLanguage(): EvidenceLanguage {
  return effectiveLanguageTag(browser.i18n.getUILanguage()) === 'en' ? 'en' : 'zh_CN';
}
