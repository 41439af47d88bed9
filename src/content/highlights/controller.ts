/**
 * Highlights and notes on the page (issue 5), in the content script.
 *
 * - Creating: the toolbar shown for a selection, or the message
 *   `{type:'yuanwen/highlight-selection', color?, note?}` (context menu,
 *   shortcut, automated checks). The selection is mapped to offsets in the
 *   extracted text, described as W3C selectors, given a canonical anchor when
 *   it lies inside an aligned clause, and sent to the background to store.
 * - Re-anchoring on every visit and after every analysis: this page's
 *   highlights exactly, else fuzzily, else they are orphans (listed, drawn
 *   nowhere: never attached to a look-alike); other pages' highlights in the
 *   canonical clauses this page reprints are drawn in their own style.
 * - Drawing with the CSS Custom Highlight API (./paint.ts); the toolbar,
 *   cards and orphan list live in our shadow root (closed in production),
 *   so notes never enter page-readable DOM.
 *
 * The database belongs to the background; this module holds only what the
 * page shows.
 */
import { h, render } from 'preact';
import { createAnchorer, type Anchorer } from '../../core/highlight/anchorer';
import type { CanonicalAnchor, Highlight, HighlightColor, HighlightDraft, HighlightSelectors } from '../../core/highlight/record';
import { emptyReport, type Report } from '../../core/check/report';
import { extractText, type ExtractedText } from '../../page/extract-text';
import type { TextMap } from '../../page/text-map';
import { browser, t, type Runtime } from '../../platform/browser';
import { onHighlightSettingsChanged } from '../../platform/highlight-settings';
import {
  CONTENT_HIGHLIGHT_MESSAGES,
  isOwnSender,
  parseMessage,
  type AnalyseResponse,
  type HighlightMessage,
  type HighlightResult,
  type PageHighlight,
} from '../../messages/analysis';
import { replyFromTab } from '../../messages/replies';
import { sendMessage } from '../../platform/messaging';
import type { HighlightPatch } from '../../storage/highlight-store';
import { hiddenInLayout } from '../hidden';
import { pageRange } from '../render/plan';
import type { OverlayHost } from '../render/overlay-host';
import { HighlightPainter, type Painted } from './paint';
import { rangeToOffsets } from './selection';
import { HighlightsPanel, type PanelActions, type PanelState } from './HighlightsPanel';
import panelCss from './highlights-panel.css?inline';

/** The page text the highlights are anchored in, with its report. */
interface PageText {
  text: string;
  map: TextMap;
  report: Report;
  canonicalTexts: Record<string, string>;
}

interface PendingSelection {
  start: number;
  end: number;
  range: Range;
}

const HOVER_DELAY_MS = 350;
const CLOSE_DELAY_MS = 300;

class UserError extends Error {}

/** The value of the background's answer (`ask(sendMessage(…))`); its error as a `UserError` the panel shows. */
async function ask<T>(answer: Promise<HighlightResult<T> | undefined>): Promise<T> {
  const result = await answer;
  if (!result || typeof result !== 'object') throw new Error('the background did not answer');
  if (!result.ok) throw new UserError(result.error.message);
  return result.value;
}

export class PageHighlights {
  private enabled = false;
  private page: PageText | undefined;
  /** Analysis said the page is not worth analysing: text is extracted here, only when needed. */
  private unanalysed = false;
  private anchorer: Anchorer | undefined;
  private items: PageHighlight[] = [];
  private ranges = new Map<string, Range>();
  private readonly painter: HighlightPainter;
  private container: HTMLElement | undefined;
  private syncing: Promise<void> = Promise.resolve();
  private pending: PendingSelection | undefined;
  private state: PanelState = { orphans: [] };
  private reattachId: string | undefined;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private pointerFrame = 0;
  private readonly listeners: [EventTarget, string, EventListener, AddEventListenerOptions][] = [];

