/**
 * The committed fixture pages (tests/fixtures/pages/) are exactly what their
 * generator (tests/fixtures/make-pages.ts) makes from the seeds: a change to
 * the generator or a seed without rerunning it, or a page edited by hand,
 * fails here instead of silently testing something else.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures');
const COMMITTED = join(FIXTURES, 'pages');
const made = mkdtempSync(join(tmpdir(), 'yuanwen-fixture-pages-'));
afterAll(() => rmSync(made, { recursive: true, force: true }));

describe('fixture pages', () => {
  it('are what make-pages.ts writes from the seeds (rerun `npx tsx tests/fixtures/make-pages.ts` after changing either)', () => {
    execFileSync(process.execPath, ['--import', 'tsx', join(FIXTURES, 'make-pages.ts'), made], { stdio: 'pipe' });
    const files = readdirSync(made).sort();
    expect(readdirSync(COMMITTED).sort()).toEqual(files);
    const differing = files.filter((f) => readFileSync(join(made, f), 'utf8') !== readFileSync(join(COMMITTED, f), 'utf8'));
    expect(differing).toEqual([]);
  }, 120_000);
});
