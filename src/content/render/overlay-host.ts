/**
 * The one element Yuanwen adds to a page: `<yuanwen-ui>`, a child of the
 * root element (outside `<body>`, so the body's text and layout are
 * untouched), holding a shadow root (closed in production builds) with all of
 * our UI. Badges are positioned over the page in document coordinates and
 * re-placed when the layout changes (resize, images loading, fonts).
 */
import { h, render } from 'preact';
import { TEST_BUILD } from '../../platform/build-flags';
import overlayCss from './overlay.css?inline';
import { Overlay, type Layout, type Point } from './Overlay';
import { EMPTY_PLAN, type RenderPlan } from './plan';
import { markOwn } from './own-nodes';

export const HOST_TAG = 'yuanwen-ui';

function place(range: Range, origin: DOMRect): Point | undefined {
  const rect = range.collapsed ? range.getBoundingClientRect() : (range.getClientRects()[0] ?? range.getBoundingClientRect());
  if (rect.height === 0 && rect.width === 0) return undefined;
  return { x: rect.left - origin.left, y: rect.top - origin.top, h: rect.height };
}

export class OverlayHost {
  /** The host element, created on first render. */
  private host: HTMLElement | undefined;
  private shadow: ShadowRoot | undefined;
  private container: HTMLElement | undefined;
  /** Other parts of the page UI in the same shadow root (the highlights' toolbar, cards and orphan list). */
  private readonly panels: HTMLElement[] = [];
  private plan: RenderPlan = EMPTY_PLAN;
  private frame = 0;
  private resizeObserver: ResizeObserver | undefined;
  private windowWatched = false;

  constructor(
    private readonly document: Document,
    private readonly openViewer: (documentId: string, clauseId: string) => void,
  ) {}

  /** The element in the page's light DOM that holds our shadow root (for styles that must live in the document). */
  get element(): HTMLElement {
    return this.ensureHost();
  }

  private ensureHost(): HTMLElement {
    if (this.host?.isConnected) return this.host;
    if (!this.host) {
      const host = this.document.createElement(HOST_TAG);
      markOwn(host);
      const shadow = host.attachShadow({ mode: TEST_BUILD ? 'open' : 'closed' });
      const style = this.document.createElement('style');
      style.textContent = overlayCss;
      const container = this.document.createElement('div');
      shadow.append(style, container);
      this.host = host;
      this.shadow = shadow;
      this.container = container;
    }
    // Re-attached if the page removed it (some pages rebuild the root element's children).
    this.document.documentElement.append(this.host);
    return this.host;
  }

  show(plan: RenderPlan): void {
    this.plan = plan;
    if (plan.clauses.length === 0 && plan.omissions.length === 0 && plan.summaries.length === 0) {
      this.clear();
      return;
    }
    this.ensureHost();
    this.draw();
    this.watchLayout();
  }

  clear(): void {
    this.plan = EMPTY_PLAN;
    cancelAnimationFrame(this.frame);
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    if (this.container) render(null, this.container);
    // The host stays while another panel shows something.
    if (!this.panels.some((p) => p.hasChildNodes())) this.host?.remove();
  }

  /**
   * A container of its own in our shadow root, styled by `css`, for another
   * part of the page UI (src/content/highlights). Call `attach()` when it
   * shows something: the report's rendering may have taken the host off the page.
   */
  panel(css: string): HTMLElement {
    this.ensureHost();
    const style = this.document.createElement('style');
    style.textContent = css;
    const container = this.document.createElement('div');
    this.shadow!.append(style, container);
    this.panels.push(container);
    return container;
  }

  /** Puts the host on the page (again) if it is not there. */
  attach(): void {
    this.ensureHost();
  }

  /**
   * Puts the host back if the page removed or moved it while it shows
   * something (./ui-guard.ts); true if it did.
   */
  restoreHost(): boolean {
    if (!this.host || this.host.parentNode === this.document.documentElement) return false;
    const showing = this.plan !== EMPTY_PLAN || this.panels.some((p) => p.hasChildNodes());
    if (!showing) return false;
    this.document.documentElement.append(this.host);
    this.draw();
    return true;
  }

  /** Whether a node is our host or inside our shadow root. */
  contains(node: Node): boolean {
    if (!this.host) return false;
    return node === this.host || this.host.contains(node) || (this.shadow?.contains(node) ?? false);
  }

  private layout(): Layout {
    const origin = this.host!.getBoundingClientRect();
    const badges = new Map<string, Point>();
    const carets = new Map<string, Point>();
    for (const mark of this.plan.clauses) {
      const at = place(mark.anchor, origin);
      if (at) badges.set(mark.key, at);
    }
    for (const mark of this.plan.omissions) {
      const at = place(mark.anchor, origin);
      if (at) carets.set(mark.key, at);
    }
    return { badges, carets, viewportLeft: -origin.left, viewportWidth: this.document.documentElement.clientWidth };
  }

  private draw(): void {
    if (!this.container) return;
    render(h(Overlay, { plan: this.plan, layout: this.layout(), openViewer: this.openViewer }), this.container);
  }

  /** Re-places the badges at most once a frame while the page's layout changes. */
  private watchLayout(): void {
    if (this.resizeObserver) return;
    const view = this.document.defaultView;
    const redraw = () => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.draw());
    };
    // Observing the body catches images loading and text reflowing (web fonts arriving) as well as window resizes.
    this.resizeObserver = new ResizeObserver(redraw);
    if (this.document.body) this.resizeObserver.observe(this.document.body);
    if (this.windowWatched) return;
    this.windowWatched = true;
    view?.addEventListener('resize', () => this.resizeObserver && redraw(), { passive: true });
  }
}
