import { describe, expect, it } from 'vitest';
import { normalize, toOriginalRange } from '../../../src/core/text/normalize';
import {
  isRegionalWording,
  isTraditional,
  throughConversion,
  toSimplified,
  traditionalCharacters,
} from '../../../src/core/text/traditional';
import { toTraditional, type TraditionalLocale } from '../../fixtures/traditional';
import { seed } from '../corpus-fixture';

const SEEDS = ['000', '001', '002', '003', '004'];
const LOCALES: TraditionalLocale[] = ['t', 'tw', 'hk'];

describe('telling traditional pages from simplified ones', () => {
  it('calls every seed simplified and every OpenCC traditional copy of it traditional', () => {
    for (const s of SEEDS) {
      expect(isTraditional(seed(s)), s).toBe(false);
      for (const locale of LOCALES) expect(isTraditional(toTraditional(seed(s), locale)), `${s} ${locale}`).toBe(true);
    }
  });

  it('calls a simplified page that names a few traditional words simplified', () => {
    const page = seed('001').slice(0, 2000) + '（台湾地区称“國務院”为“中國國務院”，“發展”为“發展”。）';
    expect(isTraditional(page)).toBe(false);
  });

  it('needs more than a handful of traditional characters on a short text', () => {
    expect(isTraditional('國務院')).toBe(false);
    expect(
      isTraditional(
        '（十四）加強房屋和市政基礎設施安全管理。建立房屋安全體檢、房屋安全管理資金、房屋質量安全保險等房屋全生命週期安全管理制度。',
      ),
    ).toBe(true);
  });

  it('lists only characters that simplified writing never uses', () => {
    const map = traditionalCharacters();
    expect(map.get('國')).toBe('国');
    expect(map.get('發')).toBe('发');
    for (const both of ['乾', '著', '干', '国', '于', '後']) expect(map.has(both), both).toBe(both === '後');
  });
});

describe('converting to simplified characters', () => {
  it('gives back each seed exactly from its t, tw and hk copies, character for character', () => {
    for (const s of SEEDS) {
      const simplified = seed(s);
      for (const locale of LOCALES) {
        const converted = toSimplified(toTraditional(simplified, locale));
        expect(converted.text === simplified, `${s} ${locale}`).toBe(true);
        expect(converted.originalLength).toBe(simplified.length);
        const identity = converted.starts.every((v, i) => v === i) && converted.ends.every((v, i) => v === i + 1);
        expect(identity, `${s} ${locale} offsets`).toBe(true);
      }
    }
  });

  it('undoes Taiwan and Hong Kong variants in one pass', () => {
    expect(toSimplified('裡面、朝著、衞生、綫路、説明、著作').text).toBe('里面、朝着、卫生、线路、说明、著作');
  });

  it('converts phrases as phrases', () => {
    expect(toSimplified('乾淨的乾坤').text).toBe('干净的乾坤');
    expect(toSimplified('頭髮和發展').text).toBe('头发和发展');
  });

  it('keeps characters outside the tables, astral ones included', () => {
    const text = 'ABC 123 𠀋𠀋 〔三〕';
    const converted = toSimplified(text);
    expect(converted.text).toBe(text);
    expect([...converted.starts]).toEqual(Array.from({ length: text.length }, (_, i) => i));
  });
});

describe('offsets through conversion and normalization', () => {
  it('index the page as printed', () => {
    const page = '（十四）加 強 房屋和市政\n基礎設施安全管理。';
    const simplified = toSimplified(page);
    const norm = throughConversion(normalize(simplified.text), simplified);
    expect(norm.text).toBe('（十四）加强房屋和市政基础设施安全管理。');
    expect(norm.originalLength).toBe(page.length);
    const at = norm.text.indexOf('加强');
    const [start, end] = toOriginalRange(norm, at, at + 2);
    expect(page.slice(start, end)).toBe('加 強');
    const base = norm.text.indexOf('基础');
    const [s2, e2] = toOriginalRange(norm, base - 2, base + 2);
    expect(page.slice(s2, e2)).toBe('市政\n基礎');
  });
});

describe('Taiwan and Hong Kong words for mainland ones', () => {
  /** The first difference of two texts as ranges, as the compare stage would report it. */
  const differ = (page: string, canonical: string) => {
    let start = 0;
    while (start < page.length && page[start] === canonical[start]) start++;
    let tail = 0;
    while (tail < page.length - start && tail < canonical.length - start && page.at(-1 - tail) === canonical.at(-1 - tail)) tail++;
    return isRegionalWording(page, start, page.length - tail, canonical, start, canonical.length - tail);
  };

  it('excuse a word the region uses for the canonical one, whole or in part', () => {
    expect(differ('推进城市资讯化建设', '推进城市信息化建设')).toBe(true); // 資訊 / 信息
    expect(differ('加快最佳化营商环境', '加快优化营商环境')).toBe(true); // 最佳化 / 优化: only 最佳 / 优 differ
    expect(differ('发展高阶制造业', '发展高端制造业')).toBe(true); // 高階 stands for 高端 and for 高级
    expect(differ('建设移动通信网路', '建设移动通信网络')).toBe(true);
  });

  it('never excuse a change of meaning', () => {
    expect(differ('推进城市数字化建设', '推进城市信息化建设')).toBe(false);
    expect(differ('加快改善营商环境', '加快优化营商环境')).toBe(false);
    expect(differ('发展低阶制造业', '发展高端制造业')).toBe(false);
  });
});
