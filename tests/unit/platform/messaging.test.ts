/**
 * The one send helper (src/platform/messaging.ts): a message without a
 * target goes to the background, one with a tab goes to that tab's content
 * script (one frame when asked), and the reply comes back as the receiver
 * sent it, typed by the reply map.
 */
import { beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { Report } from '../../../src/core/check/report';
import type { Highlight } from '../../../src/core/highlight/record';
import type { HighlightResult } from '../../../src/messages/highlights';

const runtimeSend = vi.fn();
const tabsSend = vi.fn();
vi.mock('../../../src/platform/browser', () => ({
  browser: { runtime: { sendMessage: runtimeSend }, tabs: { sendMessage: tabsSend } },
}));

const { sendMessage } = await import('../../../src/platform/messaging');

beforeEach(() => {
  runtimeSend.mockReset();
  tabsSend.mockReset();
});

describe('sendMessage', () => {
  it('sends to the background when no tab is given, and returns its answer', async () => {
    runtimeSend.mockResolvedValue({ ok: true, value: [] });
    const reply = await sendMessage({ type: 'yuanwen/highlights-list' });
    expect(runtimeSend).toHaveBeenCalledWith({ type: 'yuanwen/highlights-list' });
    expect(tabsSend).not.toHaveBeenCalled();
    expect(reply).toEqual({ ok: true, value: [] });
    expectTypeOf(reply).toEqualTypeOf<HighlightResult<Highlight[]> | undefined>();
  });

  it('sends to every frame of a tab, or to one frame when asked', async () => {
    tabsSend.mockResolvedValue(true);
    const found = await sendMessage({ type: 'yuanwen/scroll-to', pageStart: 3, pageEnd: 5 }, { tabId: 7 });
    expect(tabsSend).toHaveBeenLastCalledWith(7, { type: 'yuanwen/scroll-to', pageStart: 3, pageEnd: 5 });
    expectTypeOf(found).toEqualTypeOf<boolean | undefined>();
    await sendMessage({ type: 'yuanwen/highlight-selection' }, { tabId: 7, frameId: 0 });
    expect(tabsSend).toHaveBeenLastCalledWith(7, { type: 'yuanwen/highlight-selection' }, { frameId: 0 });
    expect(runtimeSend).not.toHaveBeenCalled();
  });

  it('types one message by its receiver: a tab answers a delete with a boolean, the background with a result', () => {
    runtimeSend.mockResolvedValue(undefined);
    tabsSend.mockResolvedValue(undefined);
    expectTypeOf(sendMessage({ type: 'yuanwen/highlight-delete', id: 'x' }, { tabId: 1 })).resolves.toEqualTypeOf<boolean | undefined>();
    expectTypeOf(sendMessage({ type: 'yuanwen/highlight-delete', id: 'x' })).resolves.toEqualTypeOf<HighlightResult<boolean> | undefined>();
    expectTypeOf(sendMessage({ type: 'yuanwen/report' }, { tabId: 1 })).resolves.toEqualTypeOf<Report | undefined>();
  });

  it('passes a rejection through (no receiver in that tab)', async () => {
    tabsSend.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(sendMessage({ type: 'yuanwen/report' }, { tabId: 9 })).rejects.toThrow('Receiving end does not exist');
  });
});
