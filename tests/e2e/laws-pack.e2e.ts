/**
 * The whole laws collection (../shared/corpora/laws: 1,512 documents, a
 * 54 MB pack, too close to Chromium's 64 MiB message limit to travel in one
 * message) imported on the corpus page of the built extension, in each
 * browser E2E_BROWSERS lists: handed over in chunks with a progress bar
 * through every stage, the laws fixture pages identified, and the import all
 * or nothing — a file cut off halfway is refused, and a background unloaded
 * while the file is handed over or while it is checked leaves nothing of the
 * new pack stored, loses nothing already stored, and tells the reader so.
 *
 * The corpus page with the pack imported is shot to test-results/laws-pack/ (Firefox's as corpus-packs-firefox.png);
 * `npm run screenshots` (YUANWEN_README_SHOTS=1) writes the README's copy,
 * docs/screenshots/corpus-packs.png, instead: a test run leaves the work tree as it was.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURE_PAGES, REPO_ROOT } from './extension-browser';
import { E2E_BROWSERS, launchExtensionBrowser } from './browsers';
import type { ExtensionBrowser, TestPage } from './driver';
import { startStaticServer, type StaticServer } from './static-server';
import { eventually } from './eventually';
import type { FixturePage } from '../fixtures/make-pages';
import { writeLawsPack } from '../unit/laws-fixture';

const lawPages = JSON.parse(readFileSync(resolve(FIXTURE_PAGES, 'laws-pages.json'), 'utf8')) as FixturePage[];
const [county2017, portal2023] = lawPages;

const SHOTS =
  process.env.YUANWEN_README_SHOTS === '1' ? resolve(REPO_ROOT, 'docs', 'screenshots') : resolve(REPO_ROOT, 'test-results', 'laws-pack');

let server: StaticServer;
const scratch = mkdtempSync(join(tmpdir(), 'yuanwen-laws-e2e-'));
let documentCount = 0;

before(async () => {
  const file = join(scratch, 'laws.pack.json');
  documentCount = writeLawsPack(file).documents.length;
  const text = readFileSync(file, 'utf8');
  // The same pack under another id: what an interrupted import must leave no trace of.
  writeFileSync(join(scratch, 'laws-copy.pack.json'), text.replace('"id":"laws"', '"id":"laws-copy"'));
  // A download cut off halfway.
  writeFileSync(join(scratch, 'laws-cut.pack.json'), text.slice(0, text.length >> 1));
  server = await startStaticServer(FIXTURE_PAGES);
});

after(async () => {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Records the progress bar's stage and value each time either changes (in the page, from its first frame on). */
const RECORD_PROGRESS = `(() => {
  const seen = (window.__progress = []);
  new MutationObserver(() => {
    const bar = document.getElementById('pack-progress');
    if (!bar) return;
    const step = { stage: bar.dataset.stage, value: bar.hasAttribute('value') ? Number(bar.getAttribute('value')) : null };
    const last = seen[seen.length - 1];
    if (!last || last.stage !== step.stage || last.value !== step.value) seen.push(step);
  }).observe(document, { subtree: true, childList: true, attributes: true });
})()`;

/** What the corpus database holds, read in the extension's origin (the corpus page), whatever the worker is doing. */
async function stored(
  page: TestPage,
): Promise<{ packs: string[]; indexes: number; documents: Record<string, number>; importedAt: number[] }> {
  return page.evaluate(`(async () => {
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open('yuanwen-corpus');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const all = (store) => new Promise((ok) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => ok(request.result);
    });
    const keys = (store) => new Promise((ok) => {
      const request = db.transaction(store).objectStore(store).getAllKeys();
      request.onsuccess = () => ok(request.result);
    });
    const packs = await all('packs');
    const documents = {};
    for (const [packId] of await keys('documents')) documents[packId] = (documents[packId] ?? 0) + 1;
    const result = { packs: packs.map((p) => p.id), indexes: (await keys('indexes')).length, documents, importedAt: packs.map((p) => p.importedAt) };
    db.close();
    return result;
  })()`);
}

/**
 * Resolves, in the page, as soon as the progress bar shows `stage`: a poll from the test could miss a
 * short stage (Firefox checks the pack in well under a second).
 */
async function stageReached(page: TestPage, stage: string): Promise<void> {
  await page.evaluate(`new Promise((resolve, reject) => {
    const reached = () => document.querySelector('#pack-progress[data-stage="${stage}"]') !== null;
    if (reached()) return resolve();
    const observer = new MutationObserver(() => {
      if (reached()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
    setTimeout(() => reject(new Error('the progress bar never showed ${stage}')), 60000);
  })`);
}

async function chooseFile(page: TestPage, file: string): Promise<void> {
  await page.locator('#pack-file').setInputFiles(join(scratch, file));
}

