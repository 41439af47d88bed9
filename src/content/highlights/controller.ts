/**
 * Highlights and notes on the page (issue 5), in the content script: what
 * the page shows and what the reader does with it. The pieces, by job:
 *
 * - ./highlight-requests.ts  the messages this script answers (context menu, shortcut, tests);
 * - ./anchoring.ts           where each stored highlight is on the page now;
 * - ./reader-input.ts        the reader's pointer and keys (trusted events only);
 * - ./paint.ts               the highlights drawn inside our paint frame, and hit testing;
 * - ./frames.ts              our extension-origin frames: toolbar, card, dock (issue 14).
 *
 * Notes, tags and other pages' highlights are held here (the content
 * script's isolated world) and shown only inside extension-origin frames:
 * none of it enters the page's document or its `CSS.highlights`. The
 * database belongs to the background.
 */
import { createAnchorer, type Anchorer } from '../../core/highlight/anchorer';
import type { CanonicalAnchor, Highlight, HighlightColor, HighlightDraft, HighlightSelectors } from '../../core/highlight/record';
import { emptyReport, type Report } from '../../core/check/report';
import { extractText, type ExtractedText } from '../../page/extract-text';
import type { TextMap } from '../../page/text-map';
import { t } from '../../platform/browser';
import { resultValue, sendMessage } from '../../platform/messaging';
import { onHighlightSettingsChanged } from '../../platform/highlight-settings';
import { onLocalStorageChanged } from '../../platform/storage-changes';
import type { AnalyseResponse, PageHighlight } from '../../messages/analysis';
import { HIGHLIGHTS_REVISION_KEY } from '../../messages/highlights';
import type { DockView, FloatView, FrameAction } from '../../messages/frame';
import type { HighlightPatch } from '../../core/highlight/record';
import { hiddenInLayout } from '../hidden';
import type { OverlayHost } from '../render/overlay-host';
import { anchorHighlights } from './anchoring';
import { HighlightFrames, type FloatPlace } from './frames';
import { answerHighlightRequests } from './highlight-requests';
import { HighlightPainter } from './paint';
import { listenToReader, pointOnRange } from './reader-input';
import { rangeToOffsets } from './selection';

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
const TOOLBAR_WIDTH = 300;
const CARD_WIDTH = 380;

class UserError extends Error {}

export class PageHighlights {
  private enabled = false;
  private page: PageText | undefined;
  /** Analysis said the page is not worth analysing: text is extracted here, only when needed. */
  private unanalysed = false;
  private anchorer: Anchorer | undefined;
  private items: PageHighlight[] = [];
  private ranges = new Map<string, Range>();
  private readonly frames: HighlightFrames;
  private readonly painter: HighlightPainter;
  private syncing: Promise<void> = Promise.resolve();
  /** The selection the reader made, when the toolbar was shown for it. */
  private pending: PendingSelection | undefined;
  private float: FloatView = { kind: 'none' };
  private dock: DockView = { orphans: [] };
  /** The last highlight deleted from the page, until the reader undoes or dismisses it. */
  private deleted: Highlight | undefined;
  private reattachId: string | undefined;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private pointerFrame = 0;
  private stopListening: (() => void) | undefined;

  constructor(
    private readonly document: Document,
    private readonly overlay: OverlayHost,
    /** Resolves when the page's current analysis is done: true if Yuanwen runs on this page. */
    private readonly settled: () => Promise<boolean>,
    private readonly openViewer: (documentId: string, clauseId: string) => void,
  ) {
    this.frames = new HighlightFrames(
      overlay,
      (action) => this.act(action),
      () => this.showDock({ notice: t('hlOccluded') }),
    );
    this.painter = new HighlightPainter(document, overlay, this.frames);
    answerHighlightRequests({
      ready: async () => {
        const on = (await this.settled()) && this.enabled;
        if (on) await this.syncing;
        return on;
      },
      list: () => this.items,
      // The context menu and the shortcut: the page may have set the selection itself (on the right-click), so only the
      // selection the reader's own gesture ended on counts (issue 14: creation needs a selection the reader made).
      highlightSelection: (color, note) => this.highlightSelection(color, note, { readersOnly: true }),
      update: (id, patch) => this.update(id, patch),
      remove: (id) => this.remove(id),
    });
    onHighlightSettingsChanged(() => {
      if (this.enabled) void this.resync();
    });
    // A highlight made, edited or deleted in another tab or in the library (or in this tab: drawing again is harmless).
    onLocalStorageChanged(HIGHLIGHTS_REVISION_KEY, () => {
      if (this.enabled) void this.resync();
    });
  }

