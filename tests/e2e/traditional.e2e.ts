/**
 * Traditional-character pages in the built extension (test build: open
 * shadow root): a Taiwan mirror with three changed words and a faithful
 * Hong Kong reprint are identified, the page summary and the popup say
 * 繁体字版本, and the mirror's deviations sit at their clauses, in the
 * page's own characters. In each browser E2E_BROWSERS lists (driver.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FIXTURE_PAGES } from './extension-browser';
import { E2E_BROWSERS, launchExtensionBrowser } from './browsers';
import type { ExtensionBrowser, TestPage } from './driver';
import { startStaticServer, type StaticServer } from './static-server';
import { eventually } from './eventually';

interface Summary {
  lines: string[];
  details: string[];
  badges: { clause: string; state: string }[];
}

function summaryOf(page: TestPage): Promise<Summary> {
  // No named functions inside: the page has no __name helper that tsx would call.
  return page.evaluate(() => {
    const root = document.querySelector('yuanwen-ui')?.shadowRoot;
    return {
      lines: [...(root?.querySelectorAll('.summary .line') ?? [])].map((e) => e.textContent ?? ''),
      details: [...(root?.querySelectorAll('.summary .detail') ?? [])].map((e) => e.textContent ?? ''),
      badges: [...(root?.querySelectorAll<HTMLElement>('.badge') ?? [])].map((b) => ({
        clause: b.dataset.clause ?? '',
        state: [...b.classList].find((c) => c !== 'badge' && c !== 'at-edge') ?? '',
      })),
    };
  });
}

for (const name of E2E_BROWSERS) {
  describe(name, () => {
    let browser: ExtensionBrowser;
    let server: StaticServer;

    before(async () => {
      server = await startStaticServer(FIXTURE_PAGES);
      browser = await launchExtensionBrowser(name);
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    describe('a Taiwan mirror in traditional characters, three words changed', () => {
      it('is identified, says it is traditional, and has exactly the three deviations at their clauses', async () => {
        const page = await browser.open(server.url('traditional-mirror.html'));
        const report = await browser.requestReport(page);
        assert.equal(report.traditional, true);
        assert.deepEqual(
          report.documents.map((d) => d.id),
          ['urban-opinion-2025'],
        );
        assert.deepEqual(
          report.deviations.map((d) => [d.clause, d.kind, d.canonicalText, d.pageText]),
          [
            ['（四）', 'substitution', '先进', '優勢'],
            ['（六）', 'omission', '稳慎', ''],
            ['（十五）', 'insertion', '', '切實'],
          ],
        );
        const pageText = await page.evaluate(() => document.body.innerText);
        for (const d of report.deviations) if (d.pageText) assert.ok(pageText.includes(d.pageText), `${d.pageText} is on the page`);

        const title = report.documents[0].title;
        const ui = await eventually(
          () => summaryOf(page),
          (s) => s.lines.length > 0 && s.badges.length > 0,
        );
        // The print edition starts in （三）: an excerpt.
        assert.equal(report.documents[0].relation, 'excerpt');
        assert.deepEqual(ui.lines, [await browser.message('summaryExcerptDeviations', [title, '3'])]);
        assert.ok(ui.details.includes(await browser.message('summaryTraditional')), `summary details: ${ui.details.join(' | ')}`);
        // Badges name clauses by id: c4 is （四）.
        const changed = ui.badges.filter((b) => b.state !== 'faithful').map((b) => b.clause);
        for (const clause of ['c4', 'c6', 'c15']) assert.ok(changed.includes(clause), `${clause} badged as changed: ${changed.join(' ')}`);
        assert.equal(changed.length, 3, `only three clauses badged as changed: ${changed.join(' ')}`);

        const popup = await browser.openExtensionPage(`src/popup/index.html?tab=${await browser.tabId(page)}`);
        await popup.locator('.document').first().waitFor({ timeout: 10_000 });
        assert.equal((await popup.locator('.figure.traditional').textContent())?.trim(), await browser.message('summaryTraditional'));
        const popupText = await popup.locator('.document').first().innerText();
        assert.ok(popupText.includes('優勢'), 'the popup shows the page’s reading in its characters');
        await popup.close();
        await page.close();
      });
    });

    describe('a Hong Kong reprint in Hong Kong forms', () => {
      it('is the whole Opinion, faithful, and says it is traditional', async () => {
        const page = await browser.open(server.url('hong-kong-reprint.html'));
        const report = await browser.requestReport(page);
        assert.equal(report.traditional, true);
        assert.deepEqual(report.deviations, []);
        assert.equal(report.documents[0]?.coverage, 1);
        const ui = await eventually(
          () => summaryOf(page),
          (s) => s.lines.length > 0,
        );
        assert.deepEqual(ui.lines, [await browser.message('summaryFaithful', report.documents[0].title)]);
        assert.ok(ui.details.includes(await browser.message('summaryTraditional')));
        await page.close();
      });
    });
  });
}
