/**
 * Runs every suite (unit tests with vitest, end-to-end tests in Chromium)
 * after `npm run build`, and ends with one line totalling them:
 * `N passed, N failed`. Exits non-zero when any suite failed or ran nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });

interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  ok: boolean;
}

function run(command: string, args: string[]): { status: number; stdout: string } {
  const child = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(child.stdout ?? '');
  return { status: child.status ?? 1, stdout: child.stdout ?? '' };
}

function unitSuite(): SuiteResult {
  const out = join(results, 'unit.json');
  rmSync(out, { force: true });
  const { status } = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  try {
    const json = JSON.parse(readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    return { name: 'unit', passed: json.numPassedTests, failed: json.numFailedTests, ok: status === 0 };
  } catch {
    return { name: 'unit', passed: 0, failed: 1, ok: false };
  }
}

function e2eSuite(): SuiteResult {
  const { status, stdout } = run('npx', ['tsx', 'tests/e2e/run.ts']);
  const m = /e2e: (\d+) passed, (\d+) failed/.exec(stdout);
  if (!m) return { name: 'e2e', passed: 0, failed: 1, ok: false };
  return { name: 'e2e', passed: Number(m[1]), failed: Number(m[2]), ok: status === 0 };
}

const suites = [unitSuite(), e2eSuite()];
let passed = 0;
let failed = 0;
for (const s of suites) {
  console.log(`${s.name}: ${s.passed} passed, ${s.failed} failed${s.ok ? '' : ' (suite failed)'}`);
  passed += s.passed;
  failed += s.failed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(suites.every((s) => s.ok) && failed === 0 && passed > 0 ? 0 : 1);
