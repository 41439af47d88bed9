/**
 * The yuanwen CLI as a user runs it: the built bin/yuanwen.mjs in a child
 * process (npm ci's prepare step and npm test build it first).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, yuanwen } from './run-cli';

const seeds = join(ROOT, 'tests', 'fixtures', 'seeds');
const pages = join(ROOT, 'tests', 'fixtures', 'pages');

const scratch = mkdtempSync(join(tmpdir(), 'yuanwen-cli-'));

describe('yuanwen corpus', () => {
  it('lists both bundled documents with 23 and 52 numbered clauses as JSON', () => {
    const r = yuanwen(['corpus', '--json']);
    expect(r.status).toBe(0);
    const { documents } = JSON.parse(r.stdout);
    expect(documents.map((d: { id: string; numberedClauses: number; sections: number }) => [d.id, d.sections, d.numberedClauses])).toEqual([
      ['urban-opinion-2025', 9, 23],
      ['urbanization-plan-2022', 8, 52],
    ]);
  });

  it('shows one document with its structure and full canonical text', () => {
    const r = yuanwen(['corpus', 'show', 'urban-opinion-2025', '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.text.startsWith('城市是现代化建设的重要载体')).toBe(true);
    expect(doc.clauses.find((c: { id: string }) => c.id === 'c17').text).toContain('预留防灾救灾弹性空间');
  });

  it('names an unknown document in one line and exits 2', () => {
    const r = yuanwen(['corpus', 'show', 'no-such-doc']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no-such-doc');
  });
});

describe('yuanwen check', () => {
  it('says a traditional page is traditional and shows its changes in its own characters', () => {
    const r = yuanwen(['check', join(pages, 'traditional-mirror.html')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('in traditional characters (繁体字版本)');
    expect(r.stdout).toContain('3 deviations');
    expect(r.stdout).toContain('[優勢]製造業集群');
    const json = JSON.parse(yuanwen(['check', '--json', join(pages, 'hong-kong-reprint.html')]).stdout);
    expect(json.traditional).toBe(true);
    expect(json.deviations).toEqual([]);
  });

  it('exits 0 on a faithful page and says so', () => {
    const r = yuanwen(['check', join(seeds, '000_175dd0f406da1b8a.txt')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('faithful');
  });

  it('exits 1 when it finds deviations, and prints each at its clause with both texts', () => {
    const r = yuanwen(['check', join(seeds, '001_7a20f44e24f68b89.txt')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/（三）\s+substitution[^\n]*\n\s+canonical …[^\n]*\[稳慎\][^\n]*\n\s+page\s+…[^\n]*\[稳妥\]/);
  });

  it('prints the report (schema 2) with --json', () => {
    const r = yuanwen(['check', '--json', join(seeds, '002_6ac7e322e3ed426d.txt')]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.schema).toBe(2);
    expect(report.documents[0]).toMatchObject({ id: 'urban-opinion-2025', heavilyAltered: true });
  });

  it('reads HTML as the content script does (no navigation, no scripts)', () => {
    const r = yuanwen(['check', '--json', join(pages, 'xinhua-opinion.html')]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.documents.map((d: { id: string }) => d.id)).toEqual(['urban-opinion-2025']);
    expect(report.deviations).toEqual([]);
  });

  it('reads standard input with -', () => {
    const page = join(seeds, '004_c223a8c09b7d4d09.txt');
    const text = spawnSync('cat', [page], { encoding: 'utf8' }).stdout;
    const r = yuanwen(['check', '--json', '-'], text);
    expect(JSON.parse(r.stdout).documents[0].id).toBe('urbanization-plan-2022');
  });

  it('exits 0 with "no bundled document" on a page that reprints nothing', () => {
    const file = join(scratch, 'notice.txt');
    writeFileSync(
      file,
      '关于开展安全生产检查的通知\n一、总体要求\n坚持以习近平新时代中国特色社会主义思想为指导，认真做好安全生产检查工作。\n',
    );
    const r = yuanwen(['check', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('no bundled document');
  });

  it('says in one line that a file is missing, exits 2, and still checks the other files', () => {
    const r = yuanwen(['check', join(scratch, 'missing.txt'), join(seeds, '000_175dd0f406da1b8a.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining('missing.txt: no such file')]);
    expect(r.stdout).toContain('faithful');
  });

  it('refuses a binary file in one line and exits 2', () => {
    const file = join(scratch, 'image.txt');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    const r = yuanwen(['check', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/binary file/);
  });

  it('reads a GBK-encoded page, as many Chinese sites still publish', () => {
    const file = join(scratch, 'gbk.txt');
    const utf8 = spawnSync('cat', [join(seeds, '000_175dd0f406da1b8a.txt')], { encoding: 'utf8' }).stdout;
    writeFileSync(file, new Uint8Array(spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: utf8 }).stdout));
    const r = yuanwen(['check', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('faithful');
  });

  it('refuses text in no encoding it knows, in one line, and exits 2', () => {
    const file = join(scratch, 'garbage.txt');
    writeFileSync(file, Buffer.from([0xd6, 0xd0, 0xff, 0xfe, 0xff]));
    const r = yuanwen(['check', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/neither UTF-8 nor GB18030/);
  });

  it('refuses an unknown option in one line and exits 2', () => {
    const r = yuanwen(['check', '--frobnicate', 'x.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining('unknown option --frobnicate')]);
  });
});
