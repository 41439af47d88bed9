/**
 * An extension-origin frame on a web page (issue 14): the highlights'
 * toolbar and card (`?role=float`), the orphan dock (`?role=dock`) or the
 * reader's highlights drawn over the page's text (`?role=paint`). Page
 * script cannot read this document, and keystrokes typed here never reach
 * the page.
 *
 * It shows what the content script sends over the port of an authenticated
 * `yuanwen/frame-connect` (src/messages/frame.ts), and sends back what the
 * reader did. A click is acted on only when the browser can vouch that the
 * frame was visible, unobscured and untransformed when it happened
 * (IntersectionObserver v2 `trackVisibility`, where the browser has it):
 * a page that covers the frame with its own element, or makes it
 * transparent, to lure a click gets nothing.
 */
import { h, render } from 'preact';
import { t } from '../platform/browser';
import { sendMessage } from '../platform/messaging';
import { isFrameConnect, type FrameAction, type FrameRole, type FromFrame, type PaintView, type ToFrame } from '../messages/frame';
import { Dock, Float } from './HighlightsPanel';

const role = new URLSearchParams(location.search).get('role') as FrameRole | null;
const root = document.getElementById('root')!;
document.title = t('hlFrameTitle');
document.body.classList.add(`role-${role ?? 'none'}`);

let port: MessagePort | undefined;

function post(message: FromFrame): void {
  port?.postMessage(message);
}

// ---------------------------------------------------------------------------
// Visibility as the browser sees it (IntersectionObserver v2).

/** Undefined where the browser cannot tell (no trackVisibility): then every trusted click counts. */
let visible: boolean | undefined;
let visibleSince = 0;
/** A frame must have been seen whole for this long before a click on it counts. */
const SEEN_MS = 300;

function watchVisibility(): void {
  type V2Options = IntersectionObserverInit & { trackVisibility: boolean; delay: number };
  type V2Entry = IntersectionObserverEntry & { isVisible?: boolean };
  try {
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1] as V2Entry;
        if (entry.isVisible === undefined) return;
        if (entry.isVisible && !visible) visibleSince = performance.now();
        visible = entry.isVisible;
        document.body.dataset.visible = String(visible);
      },
      { threshold: [1], trackVisibility: true, delay: 100 } as V2Options,
    );
    observer.observe(root);
    if (!('trackVisibility' in observer)) observer.disconnect();
    else visible = false;
  } catch {
    visible = undefined; // an engine without v2 rejects the options
  }
}

function seenWhole(): boolean {
  return visible === undefined || (visible && performance.now() - visibleSince >= SEEN_MS);
}

/** Actions the hover and focus logic sends without a click: never refused. */
const PASSIVE: ReadonlySet<FrameAction['name']> = new Set(['keepCard', 'hideCardSoon', 'pinCard']);

function act(action: FrameAction): void {
  if (!PASSIVE.has(action.name) && !seenWhole()) {
    post({ kind: 'occluded' });
    return;
  }
  post({ kind: 'action', action });
}

// ---------------------------------------------------------------------------
// Drawing

function PaintLayer({ view }: { view: PaintView }) {
  return (
    <div class="paint" style={{ width: `${view.width}px`, height: `${view.height}px` }}>
      {view.marks.map((mark, i) => (
        <div key={`${mark.id}-${i}`} class={`mark ${mark.style}`} data-id={mark.id}>
          {mark.rects.map(([x, y, w, hgt], j) => (
            <div key={j} class="box" style={{ left: `${x}px`, top: `${y}px`, width: `${w}px`, height: `${hgt}px` }} />
          ))}
        </div>
      ))}
    </div>
  );
}

function show(message: ToFrame): void {
  if (message.kind !== role) return;
  if (message.kind === 'float') render(h(Float, { view: message.view, act }), root);
  else if (message.kind === 'dock') render(h(Dock, { view: message.view, act }), root);
  else render(h(PaintLayer, { view: message.view }), root);
}

function reportSize(): void {
  const box = document.body.getBoundingClientRect();
  post({ kind: 'size', width: Math.ceil(box.width), height: Math.ceil(document.body.scrollHeight) });
}

// ---------------------------------------------------------------------------
// The channel

/** The tab's key, registered by our content script before it made this frame. */
const tabKey: Promise<string | null> = (async () => {
  try {
    return (await sendMessage({ type: 'yuanwen/frame-key-get' })) ?? null;
  } catch {
    return null;
  }
})();

// Every offer is checked (a forged one first must not shut ours out); the first with the key wins.
window.addEventListener('message', (event: MessageEvent) => {
  if (port || event.source !== window.parent || !isFrameConnect(event.data) || event.ports.length !== 1) return;
  const offered = event.ports[0];
  const { key } = event.data;
  void tabKey.then((expected) => {
    if (port || expected === null || expected !== key) return;
    port = offered;
    port.onmessage = (e: MessageEvent) => show(e.data as ToFrame);
    port.start();
    if (role !== 'paint') new ResizeObserver(reportSize).observe(document.body);
  });
});

if (role === 'float' || role === 'dock') {
  watchVisibility();
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && e.isTrusted) post({ kind: 'action', action: { name: 'closeCard' } });
  });
}