async function result(page: TestPage): Promise<string> {
  return eventually(
    async () => (await page.locator('#pack-result').textContent()) ?? '',
    (t) => t !== '',
    120_000,
  );
}

for (const name of E2E_BROWSERS) {
  describe(`the laws pack in the extension (${name})`, () => {
    let browser: ExtensionBrowser;
    /** What the corpus database holds once the pack is imported. */
    let imported: Awaited<ReturnType<typeof stored>>;
    before(async () => {
      browser = await launchExtensionBrowser(name, { build: 'production' });
    });
    after(async () => {
      await browser?.close();
    });

    const corpusPage = () => browser.openExtensionPage('src/corpus-page/index.html');

    async function reportOf(file: string) {
      const page = await browser.open(server.url(file));
      const report = await eventually(
        () => browser.requestReport(page),
        (r) => r.documents.length > 0,
        20_000,
      );
      await page.close();
      return report;
    }

    async function assertLawsIdentified(): Promise<void> {
      const old = await reportOf(county2017.file);
      assert.deepEqual(
        old.documents.map((d) => d.id),
        county2017.expectedDocuments,
      );
      assert.deepEqual(old.documents[0].newerVersions, [{ id: portal2023.expectedDocuments[0], date: '2023-09-01' }]);
      assert.deepEqual(old.deviations, []);
      const current = await reportOf(portal2023.file);
      assert.deepEqual(
        current.documents.map((d) => d.id),
        portal2023.expectedDocuments,
      );
      assert.deepEqual(current.documents[0].newerVersions, []);
    }

    it('imports 1,512 documents in chunks, the progress bar going through every stage and never back', async () => {
      const page = await corpusPage();
      await page.evaluate(RECORD_PROGRESS);
      await chooseFile(page, 'laws.pack.json');
      assert.equal(await result(page), await browser.message('corpusPackImported', ['laws', String(documentCount)]));
      const steps = (await page.evaluate('window.__progress')) as { stage: string; value: number | null }[];
      const stages = steps.map((s) => s.stage).filter((s, i, all) => s !== all[i - 1]);
      assert.deepEqual(stages, ['reading', 'sending', 'checking', 'storing'], JSON.stringify(steps));
      const values = steps.flatMap((s) => (s.value === null ? [] : [s.value]));
      assert.ok(
        values.every((v, i) => i === 0 || v >= values[i - 1]),
        `never back: ${values.map((v) => v.toFixed(2)).join(' ')}`,
      );
      assert.ok(values.filter((v) => v < 0.4).length >= 10, 'the hand-over moves in many steps');
      assert.equal(values.at(-1), 1);
      imported = await stored(page);
      assert.deepEqual(imported.packs, ['laws']);
      assert.deepEqual(imported.documents, { laws: documentCount });
      assert.equal(imported.indexes, 1);
      assert.equal(await page.locator('article.pack[data-pack="laws"] .pack-documents li').count(), documentCount);
      await page.locator('article.pack[data-pack="laws"] details summary').click();
      await page.evaluate(() => document.getElementById('packs-heading')!.scrollIntoView({ block: 'start' }));
      // The README's copy is Chromium's; Firefox's goes with the test results.
      const shots = name === 'chromium' ? SHOTS : resolve(REPO_ROOT, 'test-results', 'laws-pack');
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: resolve(shots, name === 'chromium' ? 'corpus-packs.png' : `corpus-packs-${name}.png`) });
      await page.close();
    });

    it('identifies the laws fixture pages: the 2017 reprint as the old version, naming the 2023 one', async () => {
      await assertLawsIdentified();
    });

    it('refuses a pack file cut off halfway with one message, and keeps what was stored', async () => {
      const page = await corpusPage();
      await chooseFile(page, 'laws-cut.pack.json');
      assert.match(await result(page), /not a Yuanwen corpus pack \(not JSON\)/);
      assert.deepEqual(await stored(page), imported);
      await page.close();
    });

    for (const stage of ['sending', 'checking'] as const) {
      it(`a background unloaded while the pack is ${stage === 'sending' ? 'handed over' : 'checked'}: nothing of it stored, nothing lost, the reader told`, async () => {
        const page = await corpusPage();
        await chooseFile(page, 'laws-copy.pack.json');
        await stageReached(page, stage);
        await browser.unloadBackground();
        assert.equal(await result(page), await browser.message('corpusPackInterrupted'));
        assert.deepEqual(await stored(page), imported);
        await eventually(
          () => page.locator('article.pack').evaluateAll((els) => els.map((e) => e.getAttribute('data-pack'))),
          (ids) => ids.length === 1,
        );
        await page.close();
        await assertLawsIdentified();
      });
    }
  });
}
