/**
 * Highlights are stored, not kept in memory: one made before the browser
 * quits is there after it starts again on the same profile, re-anchored on
 * the page with its note. In each browser E2E_BROWSERS lists (driver.ts);
 * Firefox installs its temporary add-on again on the kept profile
 * (firefox-browser.ts keeps the add-on's storage and address).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Highlight } from '../../src/core/highlight/record';
import type { PageHighlight } from '../../src/messages/analysis';
import { E2E_BROWSERS, launchExtensionBrowser } from './browsers';
import type { ExtensionBrowser } from './driver';
import { FIXTURE_PAGES } from './extension-browser';
import { startStaticServer, type StaticServer } from './static-server';
import { selectQuote } from './select-quote';
import { eventually } from './eventually';

const QUOTE = '推动城市治理智慧化精细化';
const NOTE = '重启之后还在';

let server: StaticServer;
before(async () => {
  server = await startStaticServer(FIXTURE_PAGES);
});
after(async () => {
  await server?.close();
});

for (const name of E2E_BROWSERS) {
  describe(name, () => {
    let profileDir = '';
    let browser: ExtensionBrowser | undefined;
    before(async () => {
      profileDir = await mkdtemp(join(tmpdir(), `yuanwen-restart-${name}-`));
    });
    after(async () => {
      await browser?.close();
      await rm(profileDir, { recursive: true, force: true });
    });

    it('keeps a highlight and its note across a browser restart, re-anchored on the page', async () => {
      const url = server.url('xinhua-opinion.html');
      browser = await launchExtensionBrowser(name, { profileDir });
      const page = await browser.newPage();
      await page.goto(url);
      await browser.requestReport(page);
      await selectQuote(page, QUOTE);
      await page.keyboard.press('Shift'); // the reader's selecting key: the command takes only the reader's selection
      const record = (await browser.requestReport(page, {
        type: 'yuanwen/highlight-selection',
        color: 'pink',
        note: NOTE,
      })) as unknown as Highlight;
      assert.equal(record.selectors.quote.exact, QUOTE);
      await browser.close();

      browser = await launchExtensionBrowser(name, { profileDir });
      const again = await browser.newPage();
      await again.goto(url);
      const items = await eventually(
        async () => {
          await browser!.requestReport(again);
          return (await browser!.requestReport(again, { type: 'yuanwen/highlights' })) as unknown as PageHighlight[];
        },
        (list) => list.some((i) => i.highlight.id === record.id),
      );
      const item = items.find((i) => i.highlight.id === record.id);
      assert.equal(item?.status, 'anchored');
      assert.equal(item?.highlight.note, NOTE);
      assert.equal(item?.highlight.selectors.quote.exact, QUOTE);
      await again.close();
    });
  });
}
