/**
 * Drawing highlights with the CSS Custom Highlight API: one `Highlight` per
 * colour, registered as `yuanwen-highlight-<colour>`, plus
 * `yuanwen-highlight-canonical` for highlights from other pages. The page's
 * DOM is never touched; where the API is missing nothing is drawn (the list
 * in our UI still shows every highlight).
 *
 * Hit testing (which highlight is under the pointer):
 * `CSS.highlights.highlightsFromPoint` where the browser has it, otherwise
 * the caret position at the point (`caretPositionFromPoint`, or WebKit's
 * `caretRangeFromPoint`) compared with our ranges.
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../core/highlight/record';
import pageCss from './page-styles.css?inline';
import { adoptPageStylesheet } from '../render/page-stylesheet';

export type PaintStyle = HighlightColor | 'canonical';
export const PAINT_STYLES: readonly PaintStyle[] = [...HIGHLIGHT_COLORS, 'canonical'];

export function paintName(style: PaintStyle): string {
  return `yuanwen-highlight-${style}`;
}

/** Above the deviation marks (priority 0), so a highlight over a changed word shows its colour. */
const PRIORITY = 1;

interface HitResult {
  highlight: Highlight;
  ranges: AbstractRange[];
}
type Registry = HighlightRegistry & { highlightsFromPoint?: (x: number, y: number) => HitResult[] };

function registry(): Registry | undefined {
  const r = (globalThis.CSS as { highlights?: Registry } | undefined)?.highlights;
  return r && typeof Highlight === 'function' ? r : undefined;
}

export interface Painted {
  id: string;
  style: PaintStyle;
  range: Range;
}

export class HighlightPainter {
  private readonly registry = registry();
  private ours = new Set<Highlight>();
  private byRange = new Map<AbstractRange, string>();
  private painted: Painted[] = [];

  constructor(private readonly document: Document) {}

  get available(): boolean {
    return this.registry !== undefined;
  }

  paint(items: Painted[]): void {
    this.clear();
    this.painted = items;
    const reg = this.registry;
    if (!reg || items.length === 0) return;
    adoptPageStylesheet(this.document, pageCss);
    for (const style of PAINT_STYLES) {
      const ranges = items.filter((i) => i.style === style).map((i) => i.range);
      if (ranges.length === 0) continue;
      const h = new Highlight(...ranges);
      h.priority = PRIORITY;
      reg.set(paintName(style), h);
      this.ours.add(h);
    }
    for (const i of items) this.byRange.set(i.range, i.id);
  }

  clear(): void {
    if (this.registry) for (const style of PAINT_STYLES) this.registry.delete(paintName(style));
    this.ours.clear();
    this.byRange.clear();
    this.painted = [];
  }

  /** The id of our highlight under the viewport point, if any (the last drawn wins where they overlap). */
  idAt(x: number, y: number): string | undefined {
    if (this.painted.length === 0) return undefined;
    const reg = this.registry;
    if (reg?.highlightsFromPoint) {
      try {
        for (const hit of reg.highlightsFromPoint(x, y)) {
          if (!this.ours.has(hit.highlight)) continue;
          for (const r of hit.ranges ?? []) {
            const id = this.byRange.get(r);
            if (id) return id;
          }
          // Some engines return the highlight without its ranges: fall through to the caret test.
          return this.idAtCaret(x, y);
        }
        return undefined;
      } catch {
        // Fall back below.
      }
    }
    return this.idAtCaret(x, y);
  }

  private idAtCaret(x: number, y: number): string | undefined {
    const doc = this.document as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint?: (x: number, y: number) => Range | null;
    };
    let node: Node | undefined;
    let offset = 0;
    const position = doc.caretPositionFromPoint?.(x, y);
    if (position) {
      node = position.offsetNode;
      offset = position.offset;
    } else {
      const range = doc.caretRangeFromPoint?.(x, y);
      if (range) {
        node = range.startContainer;
        offset = range.startOffset;
      }
    }
    if (!node || node.nodeType !== Node.TEXT_NODE) return undefined;
    // The caret is the nearest position, even off the text: check the character next to it is under the point.
    const text = node as Text;
    for (const at of [offset, offset - 1]) {
      if (at < 0 || at >= text.length) continue;
      const probe = this.document.createRange();
      probe.setStart(text, at);
      probe.setEnd(text, at + 1);
      const inside = [...probe.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
      if (!inside) continue;
      for (let i = this.painted.length - 1; i >= 0; i--) {
        const p = this.painted[i];
        try {
          if (p.range.comparePoint(text, at) === 0 && p.range.comparePoint(text, at + 1) === 0) return p.id;
        } catch {
          // A range from another document (a frame): not under this point.
        }
      }
    }
    return undefined;
  }
}
