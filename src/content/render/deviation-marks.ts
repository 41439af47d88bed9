/**
 * Deviation marks in the page's text. With the CSS Custom Highlight API
 * (Chromium, Firefox ≥ 140) the page's DOM is not touched at all: ranges go
 * into `CSS.highlights` under `yuanwen-<kind>`, styled by `::highlight()`
 * rules in one stylesheet adopted by the document. Where the API is missing,
 * ranges inside a single text node are wrapped in `<mark data-yuanwen-mark>`
 * (text unchanged, so `innerText` is too), and unwrapped on the next render.
 */
import deviationMarksCss from './deviation-marks.css?inline';
import { MARKED_KINDS, type MarkedKind } from './plan';
import { adoptPageStylesheet } from './page-stylesheet';
import { markOwn } from './own-nodes';

export const HIGHLIGHT_PREFIX = 'yuanwen-';

export function highlightName(kind: MarkedKind): string {
  return HIGHLIGHT_PREFIX + kind;
}

interface HighlightApi {
  registry: HighlightRegistry;
  create(ranges: Range[]): Highlight;
}

function highlightApi(): HighlightApi | undefined {
  const registry = (globalThis.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights;
  if (!registry || typeof Highlight !== 'function') return undefined;
  return { registry, create: (ranges) => new Highlight(...ranges) };
}

export class DeviationMarks {
  private readonly api = highlightApi();
  private wrappers: HTMLElement[] = [];
  /** What we registered, to restore it if the page deletes or empties it (./ui-guard.ts). */
  private shown = new Map<string, { highlight: Highlight; ranges: Range[] }>();

  constructor(
    private readonly document: Document,
    private readonly styleParent: Element,
  ) {}

  get usesCustomHighlights(): boolean {
    return this.api !== undefined;
  }

  show(highlights: Map<MarkedKind, Range[]>): void {
    this.clear();
    if (highlights.size === 0) return;
    adoptPageStylesheet(this.document, deviationMarksCss, this.styleParent);
    for (const kind of MARKED_KINDS) {
      const ranges = highlights.get(kind);
      if (!ranges?.length) continue;
      if (this.api) {
        const highlight = this.api.create(ranges);
        this.api.registry.set(highlightName(kind), highlight);
        this.shown.set(highlightName(kind), { highlight, ranges });
      } else for (const range of ranges) this.wrap(range, kind);
    }
  }

  /** Registers our marks again where the page deleted, replaced or emptied them; how many it restored. */
  restore(): number {
    if (!this.api || this.shown.size === 0) return 0;
    let restored = adoptPageStylesheet(this.document, deviationMarksCss, this.styleParent) ? 1 : 0;
    for (const [name, entry] of this.shown) {
      if (this.api.registry.get(name) === entry.highlight && entry.highlight.size === entry.ranges.length) continue;
      entry.highlight = this.api.create(entry.ranges);
      this.api.registry.set(name, entry.highlight);
      restored++;
    }
    return restored;
  }

  clear(): void {
    if (this.api) for (const kind of MARKED_KINDS) this.api.registry.delete(highlightName(kind));
    this.shown.clear();
    for (const mark of this.wrappers) {
      if (!mark.isConnected) continue;
      mark.replaceWith(...mark.childNodes);
    }
    this.wrappers = [];
  }

  /** Fallback: wraps a range that lies inside one text node (the common case for word changes). */
  private wrap(range: Range, kind: MarkedKind): void {
    if (range.startContainer !== range.endContainer || range.startContainer.nodeType !== Node.TEXT_NODE) return;
    const mark = this.document.createElement('mark');
    mark.setAttribute('data-yuanwen-mark', kind);
    markOwn(mark);
    try {
      range.surroundContents(mark);
      this.wrappers.push(mark);
    } catch {
      // Not wrappable here; the card still lists it.
    }
  }
}
