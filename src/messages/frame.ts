/**
 * The content script ↔ extension-origin frame channel (issue 14).
 *
 * Notes, tags and other pages' highlights are shown only inside frames of
 * the extension's own origin (src/highlight-frame), which page script cannot
 * read. The content script talks to such a frame over a `MessageChannel`
 * whose port it hands over in a `yuanwen/frame-connect` message. A page can
 * post the same message to the frame, so the frame accepts a port only with
 * the tab's frame key: a random value the content script registers with the
 * background (`yuanwen/frame-key-set`) and the frame fetches from it
 * (`yuanwen/frame-key-get`, answered for the sender's tab). The key never
 * enters the page's world: the connect message is delivered to the frame's
 * window only.
 */
import type { HighlightColor } from '../core/highlight/record';
import type { HighlightPatch } from '../core/highlight/record';
import type { PageHighlight } from './highlights';

/** Which part of the highlights UI a frame shows (its URL's `?role=`). */
export type FrameRole = 'float' | 'dock' | 'paint';

/** The toolbar for a selection, or a highlight's card: shown in the `float` frame. */
export type FloatView =
  { kind: 'toolbar'; overlaps: string[]; reattaching?: string } | { kind: 'card'; item: PageHighlight; pinned: boolean } | { kind: 'none' };

/** Orphans, notices and the re-attach prompt: the `dock` frame, fixed at the bottom left. */
export interface DockView {
  orphans: PageHighlight[];
  notice?: string;
  reattaching?: string;
  /** A deletion that can still be undone (the page may have lured the click). */
  undo?: { quote: string };
}

/** Rectangles to draw, in the paint frame's coordinates (the document's). */
export interface PaintView {
  width: number;
  height: number;
  marks: { id: string; style: string; rects: [x: number, y: number, w: number, h: number][] }[];
}

export type ToFrame = { kind: 'float'; view: FloatView } | { kind: 'dock'; view: DockView } | { kind: 'paint'; view: PaintView };

/** What the reader did in a frame; acted on by the content script. */
export type FrameAction =
  | { name: 'highlight'; color: HighlightColor; note: string }
  | { name: 'removeSelected' }
  | { name: 'reattachHere' }
  | { name: 'armReattach'; id: string }
  | { name: 'cancelReattach' }
  | { name: 'deleteHighlight'; id: string }
  | { name: 'undoDelete' }
  | { name: 'save'; id: string; patch: HighlightPatch }
  | { name: 'closeCard' }
  | { name: 'keepCard' }
  | { name: 'hideCardSoon' }
  | { name: 'pinCard' }
  | { name: 'openViewer'; documentId: string; clauseId: string }
  | { name: 'dismissNotice' };

export type FromFrame =
  | { kind: 'action'; action: FrameAction }
  /** The frame's content size, so the host element can fit it. */
  | { kind: 'size'; width: number; height: number }
  /**
   * The frame could not be sure the reader saw it when clicked (IntersectionObserver
   * v2 said it was covered, transformed or transparent): the action was refused.
   */
  | { kind: 'occluded' };

export const FRAME_CONNECT = 'yuanwen/frame-connect';

export interface FrameConnect {
  type: typeof FRAME_CONNECT;
  key: string;
}

export function isFrameConnect(value: unknown): value is FrameConnect {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.type === FRAME_CONNECT && typeof v.key === 'string' && FRAME_KEY.test(v.key);
}

/** A frame key: 32 hex digits from `crypto.getRandomValues`. */
export const FRAME_KEY = /^[0-9a-f]{32}$/;

export function newFrameKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface FrameKeySetRequest {
  type: 'yuanwen/frame-key-set';
  key: string;
}
export interface FrameKeyGetRequest {
  type: 'yuanwen/frame-key-get';
}
export type FrameKeyMessage = FrameKeySetRequest | FrameKeyGetRequest;

export function parseFrameKeyMessage(message: Record<string, unknown>): FrameKeyMessage | undefined {
  const keys = Object.keys(message);
  if (message.type === 'yuanwen/frame-key-get') return keys.length === 1 ? { type: 'yuanwen/frame-key-get' } : undefined;
  if (message.type === 'yuanwen/frame-key-set') {
    if (keys.length !== 2 || typeof message.key !== 'string' || !FRAME_KEY.test(message.key)) return undefined;
    return { type: 'yuanwen/frame-key-set', key: message.key };
  }
  return undefined;
}
