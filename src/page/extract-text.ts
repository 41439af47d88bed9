/**
 * Page text as a reader sees it, with a map back to the DOM. Shared by the
 * content script (live DOM) and the CLI (linkedom), so it uses only DOM Core
 * (node types, tag names, attributes) and takes anything layout-dependent,
 * such as "is this element hidden", as an injected predicate.
 *
 * What counts as text:
 * - skipped: script, style, noscript, template, head, navigation, form
 *   fields and buttons, contenteditable regions, embedded graphics,
 *   `aria-hidden="true"` subtrees and whatever the hidden predicate rejects
 *   (our UI host has no light-DOM content: its shadow root is not walked; no
 *   attribute a page can set makes its text unread);
 * - `<br>` and block boundaries become one `\n` (never leading, never
 *   doubled, never trailing);
 * - inline elements (`<strong>（一）</strong>稳妥…`) do not split the text;
 * - runs of HTML whitespace collapse to one space as a browser renders them,
 *   except in `<pre>`; other spaces (U+3000 indents) are kept: they are text;
 * - same-origin iframes are read when `readFrames` is set (live DOM only);
 * - deeper than LAYOUT_DEPTH levels, or inside a subtree the layout does not
 *   render, hidden means hidden by markup (`hiddenByMarkup`).
 */
import { TextMap, type TextPosition, type TextSegment } from './text-map';

export { TextMap, type TextPosition, type TextSegment } from './text-map';

export interface ExtractedText {
  text: string;
  map: TextMap;
}

export interface ExtractOptions {
  /**
   * Whether an element is hidden from readers. The default looks at markup
   * only (`hiddenByMarkup`); the content script passes one that asks layout.
   * `'unrendered'`: shown, but the layout does not render its subtree
   * (`content-visibility:hidden`, `hidden=until-found`), so layout cannot say
   * more below it: its descendants are judged by their markup, at no style
   * computation each (issue 14: a deep hidden subtree cost one per element).
   */
  isHidden?: (element: Element) => boolean | 'unrendered';
  /** Read same-origin iframes. Default false (the CLI has no frames). */
  readFrames?: boolean;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

/** Elements whose content is never page text. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'base',
  // Site navigation repeats on every page and never carries a reprint.
  'nav',
  // Form fields hold user input or UI labels, not the article.
  'input',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
  'button',
  'output',
  // Embedded and graphical content.
  'svg',
  'math',
  'canvas',
  'object',
  'embed',
  'audio',
  'video',
  'img',
  'picture',
  'map',
  'area',
]);

/** Elements that start and end a line (the HTML user-agent stylesheet's blocks, plus table cells). */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'frameset',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'ol',
  'p',
  'plaintext',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'xmp',
  'iframe',
  'frame',
]);

/** Elements whose whitespace is rendered as written. */
const PREFORMATTED = new Set(['pre', 'listing', 'xmp', 'plaintext']);

/** HTML's collapsible whitespace (not U+3000 and not NBSP: those are text). */
const HTML_WHITESPACE = /[ \t\n\r\f]+/g;

const EDITABLE = new Set(['', 'true', 'plaintext-only']);

/** Hidden by attributes alone: `hidden`, inline `display:none` / `visibility:hidden`. */
export function hiddenByMarkup(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  if (style === null) return false;
  return /(?:^|;)\s*display\s*:\s*none\b/i.test(style) || /(?:^|;)\s*visibility\s*:\s*(?:hidden|collapse)\b/i.test(style);
}

/** Skipped whatever the layout says: not text, not the page's, or meant to be unseen. */
function excludedByNature(element: Element, tag: string): boolean {
  if (SKIPPED.has(tag)) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  if (element.getAttribute('role') === 'navigation') return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && EDITABLE.has(editable.toLowerCase());
}

/** Builds the text and its segments; knows nothing about which elements to read. */
class TextBuilder {
  private chunks: string[] = [];
  private length = 0;
  readonly segments: TextSegment[] = [];
  private pendingBreak = false;
  private pendingSpace: TextPosition | undefined;

