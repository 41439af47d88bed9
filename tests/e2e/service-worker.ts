/**
 * Stopping the extension's service worker as the browser does after 30 s
 * idle (CDP ServiceWorker.stopWorker), for tests of what survives it.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';
import { eventually } from './eventually';

/** Stops every running extension service worker (seen from `page`'s CDP session) and waits until it is stopped. */
export async function stopServiceWorker(browser: ExtensionBrowser, page: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(page);
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