  start(): void {
    if (this.enabled) return;
    this.enabled = true;
    this.stopListening = listenToReader(this.document, (e) => this.fromOurUi(e), {
      pressed: () => {
        this.pending = undefined;
        if (this.float.kind === 'toolbar' || (this.float.kind === 'card' && this.float.pinned)) this.showFloat({ kind: 'none' });
      },
      released: (x, y) => {
        // After the browser has updated the selection for this click.
        setTimeout(() => {
          if (this.showToolbarForSelection(x, y)) return;
          const id = this.painter.idAt(x, y);
          if (id) this.openCard(id, true);
        }, 0);
      },
      selectedByKeyboard: () => void this.showToolbarForSelection(),
      moved: (x, y) => this.hover(x, y),
      escape: () => this.closeAll(),
    });
  }

  stop(): void {
    if (!this.enabled) return;
    this.enabled = false;
    this.stopListening?.();
    this.stopListening = undefined;
    this.page = undefined;
    this.anchorer = undefined;
    this.items = [];
    this.ranges.clear();
    this.pending = undefined;
    this.reattachId = undefined;
    this.deleted = undefined;
    this.float = { kind: 'none' };
    this.dock = { orphans: [] };
    this.painter.clear();
    this.frames.clear();
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
    void this.resync();
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
    const stored = await resultValue(sendMessage({ type: 'yuanwen/highlights-for-page', clauses }));
    if (!this.enabled) return;
    const page = stored.page.length + stored.canonical.length > 0 ? this.currentPage() : this.page;
    const anchored = anchorHighlights(stored, page && { map: page.map, report: page.report, anchorer: this.anchorerFor(page) });
    this.items = anchored.items;
    this.ranges = anchored.ranges;
    this.painter.paint(anchored.painted);
    if (this.float.kind === 'card') {
      const id = this.float.item.highlight.id;
      const open = this.items.find((i) => i.highlight.id === id);
      if (open && this.ranges.has(id)) this.showFloat({ ...this.float, item: open });
      else this.showFloat({ kind: 'none' });
    }
    this.showDock({ orphans: this.items.filter((i) => i.status === 'orphan') });
  }

  // -------------------------------------------------------------------------
  // Operations

  /** Selectors for the current selection (or the one the toolbar was shown for), and its canonical anchor if any. */
  private describeSelection({ readersOnly = false } = {}): { selectors: HighlightSelectors; canonical?: CanonicalAnchor } {
    const page = this.currentPage();
    if (!page) throw new UserError(t('hlNoText'));
    const current = this.selectedOffsets(page);
    const selected = readersOnly
      ? this.pending && current && current.start === this.pending.start && current.end === this.pending.end
        ? this.pending
        : undefined
      : (this.pending ?? current);
    if (!selected) throw new UserError(t('hlNoSelection'));
    const anchorer = this.anchorerFor(page);
    const selectors = anchorer.describe(selected.start, selected.end);
    const documents = Object.entries(page.canonicalTexts).map(([id, text]) => ({ id, text }));
    const canonical = anchorer.canonicalAnchorFor(page.report, documents, selectors.position.start, selectors.position.end);
    return canonical ? { selectors, canonical } : { selectors };
  }