  /** A line break before the next text (block boundary or `<br>`). */
  lineBreak(): void {
    this.pendingBreak = true;
    this.pendingSpace = undefined;
  }

  /** Collapsible whitespace at `position`: one space before the next text on the same line. */
  space(position: TextPosition): void {
    if (!this.pendingBreak && this.pendingSpace === undefined) this.pendingSpace = position;
  }

  /** Characters copied from `node.data[nodeOffset…]`. */
  copy(node: Text, nodeOffset: number, length: number): void {
    if (length === 0) return;
    this.flushPending();
    this.push(node.data.slice(nodeOffset, nodeOffset + length), node, nodeOffset);
  }

  private flushPending(): void {
    if (this.length > 0) {
      if (this.pendingBreak) {
        // Synthetic: no Text node holds it, so it gets no segment.
        this.chunks.push('\n');
        this.length += 1;
      } else if (this.pendingSpace) {
        this.push(' ', this.pendingSpace.node, this.pendingSpace.offset);
      }
    }
    this.pendingBreak = false;
    this.pendingSpace = undefined;
  }

  private push(text: string, node: Text, nodeOffset: number): void {
    const last = this.segments[this.segments.length - 1];
    // Merge with the previous segment when the copy continues it, keeping the map small.
    if (last && last.node === node && last.start + last.length === this.length && last.nodeOffset + last.length === nodeOffset) {
      last.length += text.length;
    } else {
      this.segments.push({ start: this.length, node, nodeOffset, length: text.length });
    }
    this.chunks.push(text);
    this.length += text.length;
  }

  finish(): ExtractedText {
    const text = this.chunks.join('');
    return { text, map: new TextMap(this.segments, text.length) };
  }
}

/** An element whose children are being read. */
interface Frame {
  /** The next child to read, null when done. */
  next: Node | null;
  preformatted: boolean;
  /** A block: a line break after its last child. */
  block: boolean;
  /** Inside a subtree layout does not render: children are judged by markup alone. */
  markupOnly?: boolean;
}

/**
 * Below this many levels of nesting an element is judged hidden or not by its
 * markup alone (as the CLI does everywhere). Article text is a few dozen
 * levels deep; a page nesting thousands (issue 14) would otherwise make each
 * layout question cost time in proportion to its depth.
 */
export const LAYOUT_DEPTH = 256;

/**
 * The walk over the DOM, with an explicit stack so that it can stop between
 * any two nodes and carry on later (`extractTextInSlices`): the order and
 * the text are those of a plain recursive walk.
 */
class TextWalker {
  private readonly out = new TextBuilder();
  private readonly stack: Frame[] = [];
  private readonly isHidden: (element: Element) => boolean | 'unrendered';
  private readonly readFrames: boolean;

  constructor(root: Node, options: ExtractOptions) {
    this.isHidden = options.isHidden ?? hiddenByMarkup;
    this.readFrames = options.readFrames ?? false;
    if (root.nodeType === DOCUMENT_NODE) {
      const document = root as Document;
      const start = document.body ?? document.documentElement;
      if (start) this.enterElement(start, false);
    } else if (root.nodeType === ELEMENT_NODE) {
      this.enterElement(root as Element, false);
    } else if (root.nodeType === DOCUMENT_FRAGMENT_NODE) {
      this.stack.push({ next: root.firstChild, preformatted: false, block: false });
    } else if (root.nodeType === TEXT_NODE) {
      this.readText(root as Text, false);
    }
  }

  /**
   * Reads nodes until the walk is done (true) or `pause()` says to stop
   * (false; call again to go on). `pause` is asked every `every` nodes.
   */
  run(pause?: () => boolean, every = 64): boolean {
    const stack = this.stack;
    let countdown = every;
    while (stack.length > 0) {
      if (pause && --countdown <= 0) {
        if (pause()) return false;
        countdown = every;
      }
      const frame = stack[stack.length - 1];
      const child = frame.next;
      if (child === null) {
        stack.pop();
        if (frame.block) this.out.lineBreak();
        continue;
      }
      frame.next = child.nextSibling;
      const type = child.nodeType;
      if (type === TEXT_NODE || type === CDATA_SECTION_NODE) this.readText(child as Text, frame.preformatted);
      else if (type === ELEMENT_NODE) this.enterElement(child as Element, frame.preformatted, frame.markupOnly === true);
    }
    return true;
  }

