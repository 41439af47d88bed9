/**
 * One page, one report: every fixture page is checked in Chromium, in
 * Firefox and by the CLI, and the reports (everything but timings) must be
 * identical. Word boundaries ship with the corpus, so no engine's own
 * segmenter can change a deviation (README, "The canonical corpus").
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Report } from '../../src/core/check/report';
import type { FixturePage } from '../fixtures/make-pages';
import { launchWithExtension, FIXTURE_PAGES, REPO_ROOT, type ExtensionBrowser } from './extension-browser';
import { e2eBrowserEnabled } from './driver';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser } from './firefox-browser';
import { startStaticServer, type StaticServer } from './static-server';

const pages = JSON.parse(readFileSync(resolve(FIXTURE_PAGES, 'pages.json'), 'utf8')) as FixturePage[];
/**
 * Pages whose text is not in their own file, so the CLI (given the file)
 * cannot see what a browser does: an article loaded by script after load,
 * and articles inside frames.
 */
const BROWSER_ONLY = new Set(['script-loaded-article.html', 'framed-article.html', 'cross-origin-frame.html']);

/** The check needs both browsers; YUANWEN_E2E_BROWSERS naming one skips it. */
const SKIP = e2eBrowserEnabled('chromium') && e2eBrowserEnabled('firefox') ? false : 'YUANWEN_E2E_BROWSERS names only one browser';

let chromium: ExtensionBrowser;
let firefox: FirefoxExtensionBrowser;
let server: StaticServer;

before(async () => {
  if (SKIP) return;
  server = await startStaticServer(FIXTURE_PAGES);
  [chromium, firefox] = await Promise.all([launchWithExtension(), launchFirefoxWithExtension()]);
});

after(async () => {
  await Promise.all([chromium?.close(), firefox?.close()]);
  await server?.close();
});

const comparable = (r: Report) => ({ ...r, timings: undefined });

function cliReports(files: string[]): Map<string, Report> {
  const out = execFileSync(process.execPath, [resolve(REPO_ROOT, 'bin/yuanwen.mjs'), 'check', '--json', ...files], {
    cwd: FIXTURE_PAGES,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // exit 1 means deviations were found: the JSON is still there
  }).toString();
  return new Map((JSON.parse(out) as { file: string; report: Report }[]).map((e) => [e.file, e.report]));
}

function cli(files: string[]): Map<string, Report> {
  try {
    return cliReports(files);
  } catch (error) {
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    return new Map((JSON.parse(stdout) as { file: string; report: Report }[]).map((e) => [e.file, e.report]));
  }
}

describe('the same report in Chromium, Firefox and the CLI', () => {
  it('for every fixture page', { skip: SKIP }, async () => {
    const fromCli = cli(pages.filter((p) => !BROWSER_ONLY.has(p.file)).map((p) => p.file));
    for (const fixture of pages) {
      const url = server.url(fixture.file);
      const [inChromium, inFirefox] = await Promise.all([
        chromium.open(url).then(async (page) => {
          if (fixture.file === 'script-loaded-article.html') await page.waitForSelector('body[data-article-loaded]');
          const report = await chromium.requestReport(page);
          await page.close();
          return report;
        }),
        firefox.open(url).then(async (page) => {
          if (fixture.file === 'script-loaded-article.html') await page.waitForSelector('body[data-article-loaded]');
          const report = await firefox.requestReport(page);
          await page.close();
          return report;
        }),
      ]);
      assert.deepEqual(comparable(inFirefox), comparable(inChromium), `${fixture.file}: Firefox and Chromium differ`);
      if (!BROWSER_ONLY.has(fixture.file)) {
        const report = fromCli.get(fixture.file);
        assert.ok(report, `${fixture.file}: no report from the CLI`);
        assert.deepEqual(comparable(report), comparable(inChromium), `${fixture.file}: the CLI and the browsers differ`);
      }
    }
  });
});
