/**
 * The CLI's edges: an input over the 32 MiB limit is refused in one line
 * without being read, and a reader that closes the pipe early ends the CLI
 * quietly.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, yuanwen } from './run-cli';

const seeds = join(ROOT, 'tests', 'fixtures', 'seeds');
const faithful = join(seeds, '000_175dd0f406da1b8a.txt');
const scratch = mkdtempSync(join(tmpdir(), 'yuanwen-cli-limits-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('yuanwen check on inputs over the 32 MiB limit', () => {
  it('refuses a 50 MiB file by its size in one line, exits 2, and still checks the other files', () => {
    const big = join(scratch, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024); // sparse: no 50 MiB on disk
    const r = yuanwen(['check', big, faithful]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`yuanwen: ${big}: 50 MiB, larger than the 32 MiB limit`]);
    expect(r.stdout).toContain('faithful');
  });

  it('stops reading standard input once it passes the limit', () => {
    const r = yuanwen(['check', '-'], 'a'.repeat(33 * 1024 * 1024));
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['yuanwen: (standard input): larger than the 32 MiB limit']);
  });

  it('says the limit in --help', () => {
    expect(yuanwen(['--help']).stdout).toContain('at most 32 MiB');
  });
});

describe('yuanwen check into a closed pipe', () => {
  it('ends quietly when the reader closes its end after the first bytes (`| head -c 1`)', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'yuanwen.mjs'), 'check', '--json', ...Array(20).fill(faithful)], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});
