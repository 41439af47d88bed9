/**
 * A page saved as the reader's own canonical document (saved-page.ts): the
 * issuer's page of 国歌法 (a fixture page made from the laws collection) saved
 * without its site's chrome, then a city site's reprint with three words
 * changed checked against it, and what is refused.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/core/check/engine';
import { combineParts, corpusPart, packPart } from '../../../src/core/corpus/corpus-view';
import { buildPack, parsePack, serializePack } from '../../../src/core/corpus/pack';
import {
  cleanTitle,
  documentLines,
  retitled,
  savedDocumentSummary,
  savedPageDocument,
  EXPORT_PACK_ID,
} from '../../../src/core/corpus/saved-page';
import { sha256 } from '../../../src/core/text/sha256';
import { htmlPage } from '../../../src/cli/read-page';
import { testCorpus } from '../corpus-fixture';

const PAGES = resolve(import.meta.dirname, '../../fixtures/pages');
const page = (file: string) => htmlPage(readFileSync(resolve(PAGES, file), 'utf8'));
const issuer = page('npc-anthem-law.html');
const reprint = page('anthem-law-reprint.html');
const URL = 'http://www.npc.gov.cn/npc/c30834/201709/anthem.shtml';
const SAVED_AT = '2026-12-01T12:00:00.000Z';

const saved = () => savedPageDocument({ url: URL, title: issuer.title, text: issuer.text }, SAVED_AT);

function engineWith(documents: ReturnType<typeof saved>[]) {
  const pack = buildPack({ id: 'user', title: 'saved' }, documents, testCorpus().fingerprints.stop);
  return createEngine(combineParts([corpusPart(testCorpus()), packPart(pack)]));
}

describe('saving a page as a canonical document', () => {
  it("keeps the law's text and leaves the site's chrome, byline, attachment line and footer out", () => {
    const doc = saved();
    const lines = doc.text.split('\n');
    expect(lines[0]).toMatch(/^第一条 为了维护国歌的尊严/);
    expect(lines.at(-1)).toBe('第十六条 本法自2017年10月1日起施行。');
    for (const chrome of ['来源：中国人大网', '浏览字号', '附件：', '责任编辑', '打印', '版权所有', '首页']) expect(doc.text).not.toContain(chrome);
    expect(doc.clauses.filter((c) => c.kind === 'numbered').map((c) => c.label)).toHaveLength(16);
    expect(doc.clauses.find((c) => c.label === '第四条')?.text).toContain('（九）其他应当奏唱国歌的场合。');
  });

  it('records the URL, the time saved, the SHA-256 of the text, a version date, and an id derived from the text', () => {
    const doc = saved();
    expect(doc.title).toBe('中华人民共和国国歌法');
    expect(doc).toMatchObject({ source: URL, savedAt: SAVED_AT, sha256: sha256(doc.text), date: '2017-09-01', series: '中华人民共和国国歌法' });
    expect(doc.id).toBe(`u-${sha256(doc.text).slice(0, 16)}`);
    expect(savedDocumentSummary(doc)).toEqual({
      id: doc.id,
      title: doc.title,
      url: URL,
      savedAt: SAVED_AT,
      sha256: doc.sha256,
      date: '2017-09-01',
      characters: doc.text.length,
      clauses: 16,
    });
  });

  it('checks a reprint against it: three substitutions, each at its article', () => {
    const report = engineWith([saved()]).check(reprint.text);
    expect(report.documents.map((d) => d.id)).toEqual([saved().id]);
    expect(report.documents[0].relation).toBe('reprint');
    // Widened to the words the document's segmentation knows: 肃立 is 肃|立 there.
    expect(report.deviations.map((d) => [d.clause, d.kind, d.canonicalText, d.pageText])).toEqual([
      ['第七条', 'substitution', '肃', '起'],
      ['第十二条', 'substitution', '积极', '广泛'],
      ['第十五条', 'substitution', '警告', '罚款'],
    ]);
  });

  it('finds the saved page itself faithful, chrome and all', () => {
    const report = engineWith([saved()]).check(issuer.text);
    expect(report.documents.map((d) => d.id)).toEqual([saved().id]);
    expect(report.deviations).toEqual([]);
  });

  it('exports as a pack that reads back with its provenance', () => {
    const pack = buildPack({ id: EXPORT_PACK_ID, title: '我保存的文档' }, [saved()]);
    const [doc] = parsePack(serializePack(pack)).documents;
    expect(doc).toMatchObject({ id: saved().id, source: URL, savedAt: SAVED_AT, sha256: saved().sha256, title: '中华人民共和国国歌法' });
  });

  it('takes a new title (and its series) without changing the text or its hash', () => {
    const renamed = retitled(saved(), '  国歌法（2017）\n');
    expect(renamed).toMatchObject({ title: '国歌法（2017）', series: '国歌法（2017）', sha256: saved().sha256, text: saved().text });
    expect(() => retitled(saved(), '   ')).toThrow(/title/);
  });

  it('refuses a page with too little text, an empty title and an overlong one', () => {
    expect(() => savedPageDocument({ url: URL, title: '通知', text: '首页\n通知\n请于明日到会。' }, SAVED_AT)).toThrow(/too little text/);
    expect(() => savedPageDocument({ url: URL, title: '', text: issuer.text }, SAVED_AT)).toThrow(/title/);
    expect(cleanTitle('国'.repeat(201))).toBe('');
    expect(cleanTitle('a\u0000b\tc')).toBe('a b c');
  });

  it('starts after the title at the first clause or sentence, and ends at the last sentence before a footer', () => {
    const text = ['首页 > 政策', '关于做好某项工作的通知', '发布时间：2026-01-05', '各有关单位：', '一、总体要求', '（一）做好工作。', '附件：表格', '版权所有 某网站', '本站内容未经许可不得转载。'].join('\n');
    expect(documentLines(text, '关于做好某项工作的通知').lines).toEqual(['各有关单位：', '一、总体要求', '（一）做好工作。']);
  });
});
