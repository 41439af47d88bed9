/**
 * Stopping the extension's service worker as Chromium does after 30 s idle
 * (CDP ServiceWorker.stopWorker): the Chromium half of the driver's
 * `unloadBackground()` (driver.ts).
 */
import assert from 'node:assert/strict';
import type { BrowserContext } from 'playwright-core';
import { eventually } from './eventually';

/** Stops every running extension service worker of `context` and waits until each was seen stopped. */
export async function stopServiceWorker(context: BrowserContext): Promise<void> {
  // Any page of the context sees its service workers; a persistent context always has one.
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const status = new Map<string, string>();
  // Seen stopped at least once: a message already on its way (an import's next chunk) wakes the worker at once.
  const wasStopped = new Set<string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) {
      if (!v.scriptURL.startsWith('chrome-extension://')) continue;
      status.set(v.versionId, v.runningStatus);
      if (v.runningStatus === 'stopped') wasStopped.add(v.versionId);
    }
  });
  await cdp.send('ServiceWorker.enable');
  const running = await eventually(
    async () => [...status].filter(([, s]) => s === 'running').map(([id]) => id),
    (ids) => ids.length > 0,
  );
  assert.ok(running.length > 0, 'the service worker was running');
  wasStopped.clear();
  for (const versionId of running) await cdp.send('ServiceWorker.stopWorker', { versionId });
  const stopped = await eventually(
    async () => running.every((id) => wasStopped.has(id)),
    (done) => done,
  );
  assert.ok(stopped, 'the service worker stopped');
  await cdp.detach();
}
