/**
 * The one way to send a message: to the background (no `to`) or to a tab's
 * content script (`to: {tabId, frameId?}`). The reply is typed by the
 * request → reply map of src/messages/replies.ts, so no call site casts it;
 * it is `undefined` when nobody answered (a refused sender, an older
 * receiver). Rejections (no receiver at all, a receiver that threw) pass
 * through unchanged.
 */
import { browser } from './browser';
import type { HighlightResult } from '../messages/highlights';
import type { BackgroundReply, BackgroundRequest, TabReply, TabRequest } from '../messages/replies';

export interface TabTarget {
  tabId: number;
  /** Only this frame (0: the top frame); every frame by default. */
  frameId?: number;
}

export function sendMessage<M extends BackgroundRequest>(message: M): Promise<BackgroundReply<M> | undefined>;
export function sendMessage<M extends TabRequest>(message: M, to: TabTarget): Promise<TabReply<M> | undefined>;
export async function sendMessage(message: BackgroundRequest | TabRequest, to?: TabTarget): Promise<unknown> {
  if (to === undefined) return browser.runtime.sendMessage(message);
  return to.frameId === undefined
    ? browser.tabs.sendMessage(to.tabId, message)
    : browser.tabs.sendMessage(to.tabId, message, { frameId: to.frameId });
}

/**
 * The value of the background's answer to a highlight message
 * (`resultValue(sendMessage(…))`); a stored-data failure is thrown as an
 * Error with the message a reader can be shown, and no answer at all as one
 * that says so.
 */
export async function resultValue<T>(answer: Promise<HighlightResult<T> | undefined>): Promise<T> {
  const result = await answer;
  if (!result || typeof result !== 'object') throw new Error('the background did not answer');
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
