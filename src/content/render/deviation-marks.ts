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
      if (this.api) this.api.registry.set(highlightName(kind), this.api.create(ranges));
      else for (const range of ranges) this.wrap(range, kind);
    }
  }

  clear(): void {
    if (this.api) for (const kind of MARKED_KINDS) this.api.registry.delete(highlightName(kind));
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
    try {
      range.surroundContents(mark);
      this.wrappers.push(mark);
    } catch {
      // Not wrappable here; the card still lists it.
    }
  }
}