  constructor(
    private readonly document: Document,
    private readonly overlay: OverlayHost,
    /** Resolves when the page's current analysis is done: true if Yuanwen runs on this page. */
    private readonly settled: () => Promise<boolean>,
    private readonly openViewer: (documentId: string, clauseId: string) => void,
  ) {
    this.painter = new HighlightPainter(document);
    this.listenForMessages();
    onHighlightSettingsChanged(() => {
      if (this.enabled) this.resync();
    });
  }

  start(): void {
    if (this.enabled) return;
    this.enabled = true;
    const on = (target: EventTarget, type: string, listener: EventListener, options: AddEventListenerOptions = {}) => {
      target.addEventListener(type, listener, options);
      this.listeners.push([target, type, listener, options]);
    };
    on(this.document, 'mouseup', (e) => this.onMouseUp(e as MouseEvent), { capture: true, passive: true });
    on(this.document, 'keyup', (e) => this.onKeyUp(e as KeyboardEvent), { capture: true, passive: true });
    on(this.document, 'mousedown', (e) => this.onMouseDown(e as MouseEvent), { capture: true, passive: true });
    on(this.document, 'mousemove', (e) => this.onMouseMove(e as MouseEvent), { capture: true, passive: true });
    on(this.document, 'keydown', (e) => this.onKeyDown(e as KeyboardEvent), { capture: true });
  }

  stop(): void {
    if (!this.enabled) return;
    this.enabled = false;
    for (const [target, type, listener, options] of this.listeners) target.removeEventListener(type, listener, options);
    this.listeners.length = 0;
    this.page = undefined;
    this.anchorer = undefined;
    this.items = [];
    this.ranges.clear();
    this.pending = undefined;
    this.reattachId = undefined;
    this.painter.clear();
    this.state = { orphans: [] };
    this.draw();
  }

  /**
   * Called after every analysis of the page: the extracted text and the
   * engine's answer, or nothing when the page is not worth analysing (then
   * highlights still work: the text is extracted here when needed).
   */
  pageAnalysed(extracted: ExtractedText | undefined, response: AnalyseResponse | undefined): void {
    if (!this.enabled) return;
    if (extracted && response) {
      this.page = { text: extracted.text, map: extracted.map, report: response.report, canonicalTexts: response.canonicalTexts };
      this.unanalysed = false;
    } else {
      this.page = undefined;
      this.unanalysed = true;
    }
    this.anchorer = undefined;
    this.resync();
  }

  // -------------------------------------------------------------------------
  // Messages

