import { describe, expect, it } from 'vitest';
import { buildPack, PackError, parsePack, serializePack } from '../../../src/core/corpus/pack';
import { sourceFileDocument } from '../../../src/core/corpus/pack-source';
import { indexBytes } from '../../../src/core/corpus/fingerprint-index';
import { procedurePack, REVIEW_2017, REVIEW_2023 } from '../laws-fixture';

describe('corpus packs', () => {
  it('holds every file of the folder, versions of one series newest first, ids from series and date', () => {
    const pack = procedurePack();
    expect(pack.documents).toHaveLength(13);
    const review = pack.documents.filter((d) => d.series === '中华人民共和国行政复议法');
    expect(review.map((d) => d.date)).toEqual(['2023-09-01', '2017-09-01']);
    expect(review[0].id.replace(/-\d{8}$/, '')).toBe(review[1].id.replace(/-\d{8}$/, ''));
    expect(review.map((d) => d.source)).toEqual([REVIEW_2023, REVIEW_2017]);
  });

  it('round-trips through its file format, index and all', () => {
    const pack = procedurePack();
    const back = parsePack(serializePack(pack));
    expect(back.documents.map((d) => d.id)).toEqual(pack.documents.map((d) => d.id));
    expect(back.documents[3].clauses).toEqual(pack.documents[3].clauses);
    expect(Array.from(back.index.hashes)).toEqual(Array.from(pack.index.hashes));
    expect(Array.from(back.index.documents)).toEqual(Array.from(pack.index.documents));
  });

  it('stores its index in at most 16 bytes per posting', () => {
    const { index } = procedurePack();
    expect(indexBytes(index) / index.documents.length).toBeLessThanOrEqual(16);
  });

  it('keeps document ids when rebuilt (canonical highlights stay attached)', () => {
    const docs = [sourceFileDocument(REVIEW_2017, '# 中华人民共和国行政复议法\n<!-- INFO END -->\n第一条 甲。\n第二条 乙。\n')];
    const a = buildPack({ id: 'a', title: 'a' }, docs);
    const b = buildPack({ id: 'b', title: 'b' }, docs);
    expect(a.documents[0].id).toBe(b.documents[0].id);
  });

  it.each([
    ['not JSON', 'PK\u0003\u0004…', /not JSON/],
    ['a highlights backup', JSON.stringify({ format: 'yuanwen-backup', version: 1, highlights: [] }), /not a Yuanwen corpus pack/],
    ['a newer pack', JSON.stringify({ format: 'yuanwen-corpus-pack', version: 9 }), /newer than this Yuanwen reads/],
  ])('refuses %s with one clear message', (_, text, message) => {
    expect(() => parsePack(text)).toThrow(PackError);
    expect(() => parsePack(text)).toThrow(message);
  });

  it('refuses a pack whose text was altered after it was built', () => {
    const raw = JSON.parse(serializePack(procedurePack()));
    raw.documents[0].text = raw.documents[0].text.replace('第一条', '第一條');
    expect(() => parsePack(JSON.stringify(raw))).toThrow(/does not match its SHA-256/);
  });

  it('carries each text\'s word segmentation, and refuses a pack without it or with one that does not fit the text', () => {
    const pack = procedurePack();
    const back = parsePack(serializePack(pack));
    expect(back.documents.map((d) => d.wordLengths)).toEqual(pack.documents.map((d) => d.wordLengths));
    const raw = JSON.parse(serializePack(pack));
    delete raw.documents[0].wordLengths;
    expect(() => parsePack(JSON.stringify(raw))).toThrow(/no word segmentation.*rebuild/);
    raw.documents[0].wordLengths = pack.documents[0].wordLengths.slice(1);
    expect(() => parsePack(JSON.stringify(raw))).toThrow(/"wordLengths": word lengths cover/);
  });

  it('refuses a damaged index', () => {
    const raw = JSON.parse(serializePack(procedurePack()));
    raw.index.sizes = raw.index.sizes.slice(0, 8);
    expect(() => parsePack(JSON.stringify(raw))).toThrow(/index/);
  });
});
