/**
 * `yuanwen check --format html`: the evidence report from the command line,
 * and checking a report again (the same page text gives the same finding).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/check/report';
import { PAGE_TEXT_ELEMENT_ID } from '../../../src/core/evidence/page-text-block';
import { ROOT, yuanwen } from './run-cli';

const seeds = join(ROOT, 'tests', 'fixtures', 'seeds');
const pages = join(ROOT, 'tests', 'fixtures', 'pages');
const altered = join(seeds, '001_7a20f44e24f68b89.txt');
const scratch = mkdtempSync(join(tmpdir(), 'yuanwen-cli-evidence-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');
const parse = (html: string) => parseHTML(html).document as unknown as Document;
const rowsOf = (document: Document) =>
  [...document.querySelectorAll('tbody tr')].map((r) => `${r.getAttribute('data-kind')}@${r.getAttribute('data-page-start')}`).sort();
const deviationsOf = (report: Report) => report.deviations.map((d) => `${d.kind}@${d.pageStart}`).sort();

describe('yuanwen check --format html', { timeout: 60_000 }, () => {
  it('writes the evidence report of an altered reprint: every deviation, the file’s digest, no screenshot; exit 1', () => {
    const r = yuanwen(['check', '--format', 'html', altered]);
    expect(r.status).toBe(1);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
    const document = parse(r.stdout);
    const report = JSON.parse(yuanwen(['check', '--json', altered]).stdout) as Report;
    expect(rowsOf(document)).toEqual(deviationsOf(report));
    expect(r.stdout).toContain(sha256(readFileSync(altered)));
    expect(document.querySelector('.screenshot')).toBeNull();
    expect(document.querySelector('.summary')!.textContent).toContain(altered);
  });

  it('writes English by default and Chinese with --lang zh_CN or a Chinese locale', () => {
    const lang = (args: string[], env = {}) =>
      parse(yuanwen(['check', '--format=html', ...args, altered], undefined, env).stdout).documentElement.getAttribute('lang');
    expect(lang([], { LANG: 'C.UTF-8', LC_ALL: '' })).toBe('en');
    expect(lang(['--lang', 'zh_CN'])).toBe('zh-CN');
    expect(lang([], { LC_ALL: 'zh_CN.UTF-8' })).toBe('zh-CN');
  });

  it('checks a report again from the page text it keeps: the same digests and the same deviations', () => {
    const first = yuanwen(['check', '--format', 'html', altered]).stdout;
    const saved = join(scratch, 'report.html');
    writeFileSync(saved, first);
    const again = yuanwen(['check', '--format', 'html', saved]);
    expect(again.status).toBe(1);
    const hashes = (html: string) => [...html.matchAll(/class="hash">([0-9a-f]{64})</g)].map((m) => m[1]);
    expect(hashes(again.stdout)).toEqual(hashes(first));
    expect(rowsOf(parse(again.stdout))).toEqual(rowsOf(parse(first)));
    const json = JSON.parse(yuanwen(['check', '--json', saved]).stdout) as Report;
    expect(json.deviations).toEqual((JSON.parse(yuanwen(['check', '--json', altered]).stdout) as Report).deviations);
  });

  it('names an HTML page by its title and keeps its text as extracted', () => {
    const page = join(pages, 'xinhua-opinion.html');
    const r = yuanwen(['check', '--format', 'html', page]);
    const document = parse(r.stdout);
    const title = parse(readFileSync(page, 'utf8')).title;
    expect(title).not.toBe('');
    expect(document.querySelector('.summary')!.textContent).toContain(title);
    const kept = document.getElementById(PAGE_TEXT_ELEMENT_ID)!.textContent!;
    expect(r.stdout).toContain(sha256(kept));
  });

  it('says in one line that it writes one report for one FILE, or that a format is unknown; exit 2', () => {
    for (const args of [['--format', 'html', altered, altered], ['--format', 'pdf', altered], ['--format']]) {
      const r = yuanwen(['check', ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });
});