  private listenForMessages(): void {
    browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
      const message = parseMessage(raw);
      if (!message || !(CONTENT_HIGHLIGHT_MESSAGES as ReadonlySet<string>).has(message.type)) return undefined;
      if (!isOwnSender(sender, browser.runtime.id)) return undefined;
      const m = message as HighlightMessage;
      return (async () => {
        if (!(await this.settled()) || !this.enabled) {
          if (m.type === 'yuanwen/highlights') return [];
          throw new Error('Yuanwen is off for this site.');
        }
        await this.syncing;
        switch (m.type) {
          case 'yuanwen/highlights':
            return replyFromTab(m, Promise.resolve(this.items));
          case 'yuanwen/highlight-selection':
            return replyFromTab(m, this.highlightSelection(m.color, m.note));
          case 'yuanwen/highlight-update':
            return replyFromTab(m, this.update(m.id, m.patch));
          case 'yuanwen/highlight-delete':
            return replyFromTab(m, this.remove(m.id));
          default:
            return undefined;
        }
      })();
    });
  }

  // -------------------------------------------------------------------------
  // Page text and re-anchoring

  /** The page text now: the analysis's, or extracted here on a page the analysis skips. */
  private currentPage(): PageText | undefined {
    if (this.page) return this.page;
    if (!this.unanalysed) return undefined;
    const extracted = extractText(this.document, { isHidden: hiddenInLayout, readFrames: true });
    this.page = { text: extracted.text, map: extracted.map, report: emptyReport(), canonicalTexts: {} };
    return this.page;
  }

  private anchorerFor(page: PageText): Anchorer {
    if (!this.anchorer || this.anchorer.text !== page.text) this.anchorer = createAnchorer(page.text);
    return this.anchorer;
  }

  private resync(): Promise<void> {
    this.syncing = this.syncing.then(() => this.sync()).catch((error: unknown) => console.warn('[原文 Yuanwen] highlights:', error));
    return this.syncing;
  }

  private async sync(): Promise<void> {
    if (!this.enabled) return;
    const report = this.page?.report ?? emptyReport();
    const clauses = report.documents.map((d) => ({ documentId: d.id, clauseIds: d.clauses.map((c) => c.clauseId) }));
    const stored = await ask(sendMessage({ type: 'yuanwen/highlights-for-page', clauses }));
    if (!this.enabled) return;
    const page = stored.page.length + stored.canonical.length > 0 ? this.currentPage() : this.page;
    const items: PageHighlight[] = [];
    const painted: Painted[] = [];
    this.ranges.clear();
    if (page) {
      const anchorer = this.anchorerFor(page);
      for (const highlight of stored.page) {
        const match = anchorer.anchor(highlight.selectors);
        const range = match ? pageRange(page.map, match.start, match.end) : undefined;
        if (!match || !range) {
          items.push({ status: 'orphan', highlight });
          continue;
        }
        items.push({ status: 'anchored', highlight, start: match.start, end: match.end, score: match.score });
        painted.push({ id: highlight.id, style: highlight.color, range });
        this.ranges.set(highlight.id, range);
      }
      for (const highlight of stored.canonical) {
        if (!highlight.canonical) continue;
        const match = anchorer.anchorCanonical(page.report, highlight.canonical);
        if (!match) continue;
        const item: PageHighlight = {
          status: 'canonical',
          highlight,
          start: match.start,
          end: match.end,
          score: match.score,
          changed: match.changed,
          canonicalText: match.canonicalText,
          pageText: match.pageText,
        };
        items.push(item);
        const range = match.end > match.start ? pageRange(page.map, match.start, match.end) : undefined;
        if (range) {
          painted.push({ id: highlight.id, style: 'canonical', range });
          this.ranges.set(highlight.id, range);
        }
      }
    } else {
      for (const highlight of stored.page) items.push({ status: 'orphan', highlight });
    }
    this.items = items;
    this.painter.paint(painted);
    const open = this.state.card && items.find((i) => i.highlight.id === this.state.card!.item.highlight.id);
    this.setState({
      orphans: items.filter((i) => i.status === 'orphan'),
      card: open && this.ranges.has(open.highlight.id) ? { ...this.state.card!, item: open } : undefined,
    });
  }

  // -------------------------------------------------------------------------
  // Operations

  /** Selectors for the current selection (or the one the toolbar was shown for), and its canonical anchor if any. */
  private describeSelection(): { selectors: HighlightSelectors; canonical?: CanonicalAnchor } {
    const page = this.currentPage();
    if (!page) throw new UserError(t('hlNoText'));
    const selected = this.selectedOffsets(page) ?? this.pending;
    if (!selected) throw new UserError(t('hlNoSelection'));
    const anchorer = this.anchorerFor(page);
    const selectors = anchorer.describe(selected.start, selected.end);
    const documents = Object.entries(page.canonicalTexts).map(([id, text]) => ({ id, text }));
    const canonical = anchorer.canonicalAnchorFor(page.report, documents, selectors.position.start, selectors.position.end);
    return canonical ? { selectors, canonical } : { selectors };
  }

  /** Highlights the page's current selection (or the one the toolbar was shown for). */
  async highlightSelection(color?: HighlightColor, note?: string): Promise<Highlight> {
    const { selectors, canonical } = this.describeSelection();
    const draft: HighlightDraft = {
      url: this.document.location.href,
      title: this.document.title,
      selectors,
      ...(color ? { color } : {}),
      ...(note ? { note } : {}),
      ...(canonical ? { canonical } : {}),
    };
    const record = await ask(sendMessage({ type: 'yuanwen/highlight-create', draft }));
    this.pending = undefined;
    this.document.getSelection()?.removeAllRanges();
    this.setState({ toolbar: undefined, notice: undefined });
    await this.resync();
    return record;
  }

  async update(id: string, patch: HighlightPatch): Promise<Highlight> {
    const record = await ask(sendMessage({ type: 'yuanwen/highlight-update', id, patch }));
    await this.resync();
    return record;
  }

  async remove(id: string): Promise<boolean> {
    const existed = await ask(sendMessage({ type: 'yuanwen/highlight-delete', id }));
    if (this.state.card?.item.highlight.id === id) this.setState({ card: undefined });
    await this.resync();
    return existed;
  }

  /** Re-attaches an orphan (or any of this page's highlights) to the selected text. */
  async reattach(id: string): Promise<Highlight> {
    const { selectors, canonical } = this.describeSelection();
    this.reattachId = undefined;
    this.pending = undefined;
    this.document.getSelection()?.removeAllRanges();
    this.setState({ toolbar: undefined, reattaching: undefined });
    return this.update(id, { selectors, canonical: canonical ?? null });
  }

  /** The document selection as page-text offsets, if it covers extracted text outside our UI. */
  private selectedOffsets(page: PageText): PendingSelection | undefined {
    const selection = this.document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
    const range = selection.getRangeAt(0);
    if (this.overlay.contains(range.commonAncestorContainer)) return undefined;
    const offsets = rangeToOffsets(page.map, range);
    if (!offsets || page.text.slice(offsets.start, offsets.end).trim() === '') return undefined;
    return { ...offsets, range: range.cloneRange() };
  }

  // -------------------------------------------------------------------------
  // Pointer and keyboard

  private fromOurUi(event: Event): boolean {
    return event.composedPath().some((n) => n instanceof Node && this.overlay.contains(n));
  }

  private onMouseDown(event: MouseEvent): void {
    if (this.fromOurUi(event)) return;
    if (this.state.toolbar) this.setState({ toolbar: undefined });
    if (this.state.card?.pinned) this.setState({ card: undefined });
  }

  private onMouseUp(event: MouseEvent): void {
    if (this.fromOurUi(event) || event.button !== 0) return;
    const x = event.clientX;
    const y = event.clientY;
    // After the browser has updated the selection for this click.
    setTimeout(() => {
      if (this.showToolbarForSelection()) return;
      const id = this.painter.idAt(x, y);
      if (id) this.openCard(id, true);
    }, 0);
  }

  private onKeyUp(event: KeyboardEvent): void {
    if (this.fromOurUi(event)) return;
    if (event.shiftKey || event.key.startsWith('Arrow') || event.key === 'Shift') this.showToolbarForSelection();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    if (this.state.toolbar || this.state.card || this.state.reattaching) {
      this.reattachId = undefined;
      this.setState({ toolbar: undefined, card: undefined, reattaching: undefined });
    }
  }

  private onMouseMove(event: MouseEvent): void {
    if (this.ranges.size === 0 || this.state.card?.pinned) return;
    if (this.fromOurUi(event)) return;
    const x = event.clientX;
    const y = event.clientY;
    cancelAnimationFrame(this.pointerFrame);
    this.pointerFrame = requestAnimationFrame(() => {
      const id = this.painter.idAt(x, y);
      clearTimeout(this.hoverTimer);
      if (id) {
        clearTimeout(this.closeTimer);
        if (this.state.card?.item.highlight.id !== id) this.hoverTimer = setTimeout(() => this.openCard(id, false), HOVER_DELAY_MS);
      } else if (this.state.card && !this.state.card.pinned) {
        this.hideCardSoon();
      }
    });
  }

  private hideCardSoon(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => {
      if (!this.state.card?.pinned) this.setState({ card: undefined });
    }, CLOSE_DELAY_MS);
  }

  /** Shows the toolbar if there is a selection of page text; true if it did. */
  private showToolbarForSelection(): boolean {
    if (!this.enabled) return false;
    const page = this.currentPage();
    const selected = page && this.selectedOffsets(page);
    if (!selected) return false;
    this.pending = selected;
    const rects = selected.range.getClientRects();
    const last = rects[rects.length - 1] ?? selected.range.getBoundingClientRect();
    const origin = this.overlay.element.getBoundingClientRect();
    const overlaps = this.items
      .filter((i) => i.status === 'anchored' && i.start! < selected.end && selected.start < i.end!)
      .map((i) => i.highlight.id);
    this.setState({
      toolbar: {
        x: last.right - origin.left,
        y: last.bottom - origin.top + 6,
        overlaps,
        viewportLeft: -origin.left,
        viewportWidth: this.document.documentElement.clientWidth,
      },
      card: undefined,
    });
    return true;
  }

  openCard(id: string, pinned: boolean): void {
    const item = this.items.find((i) => i.highlight.id === id);
    const range = this.ranges.get(id);
    if (!item || !range) return;
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    const origin = this.overlay.element.getBoundingClientRect();
    clearTimeout(this.closeTimer);
    this.setState({
      card: {
        item,
        x: (rects[0] ?? last).left - origin.left,
        y: last.bottom - origin.top + 6,
        pinned,
        viewportLeft: -origin.left,
        viewportWidth: this.document.documentElement.clientWidth,
      },
    });
  }

  // -------------------------------------------------------------------------
  // The panel in our shadow root

  private setState(patch: Partial<PanelState>): void {
    this.state = { ...this.state, ...patch };
    this.draw();
  }

  private readonly actions: PanelActions = {
    highlight: (color, note) => void this.run(() => this.highlightSelection(color, note || undefined)),
    removeSelected: () => {
      const ids = this.state.toolbar?.overlaps ?? [];
      this.setState({ toolbar: undefined });
      this.document.getSelection()?.removeAllRanges();
      void this.run(async () => {
        for (const id of ids) await this.remove(id);
      });
    },
    reattachHere: () => {
      const id = this.reattachId;
      if (id) void this.run(() => this.reattach(id));
    },
    armReattach: (id) => {
      const page = this.currentPage();
      if (page && (this.selectedOffsets(page) ?? this.pending)) {
        void this.run(() => this.reattach(id));
        return;
      }
      this.reattachId = id;
      const item = this.items.find((i) => i.highlight.id === id);
      this.setState({ reattaching: item?.highlight.selectors.quote.exact ?? '' });
    },
    cancelReattach: () => {
      this.reattachId = undefined;
      this.setState({ reattaching: undefined });
    },
    deleteHighlight: (id) => void this.run(() => this.remove(id)),
    save: (id, patch) => void this.run(() => this.update(id, patch)),
    closeCard: () => this.setState({ card: undefined }),
    keepCard: () => clearTimeout(this.closeTimer),
    hideCardSoon: () => this.hideCardSoon(),
    pinCard: () => this.state.card && !this.state.card.pinned && this.setState({ card: { ...this.state.card, pinned: true } }),
    openViewer: (documentId, clauseId) => this.openViewer(documentId, clauseId),
    dismissNotice: () => this.setState({ notice: undefined }),
  };

  private async run(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.setState({ notice: t('hlFailed', text) });
    }
  }

  private draw(): void {
    const visible =
      this.state.toolbar || this.state.card || this.state.orphans.length > 0 || this.state.notice || this.state.reattaching !== undefined;
    if (!visible && !this.container) return;
    this.container ??= this.overlay.panel(panelCss);
    if (visible) this.overlay.attach();
    render(h(HighlightsPanel, { state: this.state, actions: this.actions }), this.container);
  }
}
