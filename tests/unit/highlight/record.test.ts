/**
 * The highlight record: made from a draft, and checked when it arrives from
 * outside (a message, an import) with every problem named.
 */
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS, cleanTags, createHighlight, validateHighlight, type Highlight } from '../../../src/core/highlight/record';
import { searchTokens } from '../../../src/core/highlight/search-tokens';

const ID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

function valid(): Highlight {
  return {
    id: ID,
    url: 'https://www.gov.cn/zhengce/content_1.htm',
    title: '中共中央 国务院关于推动城市高质量发展的意见',
    created: '2025-08-29T01:02:03.456Z',
    modified: '2025-08-29T01:02:03.456Z',
    color: 'green',
    note: '注意“归集”',
    tags: ['产权', '城市更新'],
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: '优化产权归集', prefix: '提高运行效能。', suffix: '、整合、置换' },
      position: { type: 'TextPositionSelector', start: 100, end: 106 },
    },
    canonical: {
      documentId: 'urban-opinion-2025',
      clauseId: 'c5',
      clause: '（五）',
      canonicalStart: 1718,
      canonicalEnd: 1724,
      exact: '优化产权归集',
      prefix: '提高运行效能。',
      suffix: '、整合、置换',
    },
  };
}

describe('creating a highlight', () => {
  it('fills id, times, colour, note and tags from a draft', () => {
    const r = createHighlight(
      { url: 'https://www.gov.cn/a.htm?utm_source=x#p1', title: 't', selectors: valid().selectors },
      ID,
      new Date('2025-09-01T00:00:00Z'),
    );
    expect(r).toEqual({
      ok: true,
      value: {
        id: ID,
        url: 'https://www.gov.cn/a.htm',
        title: 't',
        created: '2025-09-01T00:00:00.000Z',
        modified: '2025-09-01T00:00:00.000Z',
        color: 'yellow',
        note: '',
        tags: [],
        selectors: valid().selectors,
      },
    });
  });

  it('makes a random UUID when none is given', () => {
    const r = createHighlight({ url: 'https://example.org/', title: '', selectors: valid().selectors });
    expect(r.ok && /^[0-9a-f-]{36}$/.test(r.value.id)).toBe(true);
  });

  it('cleans tags: trimmed, spaces collapsed, empty and repeated ones dropped', () => {
    expect(cleanTags([' 城市 ', '城市', '', '  ', 'a   b'])).toEqual(['城市', 'a b']);
  });
});

describe('validating an untrusted highlight', () => {
  it('accepts a valid record and returns an equal copy', () => {
    const r = validateHighlight(valid());
    expect(r).toEqual({ ok: true, value: valid() });
  });

  it('drops unknown fields instead of passing them on', () => {
    const r = validateHighlight({ ...valid(), evil: '<script>', selectors: { ...valid().selectors, extra: 1 } });
    expect(r.ok && Object.keys(r.value)).not.toContain('evil');
    expect(r.ok && Object.keys(r.value.selectors)).toEqual(['quote', 'position']);
  });

  it('normalizes the URL it is given', () => {
    const r = validateHighlight({ ...valid(), url: 'https://www.gov.cn/zhengce/content_1.htm?spm=1#x' });
    expect(r.ok && r.value.url).toBe('https://www.gov.cn/zhengce/content_1.htm');
  });

  it('names each problem', () => {
    const bad = {
      ...valid(),
      id: 'not-a-uuid',
      url: 'file:///etc/passwd',
      created: '2025-08-29',
      modified: 1756429323456,
      color: 'red',
      tags: ['ok', ''],
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 9, end: 3 },
      },
    };
    const r = validateHighlight(bad);
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    for (const field of ['id', 'url', 'created', 'modified', 'color', 'tags[1]', 'selectors.quote.exact', 'selectors.position.start']) {
      expect(
        problems.some((p) => p.startsWith(field)),
        `${field} in ${problems.join(' | ')}`,
      ).toBe(true);
    }
    expect(problems.find((p) => p.startsWith('color'))).toContain(HIGHLIGHT_COLORS.join(', '));
  });

  it('rejects non-objects, a missing selector, an impossible date, a bad canonical anchor', () => {
    for (const v of [null, 42, 'x', [], undefined]) expect(validateHighlight(v).ok).toBe(false);
    const { selectors: _s, ...noSelectors } = valid();
    expect(validateHighlight(noSelectors).ok).toBe(false);
    expect(validateHighlight({ ...valid(), created: '2025-02-30T00:00:00.000Z' }).ok).toBe(false);
    expect(validateHighlight({ ...valid(), canonical: { ...valid().canonical, clauseId: '' } }).ok).toBe(false);
    expect(validateHighlight({ ...valid(), canonical: { ...valid().canonical, canonicalStart: -1 } }).ok).toBe(false);
  });

  it('accepts a record without a canonical anchor', () => {
    const { canonical: _c, ...plain } = valid();
    const r = validateHighlight(plain);
    expect(r.ok && 'canonical' in r.value).toBe(false);
  });

  it('bounds the sizes a message can carry', () => {
    expect(validateHighlight({ ...valid(), note: 'x'.repeat(20_001) }).ok).toBe(false);
    expect(validateHighlight({ ...valid(), tags: Array.from({ length: 65 }, (_, i) => `t${i}`) }).ok).toBe(false);
  });
});

describe('search tokens', () => {
  it('cuts Chinese into character bigrams and Latin into lower-case words, after normalization', () => {
    expect(searchTokens('城市更新')).toEqual(['城市', '市更', '更新']);
    expect(searchTokens('ＡＩ赋能 Smart City')).toEqual(['ai', '赋能', 'smart', 'city']);
    expect(searchTokens('优化产权归集', '归集')).toEqual(['优化', '化产', '产权', '权归', '归集']);
    expect(searchTokens('城，市')).toEqual(['城', '市']);
  });
});
