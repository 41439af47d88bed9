/**
 * Our extension-origin frames on the page (issue 14), inside the UI's shadow
 * root: `float` (the toolbar or a card, placed by the selection or the
 * highlight), `dock` (orphans, notices, undo; fixed at the bottom left) and
 * `paint` (the reader's highlights drawn over the text; the pointer passes
 * through it). What they show — notes, tags, other pages' highlights — goes
 * over a private `MessageChannel` (src/messages/frame.ts) and never into the
 * page's document, and the note the reader types there never reaches the
 * page's listeners.
 */
import { browser } from '../../platform/browser';
import { sendMessage } from '../../platform/messaging';
import {
  FRAME_CONNECT,
  newFrameKey,
  type FrameAction,
  type FrameConnect,
  type FrameRole,
  type FromFrame,
  type ToFrame,
} from '../../messages/frame';
import type { OverlayHost } from '../render/overlay-host';

const FRAME_PAGE = 'src/highlight-frame/index.html';
/** The frame's body padding (room for the shadow): the frame sits this much up and left of its content. */
export const FRAME_INSET = 6;

const CSS = `
iframe { all: initial; display: block; position: absolute; border: 0; margin: 0; padding: 0; background: transparent; color-scheme: light; }
iframe[hidden] { display: none; }
iframe.dock { position: fixed; left: 10px; bottom: 10px; width: 392px; height: 0; }
iframe.paint { left: 0; top: 0; pointer-events: none; }
`;

interface Frame {
  element: HTMLIFrameElement;
  /** Put on the page (after the key is registered); a frame put there and since removed is made again. */
  placed: boolean;
  port?: MessagePort;
  /** The latest message for this frame: sent once it is connected. */
  latest?: ToFrame;
}

/** Where the `float` frame goes, in the UI host's coordinates. */
export interface FloatPlace {
  left: number;
  top: number;
  width: number;
}

export class HighlightFrames {
  private readonly frames = new Map<FrameRole, Frame>();
  private container: HTMLElement | undefined;
  private keyRegistered: Promise<string | undefined> | undefined;

  constructor(
    private readonly overlay: OverlayHost,
    private readonly onAction: (action: FrameAction) => void,
    private readonly onOccluded: () => void,
  ) {}

  /** Whether `node` is one of our frames (events from them reach the page document only as focus changes). */
  contains(node: Node): boolean {
    return [...this.frames.values()].some((f) => f.element === node);
  }

  send(message: ToFrame, place?: FloatPlace): void {
    // A frame is made the first time it has something to show.
    if (isEmpty(message) && !this.live(this.frames.get(message.kind))) return;
    const frame = this.frame(message.kind);
    frame.latest = message;
    const hide = isEmpty(message);
    frame.element.hidden = hide;
    if (place) {
      frame.element.style.left = `${place.left - FRAME_INSET}px`;
      frame.element.style.top = `${place.top - FRAME_INSET}px`;
      frame.element.style.width = `${place.width + 2 * FRAME_INSET}px`;
    }
    if (message.kind === 'paint') {
      frame.element.style.width = `${message.view.width}px`;
      frame.element.style.height = `${message.view.height}px`;
    }
    if (!hide) this.overlay.attach();
    frame.port?.postMessage(message);
  }

  /** Takes every frame off the page (Yuanwen turned off here). */
  clear(): void {
    for (const frame of this.frames.values()) {
      frame.port?.close();
      frame.element.remove();
    }
    this.frames.clear();
  }

  private frame(role: FrameRole): Frame {
    const existing = this.frames.get(role);
    if (this.live(existing)) return existing!;
    if (existing) {
      existing.port?.close();
      this.frames.delete(role);
    }
    this.container ??= this.overlay.panel(CSS);
    const element = document.createElement('iframe');
    element.className = role;
    element.hidden = true;
    element.setAttribute('tabindex', role === 'paint' ? '-1' : '0');
    if (role === 'paint') element.setAttribute('aria-hidden', 'true');
    const frame: Frame = { element, placed: false };
    element.addEventListener('load', () => void this.connect(role, frame));
    this.frames.set(role, frame);
    void this.registerKey().then(() => {
      element.src = browser.runtime.getURL(`${FRAME_PAGE}?role=${role}`);
      this.container!.append(element);
      frame.placed = true;
    });
    return frame;
  }

  private live(frame: Frame | undefined): boolean {
    return frame !== undefined && (!frame.placed || frame.element.isConnected);
  }

  /** The tab's frame key, registered with the background once per page. */
  private registerKey(): Promise<string | undefined> {
    this.keyRegistered ??= (async () => {
      const key = newFrameKey();
      const stored = await sendMessage({ type: 'yuanwen/frame-key-set', key });
      return stored === key ? key : undefined;
    })().catch(() => undefined);
    return this.keyRegistered;
  }

  /** On every load of the frame: a new channel (a reloaded frame has lost the old one). */
  private async connect(role: FrameRole, frame: Frame): Promise<void> {
    const key = await this.registerKey();
    const target = frame.element.contentWindow;
    if (!key || !target || this.frames.get(role) !== frame) return;
    frame.port?.close();
    const channel = new MessageChannel();
    frame.port = channel.port1;
    channel.port1.onmessage = (event: MessageEvent) => this.fromFrame(frame, event.data as FromFrame);
    const connect: FrameConnect = { type: FRAME_CONNECT, key };
    // Delivered only if the frame still holds our own page: a page that navigated it elsewhere gets nothing.
    target.postMessage(connect, frameOrigin(), [channel.port2]);
    if (frame.latest) channel.port1.postMessage(frame.latest);
  }

  private fromFrame(frame: Frame, message: FromFrame): void {
    if (!message || typeof message !== 'object') return;
    if (message.kind === 'size') {
      if (frame.element.className !== 'paint') frame.element.style.height = `${Math.max(0, message.height)}px`;
    } else if (message.kind === 'occluded') {
      this.onOccluded();
    } else if (message.kind === 'action') {
      this.onAction(message.action);
    }
  }
}

/**
 * The origin of our frame's document. Chromium loads a `use_dynamic_url`
 * resource from the dynamic URL but gives the document the extension's own
 * origin (its id); Firefox's moz-extension origin is already per install.
 */
function frameOrigin(): string {
  const url = new URL(browser.runtime.getURL(FRAME_PAGE));
  return url.protocol === 'chrome-extension:' ? `chrome-extension://${browser.runtime.id}` : url.origin;
}

function isEmpty(message: ToFrame): boolean {
  if (message.kind === 'float') return message.view.kind === 'none';
  if (message.kind === 'paint') return message.view.marks.length === 0;
  const v = message.view;
  return v.orphans.length === 0 && !v.notice && v.reattaching === undefined && !v.undo;
}