  /** Highlights the selection the toolbar was shown for (or, from the context menu or shortcut, the current one). */
  async highlightSelection(color?: HighlightColor, note?: string, { readersOnly = false } = {}): Promise<Highlight> {
    const { selectors, canonical } = this.describeSelection({ readersOnly });
    const draft: HighlightDraft = {
      url: this.document.location.href,
      title: this.document.title,
      selectors,
      ...(color ? { color } : {}),
      ...(note ? { note } : {}),
      ...(canonical ? { canonical } : {}),
    };
    const record = await resultValue(sendMessage({ type: 'yuanwen/highlight-create', draft }));
    this.pending = undefined;
    this.document.getSelection()?.removeAllRanges();
    this.showFloat({ kind: 'none' });
    this.showDock({ notice: undefined });
    await this.resync();
    return record;
  }

  async update(id: string, patch: HighlightPatch): Promise<Highlight> {
    const record = await resultValue(sendMessage({ type: 'yuanwen/highlight-update', id, patch }));
    await this.resync();
    return record;
  }

  async remove(id: string): Promise<boolean> {
    const existed = await resultValue(sendMessage({ type: 'yuanwen/highlight-delete', id }));
    if (this.float.kind === 'card' && this.float.item.highlight.id === id) this.showFloat({ kind: 'none' });
    await this.resync();
    return existed;
  }

  /** Deleted by a click on the page: said so in the dock, with Undo (the page may have lured the click). */
  private async removeUndoably(id: string): Promise<void> {
    const record = this.items.find((i) => i.highlight.id === id)?.highlight;
    await this.remove(id);
    if (!record) return;
    this.deleted = record;
    this.showDock({ undo: { quote: record.selectors.quote.exact } });
  }

  private async undoDelete(): Promise<void> {
    const record = this.deleted;
    this.deleted = undefined;
    this.showDock({ undo: undefined });
    if (!record) return;
    const draft: HighlightDraft = {
      url: record.url,
      title: record.title,
      color: record.color,
      note: record.note,
      tags: record.tags,
      selectors: record.selectors,
      ...(record.canonical ? { canonical: record.canonical } : {}),
    };
    await resultValue(sendMessage({ type: 'yuanwen/highlight-create', draft }));
    await this.resync();
  }

  /** Re-attaches an orphan (or any of this page's highlights) to the selected text. */
  async reattach(id: string): Promise<Highlight> {
    const { selectors, canonical } = this.describeSelection();
    this.reattachId = undefined;
    this.pending = undefined;
    this.document.getSelection()?.removeAllRanges();
    this.showFloat({ kind: 'none' });
    this.showDock({ reattaching: undefined });
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

  private hover(x: number, y: number): void {
    if (this.ranges.size === 0 || (this.float.kind === 'card' && this.float.pinned)) return;
    cancelAnimationFrame(this.pointerFrame);
    this.pointerFrame = requestAnimationFrame(() => {
      const id = this.painter.idAt(x, y);
      clearTimeout(this.hoverTimer);
      if (id) {
        clearTimeout(this.closeTimer);
        const open = this.float.kind === 'card' ? this.float.item.highlight.id : undefined;
        if (open !== id) this.hoverTimer = setTimeout(() => this.openCard(id, false), HOVER_DELAY_MS);
      } else if (this.float.kind === 'card' && !this.float.pinned) {
        this.hideCardSoon();
      }
    });
  }

  private hideCardSoon(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => {
      if (this.float.kind === 'card' && !this.float.pinned) this.showFloat({ kind: 'none' });
    }, CLOSE_DELAY_MS);
  }

  private closeAll(): void {
    this.reattachId = undefined;
    this.pending = undefined;
    this.showFloat({ kind: 'none' });
    this.showDock({ reattaching: undefined });
  }