  finish(): ExtractedText {
    return this.out.finish();
  }

  private readText(node: Text, preformatted: boolean): void {
    const out = this.out;
    const data = node.data;
    if (preformatted) {
      out.copy(node, 0, data.length);
      return;
    }
    let at = 0;
    HTML_WHITESPACE.lastIndex = 0;
    for (let match = HTML_WHITESPACE.exec(data); match; match = HTML_WHITESPACE.exec(data)) {
      out.copy(node, at, match.index - at);
      out.space({ node, offset: match.index });
      at = match.index + match[0].length;
    }
    out.copy(node, at, data.length - at);
  }

  /** Starts reading an element: its children are read by `run`, then its closing break. */
  private enterElement(element: Element, preformatted: boolean, markupOnly = false): void {
    const tag = element.localName;
    if (excludedByNature(element, tag)) return;
    // Deeper than LAYOUT_DEPTH, layout is not asked: each question there costs time in proportion to the depth.
    const byMarkup = markupOnly || this.stack.length >= LAYOUT_DEPTH;
    const hidden = byMarkup ? hiddenByMarkup(element) : this.isHidden(element);
    if (hidden === true) return;
    if (tag === 'br') {
      this.out.lineBreak();
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) this.out.lineBreak();
    let first: Node | null = null;
    let pre = preformatted || PREFORMATTED.has(tag);
    if (tag === 'iframe' || tag === 'frame') {
      pre = false;
      if (this.readFrames) first = frameBody(element)?.firstChild ?? null;
    } else {
      first = element.firstChild;
    }
    this.stack.push({ next: first, preformatted: pre, block, markupOnly: markupOnly || hidden === 'unrendered' });
  }
}

/** A same-origin frame's body (or root element); null for cross-origin frames and frames not loaded. */
function frameBody(frame: Element): Element | null {
  let frameDocument: Document | null = null;
  try {
    // Null (or a SecurityError in some engines) for cross-origin frames: those stay unread.
    frameDocument = (frame as HTMLIFrameElement).contentDocument;
  } catch {
    frameDocument = null;
  }
  return frameDocument ? (frameDocument.body ?? frameDocument.documentElement) : null;
}

/** Reads `root` (a Document, an Element, a fragment or a Text) as described in this module's comment, in one go. */
export function extractText(root: Node, options: ExtractOptions = {}): ExtractedText {
  const walker = new TextWalker(root, options);
  walker.run();
  return walker.finish();
}

export interface SliceOptions extends ExtractOptions {
  /** Asked every few nodes: true when the current slice has run long enough (elapsed time, not a node count). */
  shouldYield: () => boolean;
  /** Gives the main thread back to the page; resolves when the walk may go on. */
  yieldToPage: () => Promise<void>;
  /** Asked after each yield: true abandons the walk (a newer analysis started). */
  cancelled?: () => boolean;
}

/**
 * The same text and map as `extractText`, read in slices with the main
 * thread given back to the page in between (whenever `shouldYield` says so),
 * so that a very long page never blocks it for long. Undefined when
 * cancelled. The DOM may change between slices; the page-change observer
 * then asks for a new analysis, and ranges built from a stale map fail
 * safely.
 */
export async function extractTextInSlices(root: Node, options: SliceOptions): Promise<ExtractedText | undefined> {
  const walker = new TextWalker(root, options);
  // `shouldYield` reads the clock (tens of nanoseconds): asked every few nodes, a slice ends on time even where one node is slow.
  while (!walker.run(options.shouldYield, 4)) {
    await options.yieldToPage();
    if (options.cancelled?.()) return undefined;
  }
  return walker.finish();
}
