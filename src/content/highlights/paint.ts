/**
 * Drawing the reader's highlights (issue 14). The page's `CSS.highlights`
 * registry is shared with page script, which could list which passages the
 * reader highlighted, here and on other pages; so the highlights are drawn
 * as rectangles inside our `paint` frame (./frames.ts), an extension-origin
 * document laid over the page that the pointer passes through. The page's
 * DOM and its highlight registry are untouched.
 *
 * The rectangles are those of the highlighted text, in the UI host's
 * coordinates (the document's), measured again when the layout changes.
 * Hit testing (which highlight is under the pointer) uses the same
 * rectangles.
 */
import type { HighlightColor } from '../../core/highlight/record';
import type { PaintView } from '../../messages/frame';
import type { OverlayHost } from '../render/overlay-host';
import type { HighlightFrames } from './frames';

export type PaintStyle = HighlightColor | 'canonical';

export interface Painted {
  id: string;
  style: PaintStyle;
  range: Range;
}

type Rect = [x: number, y: number, w: number, h: number];

/** The boxes of the text in `range` (not of the elements it wholly contains, which getClientRects adds). */
function textRects(range: Range): DOMRect[] {
  const doc = range.startContainer.ownerDocument;
  if (!doc) return [];
  const root = range.commonAncestorContainer;
  if (root.nodeType === Node.TEXT_NODE) return [...range.getClientRects()];
  const rects: DOMRect[] = [];
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!range.intersectsNode(node)) continue;
    const part = doc.createRange();
    part.selectNodeContents(node);
    if (node === range.startContainer) part.setStart(node, range.startOffset);
    if (node === range.endContainer) part.setEnd(node, range.endOffset);
    if (!part.collapsed) rects.push(...part.getClientRects());
  }
  return rects;
}

export class HighlightPainter {
  private painted: Painted[] = [];
  /** Per painted highlight, its rectangles in host coordinates. */
  private boxes: { id: string; rects: Rect[] }[] = [];
  private resizeObserver: ResizeObserver | undefined;
  private frame = 0;

  constructor(
    private readonly document: Document,
    private readonly overlay: OverlayHost,
    private readonly frames: HighlightFrames,
  ) {}

  paint(items: Painted[]): void {
    this.painted = items.filter((i) => i.range.startContainer.ownerDocument === this.document);
    this.measure();
    if (this.painted.length > 0) this.watchLayout();
  }

  clear(): void {
    this.painted = [];
    this.boxes = [];
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    cancelAnimationFrame(this.frame);
    this.frames.send({ kind: 'paint', view: { width: 0, height: 0, marks: [] } });
  }

  /** The id of our highlight under the viewport point, if any (the last drawn wins where they overlap). */
  idAt(clientX: number, clientY: number): string | undefined {
    if (this.boxes.length === 0) return undefined;
    const origin = this.overlay.element.getBoundingClientRect();
    const x = clientX - origin.left;
    const y = clientY - origin.top;
    for (let i = this.boxes.length - 1; i >= 0; i--) {
      if (this.boxes[i].rects.some(([left, top, w, h]) => x >= left && x <= left + w && y >= top && y <= top + h)) return this.boxes[i].id;
    }
    return undefined;
  }

  private measure(): void {
    if (this.painted.length === 0) {
      this.boxes = [];
      this.frames.send({ kind: 'paint', view: { width: 0, height: 0, marks: [] } });
      return;
    }
    const origin = this.overlay.element.getBoundingClientRect();
    this.boxes = this.painted.map((p) => ({
      id: p.id,
      rects: textRects(p.range)
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r): Rect => [r.left - origin.left, r.top - origin.top, r.width, r.height]),
    }));
    const root = this.document.documentElement;
    const view: PaintView = {
      width: Math.max(root.scrollWidth, root.clientWidth),
      height: Math.max(root.scrollHeight, root.clientHeight),
      marks: this.painted.map((p, i) => ({ id: p.id, style: p.style, rects: this.boxes[i].rects })),
    };
    this.frames.send({ kind: 'paint', view });
  }

  /** Measures again at most once a frame while the page's layout changes. */
  private watchLayout(): void {
    if (this.resizeObserver) return;
    const again = () => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.measure());
    };
    this.resizeObserver = new ResizeObserver(again);
    if (this.document.body) this.resizeObserver.observe(this.document.body);
    this.resizeObserver.observe(this.document.documentElement);
  }
}