  /**
   * Shows the toolbar if the reader selected page text; true if it did. After
   * a pointer gesture the pointer must have been released on the selected
   * text: a selection the page made elsewhere is not the reader's.
   */
  private showToolbarForSelection(x?: number, y?: number): boolean {
    if (!this.enabled) return false;
    const page = this.currentPage();
    const selected = page && this.selectedOffsets(page);
    if (!selected) return false;
    if (x !== undefined && y !== undefined && !pointOnRange(selected.range, x, y)) return false;
    this.pending = selected;
    const rects = selected.range.getClientRects();
    const last = rects[rects.length - 1] ?? selected.range.getBoundingClientRect();
    const overlaps = this.items
      .filter((i) => i.status === 'anchored' && i.start! < selected.end && selected.start < i.end!)
      .map((i) => i.highlight.id);
    const view: FloatView = { kind: 'toolbar', overlaps, ...(this.reattachId ? { reattaching: this.quoteOf(this.reattachId) } : {}) };
    this.showFloat(view, this.place(last.right - TOOLBAR_WIDTH / 2, last.bottom + 6, TOOLBAR_WIDTH));
    return true;
  }

  openCard(id: string, pinned: boolean): void {
    const item = this.items.find((i) => i.highlight.id === id);
    const range = this.ranges.get(id);
    if (!item || !range) return;
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    clearTimeout(this.closeTimer);
    this.showFloat({ kind: 'card', item, pinned }, this.place((rects[0] ?? last).left, last.bottom + 6, CARD_WIDTH));
  }

  /** A place for the float frame at viewport point (x, y), kept inside the viewport horizontally. */
  private place(x: number, y: number, width: number): FloatPlace {
    const origin = this.overlay.element.getBoundingClientRect();
    const viewportWidth = this.document.documentElement.clientWidth;
    const left = Math.max(8, Math.min(x, viewportWidth - width - 12));
    return { left: left - origin.left, top: y - origin.top, width };
  }

  private quoteOf(id: string): string {
    return this.items.find((i) => i.highlight.id === id)?.highlight.selectors.quote.exact ?? '';
  }

  // -------------------------------------------------------------------------
  // The frames

  private showFloat(view: FloatView, place?: FloatPlace): void {
    this.float = view;
    this.frames.send({ kind: 'float', view }, place);
  }

  private showDock(patch: Partial<DockView>): void {
    this.dock = { ...this.dock, ...patch };
    this.frames.send({ kind: 'dock', view: this.dock });
  }

  /** What the reader did in one of our frames. */
  private act(action: FrameAction): void {
    switch (action.name) {
      case 'highlight':
        return void this.run(() => this.highlightSelection(action.color, action.note || undefined));
      case 'removeSelected': {
        const ids = this.float.kind === 'toolbar' ? this.float.overlaps : [];
        this.showFloat({ kind: 'none' });
        this.document.getSelection()?.removeAllRanges();
        return void this.run(async () => {
          for (const id of ids) await this.removeUndoably(id);
        });
      }
      case 'reattachHere': {
        const id = this.reattachId;
        if (id) void this.run(() => this.reattach(id));
        return;
      }
      case 'armReattach': {
        if (!this.items.some((i) => i.highlight.id === action.id)) return;
        if (this.pending) return void this.run(() => this.reattach(action.id));
        this.reattachId = action.id;
        return this.showDock({ reattaching: this.quoteOf(action.id) });
      }
      case 'cancelReattach':
        this.reattachId = undefined;
        return this.showDock({ reattaching: undefined });
      case 'deleteHighlight':
        return void this.run(() => this.removeUndoably(action.id));
      case 'undoDelete':
        return void this.run(() => this.undoDelete());
      case 'save':
        return void this.run(() => this.update(action.id, action.patch));
      case 'closeCard':
        return this.closeAll();
      case 'keepCard':
        return clearTimeout(this.closeTimer);
      case 'hideCardSoon':
        return this.hideCardSoon();
      case 'pinCard':
        if (this.float.kind === 'card' && !this.float.pinned) this.showFloat({ ...this.float, pinned: true });
        return;
      case 'openViewer':
        return this.openViewer(action.documentId, action.clauseId);
      case 'dismissNotice':
        return this.showDock({ notice: undefined, undo: undefined });
    }
  }

  private async run(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.showDock({ notice: t('hlFailed', text) });
    }
  }
}
