/**
 * `yuanwen pack`, `--corpus` and `--jsonl` as a user runs them (the built
 * bin/yuanwen.mjs), on laws from ../shared/corpora/laws.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { yuanwen } from './run-cli';
import { parsePack } from '../../../src/core/corpus/pack';
import { LAWS, reprintPage, REVIEW_2017, REVIEW_2023 } from '../laws-fixture';
import { htmlPage } from '../../../src/cli/read-page';
import { savedPageDocument } from '../../../src/core/corpus/saved-page';

const FIXTURE_PAGES = join(import.meta.dirname, '..', '..', 'fixtures', 'pages');

const scratch = mkdtempSync(join(tmpdir(), 'yuanwen-pack-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const folder = join(scratch, 'laws');
mkdirSync(join(folder, 'sub'), { recursive: true });
copyFileSync(join(LAWS, REVIEW_2017), join(folder, '行政复议法(2017-09-01).md'));
copyFileSync(join(LAWS, REVIEW_2023), join(folder, 'sub', '行政复议法(2023-09-01).md'));
writeFileSync(join(folder, '某某规定.txt'), '某某管理规定\n第一条 为了加强管理，制定本规定。\n第二条 本规定自发布之日起施行。\n');
writeFileSync(
  join(folder, '通知.html'),
  '<html><head><title>通知 - 某网</title></head><body><h1>关于做好某项工作的通知</h1><p>一、总体要求</p><p>（一）坚持问题导向，抓好落实。</p></body></html>',
);
writeFileSync(join(folder, 'broken.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
writeFileSync(join(folder, 'untitled.md'), '没有标题的一段文字。\n');
writeFileSync(join(folder, 'empty.txt'), '\n\n');
writeFileSync(join(folder, 'notes.docx'), 'not packable: skipped');
const packFile = join(scratch, 'laws.pack.json');

describe("yuanwen pack of an issuer's HTML page", () => {
  it("packs the text the extension saves from the same page: the site's chrome left out, the same SHA-256", () => {
    const pages = join(scratch, 'pages');
    mkdirSync(pages);
    const html = readFileSync(join(FIXTURE_PAGES, 'npc-anthem-law.html'), 'utf8');
    writeFileSync(join(pages, '国歌法.html'), html);
    const out = join(scratch, 'anthem.pack.json');
    expect(yuanwen(['pack', pages, '-o', out]).status).toBe(0);
    const [packed] = parsePack(readFileSync(out, 'utf8')).documents;
    const page = htmlPage(html);
    const saved = savedPageDocument({ url: 'http://www.npc.gov.cn/', ...page }, '2026-12-01T00:00:00Z');
    expect(packed.title).toBe('中华人民共和国国歌法');
    expect(packed.text).toBe(saved.text);
    expect(packed.sha256).toBe(saved.sha256);
    expect(page.text).toContain('责任编辑');
    expect(packed.text).not.toContain('责任编辑');
  });
});

describe('yuanwen pack', () => {
  const run = yuanwen(['pack', folder, '-o', packFile, '--title', '行政复议法两版']);

  it('packs every readable file and says in one line each why the others were not', () => {
    expect(run.status).toBe(2);
    const problems = run.stderr.split('\n').filter((l) => l.startsWith('yuanwen: '));
    expect(problems).toHaveLength(3);
    expect(problems.find((l) => l.includes('broken.md'))).toMatch(/binary file/);
    expect(problems.find((l) => l.includes('untitled.md'))).toMatch(/no "# title" line/);
    expect(problems.find((l) => l.includes('empty.txt'))).toMatch(/empty file/);
    expect(run.stderr).toMatch(/pack: 7\/7 files/);
    expect(run.stderr).toMatch(/pack: 4 documents from 7 files, 3 unreadable/);
    expect(existsSync(packFile)).toBe(true);
  });

  it('lists the pack with the bundled documents, with version dates', () => {
    const r = yuanwen(['corpus', '--corpus', packFile, '--json']);
    expect(r.status).toBe(0);
    const { documents } = JSON.parse(r.stdout);
    expect(documents).toHaveLength(6);
    const review = documents.filter((d: { title: string }) => d.title === '中华人民共和国行政复议法');
    expect(review.map((d: { date: string }) => d.date)).toEqual(['2023-09-01', '2017-09-01']);
    expect(review[1]).toMatchObject({ series: '中华人民共和国行政复议法', source: '行政复议法(2017-09-01).md' });
    expect(review[1].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(documents.find((d: { title: string }) => d.title === '关于做好某项工作的通知')).toMatchObject({ numberedClauses: 1 });
  });

  it('checks a reprint of the old version against the pack and says a newer one exists', () => {
    const page = join(scratch, 'old.txt');
    writeFileSync(page, reprintPage(REVIEW_2017, 1, 15));
    const text = yuanwen(['check', '--corpus', packFile, page]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('本页转载的是2017年版本，现行版本为2023年版本。');
    const report = JSON.parse(yuanwen(['check', '--json', '--corpus', packFile, page]).stdout);
    expect(report.documents[0]).toMatchObject({ date: '2017-09-01', newerVersions: [{ date: '2023-09-01' }] });
  });

  it('refuses a file that is not a pack in one line (exit 2)', () => {
    const r = yuanwen(['check', '--corpus', join(LAWS, REVIEW_2017), join(scratch, 'old.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining('not a Yuanwen corpus pack')]);
  });

  it('names a folder that does not exist', () => {
    const r = yuanwen(['pack', join(scratch, 'nowhere'), '-o', join(scratch, 'x.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not a folder');
  });
});

describe('yuanwen check --jsonl', () => {
  it('writes one report per record, in order, with an error line for a bad record', () => {
    const page2023 = join(scratch, 'new.txt');
    writeFileSync(page2023, reprintPage(REVIEW_2023, 1, 10));
    const input = [
      JSON.stringify({ url: 'https://example.org/a', text: reprintPage(REVIEW_2017, 1, 10) }),
      JSON.stringify({ path: page2023 }),
      '{"url": "https://example.org/broken"',
      JSON.stringify({ url: 'https://example.org/c', text: '今天天气很好。' }),
    ].join('\n');
    const r = yuanwen(['check', '--jsonl', '--corpus', packFile], input);
    expect(r.status).toBe(2);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ url: 'https://example.org/a', report: { schema: 2, documents: [{ date: '2017-09-01' }] } });
    expect(lines[1]).toMatchObject({ path: page2023, report: { documents: [{ date: '2023-09-01', newerVersions: [] }] } });
    expect(lines[2]).toEqual({ line: 3, error: 'line 3: not JSON' });
    expect(lines[3]).toMatchObject({ url: 'https://example.org/c', report: { documents: [] } });
    expect(readFileSync(page2023, 'utf8')).toContain('第一条');
  });
});

describe('yuanwen pack: a .txt in the corpus source format', () => {
  it('packs it with its word segmentation, so the pack reads back and is listed', () => {
    const source = readFileSync(join(import.meta.dirname, '../../../corpus/urban-opinion-2025.txt'), 'utf8');
    const folder = join(scratch, 'sources');
    mkdirSync(folder, { recursive: true });
    // A desk's own copy under its own id (a bundled document's id would be refused on import).
    writeFileSync(join(folder, 'opinion-copy.txt'), source.replace(/^id: urban-opinion-2025$/m, 'id: opinion-copy'));
    const file = join(scratch, 'sources.pack.json');
    const packed = yuanwen(['pack', folder, '-o', file]);
    expect(packed.stderr).toMatch(/pack: 1 documents from 1 files/);
    expect(packed.status).toBe(0);
    const pack = parsePack(readFileSync(file, 'utf8'));
    expect(pack.documents.map((d) => d.id)).toEqual(['opinion-copy']);
    expect(pack.documents[0].wordLengths).toMatch(/\S/);
    expect(pack.documents[0]).toMatchObject({ source: 'opinion-copy.txt', series: '中共中央国务院关于推动城市高质量发展的意见' });
    const listed = yuanwen(['corpus', '--corpus', file, '--json']);
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout).documents.map((d: { id: string }) => d.id)).toContain('opinion-copy');
  });
});
