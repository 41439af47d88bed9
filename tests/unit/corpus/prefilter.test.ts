import { describe, expect, it } from 'vitest';
import { buildPrefilter, createPrefilter } from '../../../src/core/corpus/prefilter';
import { toTraditional } from '../../fixtures/traditional';
import { clauseByLabel, opinion, seed, testCorpus } from '../corpus-fixture';

const prefilter = () => createPrefilter(buildPrefilter(testCorpus().fingerprints, testCorpus().documents.map((d) => d.text)));

describe('prefilter: could a page reprint a bundled document?', () => {
  it.each(['000', '001', '002', '003', '004'])('says yes for seed %s', (name) => {
    expect(prefilter().mightReprint(seed(name))).toBe(true);
  });

  it.each(['000', '002', '003', '004'])('says yes for seed %s in traditional characters (t, tw, hk)', (name) => {
    for (const locale of ['t', 'tw', 'hk'] as const) expect(prefilter().mightReprint(toTraditional(seed(name), locale)), locale).toBe(true);
  });

  it('says yes for a traditional story quoting one clause', () => {
    const page = toTraditional(`记者了解到：${clauseByLabel(opinion(), '（十四）').text}专家表示，这将有力推动相关工作。`);
    expect(prefilter().mightReprint(page)).toBe(true);
  });

  it('bundles a character map only for the characters the documents use', () => {
    const table = buildPrefilter(testCorpus().fingerprints, testCorpus().documents.map((d) => d.text));
    expect(table.traditional).toContain('國国');
    expect(table.traditional!.length).toBeLessThan(2 * 1500);
    expect(table.traditional).not.toContain('龜'); // 龟 is in neither document
  });

  it('says yes for a news story quoting two clauses', () => {
    const page = `记者了解到：${clauseByLabel(opinion(), '（十四）').text}专家表示：${clauseByLabel(opinion(), '（九）').text}`;
    expect(prefilter().mightReprint(page)).toBe(true);
  });

  it('says no for an unrelated notice that shares only boilerplate and numbering', () => {
    const notice =
      '关于开展2026年度安全生产检查的通知\n一、总体要求\n坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大和二十届二中、三中全会精神，坚持稳中求进工作总基调。\n二、检查内容\n（一）检查各单位安全生产责任制落实情况。\n三、工作要求\n各地区各有关部门要结合实际抓好贯彻落实。';
    expect(prefilter().mightReprint(notice)).toBe(false);
  });

  it('says no for the unrelated article appended to seed 001, and for English text', () => {
    const appended = seed('001').slice(seed('001').indexOf('（上接第3版）'));
    expect(prefilter().mightReprint(appended)).toBe(false);
    expect(prefilter().mightReprint('Urban development is a priority. '.repeat(200))).toBe(false);
    expect(prefilter().mightReprint(toTraditional(appended))).toBe(false);
  });
});
