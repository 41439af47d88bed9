/**
 * End-to-end tests in real Chromium and Firefox ESR with the built extension
 * (npm run build first). Builds the test variants (dist/chrome-test,
 * dist/firefox-test, see vite.config.ts) of the browsers that run (driver.ts:
 * YUANWEN_E2E_BROWSERS),
 * runs every tests/e2e/*.e2e.ts file with node:test, prints the spec report,
 * then one machine-readable last line:
 *
 *   e2e: N passed, N failed
 *
 * Exits non-zero when a test failed or no test ran. Test files run in child
 * processes that inherit tsx's loader from this process.
 */
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { E2E_BROWSERS } from './driver';

interface TestEventData {
  name: string;
  skip?: boolean | string;
  todo?: boolean | string;
  details?: { type?: string };
}

const HERE = import.meta.dirname;

// The test builds: production code with an open shadow root (src/platform/build-flags.ts), for the browsers that run.
for (const mode of E2E_BROWSERS.map((name) => (name === 'chromium' ? 'chrome' : 'firefox'))) {
  const build = spawnSync('npx', ['vite', 'build', '--mode', mode, '--logLevel', 'warn'], {
    cwd: resolve(HERE, '..', '..'),
    env: { ...process.env, YUANWEN_TEST_BUILD: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) {
    console.log(`e2e: 0 passed, 1 failed (the ${mode} test build failed)`);
    process.exit(1);
  }
}
const only = process.argv.slice(2);
const files = (await readdir(HERE))
  .filter((f) => f.endsWith('.e2e.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
  .map((f) => resolve(HERE, f));

let passed = 0;
let failed = 0;
let skipped = 0;

// Suites report too; only tests count. A file that fails to load reports as one failed test.
const isSuite = (data: TestEventData): boolean => data.details?.type === 'suite';

// The timeout is per file: extension-pages.e2e.ts alone runs ~100 s per
// browser on a quiet machine (~200 s each under load), its one body runs in
// both, and all files run at once on CI's two cores.
const stream = run({ files, concurrency: true, timeout: 600_000 });
stream.on('test:pass', (data: TestEventData) => {
  if (isSuite(data)) return;
  if (data.skip || data.todo) skipped++;
  else passed++;
});
stream.on('test:fail', (data: TestEventData) => {
  if (isSuite(data)) return;
  if (data.todo) skipped++;
  else failed++;
});

const report = stream.compose(spec);
report.pipe(process.stdout, { end: false });
await finished(report);

if (skipped > 0) console.log(`(${skipped} skipped or todo)`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
