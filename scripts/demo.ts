/**
 * `npm start` (after the build): serves the demo pages made from the seeds on
 * 127.0.0.1 and opens Chromium with the built extension.
 *
 * - With a display ($DISPLAY set), the browser opens headed on the page list
 *   and the demo pages; the script exits when the browser is closed.
 * - Without one, it runs headless: prints what the extension found on each
 *   page (from the `yuanwen/report` message), saves a screenshot per page to
 *   demo-output/ and exits.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Report } from '../src/core/check/report';
import type { FixturePage } from '../tests/fixtures/make-pages';
import { FIXTURE_PAGES, REPO_ROOT, launchWithExtension } from '../tests/e2e/extension-browser';
import { startStaticServer } from '../tests/e2e/static-server';

const OUTPUT = resolve(REPO_ROOT, 'demo-output');

function describeReport(report: Report): string {
  if (report.documents.length === 0) return 'no canonical document found';
  return report.documents
    .map((match) => {
      const deviations = report.deviations.filter((d) => d.documentId === match.id).length;
      const variants = report.knownVariants.filter((v) => v.documentId === match.id).length;
      const verdict = match.heavilyAltered ? 'HEAVILY ALTERED' : deviations === 0 ? 'faithful' : `${deviations} deviation(s)`;
      const known = variants > 0 ? ` (${variants} known variant reading(s))` : '';
      return `《${match.title}》 [${match.id}] coverage ${Math.round(match.coverage * 100)}%, ${verdict}${known}`;
    })
    .join('; ');
}

async function main(): Promise<void> {
  const pages = JSON.parse(await readFile(resolve(FIXTURE_PAGES, 'pages.json'), 'utf8')) as FixturePage[];
  const headed = Boolean(process.env.DISPLAY);
  const server = await startStaticServer(FIXTURE_PAGES);
  const browser = await launchWithExtension({ headless: !headed });
  console.log(`demo pages: ${server.url('index.html')}`);
  console.log(`extension: chrome-extension://${browser.extensionId}/ (${headed ? 'headed' : 'headless'})\n`);

  if (!headed) {
    await rm(OUTPUT, { recursive: true, force: true });
    await mkdir(OUTPUT, { recursive: true });
  }

  let failures = 0;
  for (const fixture of pages) {
    const page = await browser.open(server.url(fixture.file));
    try {
      if (fixture.file === 'script-loaded-article.html') {
        await page.waitForSelector('body[data-article-loaded]', { timeout: 10_000 });
      }
      const report = await browser.requestReport(page);
      console.log(`${fixture.file}\n  ${fixture.shape}\n  found: ${describeReport(report)}`);
      console.log(`  content script main-thread time: ${report.timings.totalMs.toFixed(1)} ms`);
      if (!headed) {
        const shot = resolve(OUTPUT, fixture.file.replace(/\.html$/, '.png'));
        await page.screenshot({ path: shot, fullPage: true });
        await page.close();
      }
    } catch (error) {
      failures++;
      console.log(`${fixture.file}\n  FAILED: ${String(error)}`);
    }
  }

  if (headed) {
    const index = await browser.open(server.url('index.html'));
    await index.bringToFront();
    console.log('\nClose the browser window to end the demo.');
    await new Promise<void>((closed) => browser.context.once('close', () => closed()));
    await browser.close(); // removes the temporary profile
  } else {
    console.log(`\nscreenshots: ${OUTPUT}`);
    await browser.close();
  }
  await server.close();
  process.exitCode = failures > 0 ? 1 : 0;
}

await main();
