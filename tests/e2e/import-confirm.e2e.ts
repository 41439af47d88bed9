/**
 * Replacing the highlights with a file that lacks some of them asks first
 * (issue 14), on the options page, in the reader's language: the question
 * says how many would be deleted; *Cancel* leaves everything as it was and
 * says so, *OK* replaces. The driver answers `window.confirm` (Chromium:
 * Playwright's dialog event; Firefox: puppeteer's, a BiDi user prompt).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { E2E_BROWSERS, launchExtensionBrowser } from './browsers';
import type { ExtensionBrowser, TestDialog } from './driver';
import { backupJson } from '../../src/core/highlight/annotation-export';
import { generateHighlights } from './extension-pages-data';
import { storedHighlightCount } from './stored-highlights';

for (const name of E2E_BROWSERS)
  describe(`replace-mode import on the options page (${name})`, () => {
    let browser: ExtensionBrowser;
    const highlights = generateHighlights(3, 14);

    before(async () => {
      browser = await launchExtensionBrowser(name);
    });

    after(async () => {
      await browser?.close();
    });

    const stored = () => storedHighlightCount(browser);

    /** Imports `text` from the options page (replacing when asked) and gives the result line once it is shown. */
    async function importOnOptions(text: string, replace: boolean, onDialog?: (dialog: TestDialog) => Promise<void>): Promise<string> {
      const options = await browser.openExtensionPage('src/options/index.html');
      try {
        await options.locator('#import-file').waitFor();
        if (onDialog) options.once('dialog', (dialog) => void onDialog(dialog));
        if (replace) await options.getByLabel(await browser.message('optionsImportReplace')).check();
        await options
          .locator('#import-file')
          .setInputFiles({ name: 'highlights.json', mimeType: 'application/json', buffer: Buffer.from(text) });
        await options.locator('#transfer-result.ok, #transfer-result.failed').waitFor({ timeout: 20_000 });
        return await options.locator('#transfer-result').innerText();
      } finally {
        await options.close();
      }
    }

    it('asks how many it would delete; Cancel changes nothing and says so; OK replaces', async () => {
      assert.equal(await importOnOptions(backupJson(highlights), false), await browser.message('optionsImported', '3'));
      assert.equal(await stored(), 3);

      const question = await browser.message('optionsReplaceDeletes', '2');
      let asked: string | undefined;
      const cancelled = await importOnOptions(backupJson(highlights.slice(0, 1)), true, async (dialog) => {
        asked = `${dialog.type()}: ${dialog.message()}`;
        await dialog.dismiss();
      });
      assert.equal(asked, `confirm: ${question}`);
      assert.equal(cancelled, await browser.message('optionsImportCancelled'));
      assert.equal(await stored(), 3, 'nothing was deleted');

      const replaced = await importOnOptions(backupJson(highlights.slice(0, 1)), true, (dialog) => dialog.accept());
      assert.equal(replaced, await browser.message('optionsImported', '1'));
      assert.equal(await stored(), 1);
    });

    it('says "1 highlight" for one, and asks nothing when the file holds every stored highlight', async () => {
      let asked: string | undefined;
      // The store holds highlights[0]; a file with it and another deletes nothing: no question.
      const grown = await importOnOptions(backupJson(highlights.slice(0, 2)), true, async (dialog) => {
        asked = dialog.message();
        await dialog.dismiss();
      });
      assert.equal(asked, undefined, 'no question');
      assert.equal(grown, await browser.message('optionsImported', '2'));

      const one = await importOnOptions(backupJson(highlights.slice(1, 2)), true, async (dialog) => {
        asked = dialog.message();
        await dialog.accept();
      });
      assert.equal(asked, await browser.message('optionsReplaceDeletesOne'));
      assert.equal(one, await browser.message('optionsImported', '1'));
    });
  });
