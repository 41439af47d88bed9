/**
 * The language override (src/platform/i18n.ts): catalogs formatted the way
 * `i18n.getMessage` formats them, and both languages carry the same keys
 * with the same placeholders.
 */
import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zh from '../../../public/_locales/zh_CN/messages.json';
import {
  effectiveLanguageTag,
  formatMessage,
  overriddenMessage,
  parseLanguageChoice,
  setLanguageOverride,
} from '../../../src/platform/i18n';

type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

describe('formatMessage', () => {
  it('fills named placeholders from $1…$9, case-insensitively, and reads $$ as a dollar sign', () => {
    const entry = { message: '$LABEL$：$Count$ 处，$$5', placeholders: { label: { content: '$1' }, count: { content: '$2' } } };
    expect(formatMessage(entry, ['（三）', '4'])).toBe('（三）：4 处，$5');
    expect(formatMessage(entry, '（三）')).toBe('（三）： 处，$5');
  });

  it('does not expand placeholders inside substituted text', () => {
    expect(formatMessage({ message: '「$Q$」', placeholders: { q: { content: '$1' } } }, '$Q$ $1')).toBe('「$Q$ $1」');
  });
});

describe('the catalogs', () => {
  const names = (c: Catalog, key: string) => Object.keys(c[key].placeholders ?? {}).sort();
  it('zh_CN and en have the same keys and placeholders', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect(names(zh as Catalog, key), key).toEqual(names(en as Catalog, key));
  });
});

describe('the override', () => {
  it('answers in the pinned language, and nothing when the browser decides', () => {
    setLanguageOverride('en');
    expect(overriddenMessage('popupCoverage', '100')).toBe(formatMessage((en as Catalog).popupCoverage, '100'));
    expect(effectiveLanguageTag('zh-CN')).toBe('en');
    setLanguageOverride('zh_CN');
    expect(overriddenMessage('popupNoDocument')).toBe('未发现已收录的文件');
    setLanguageOverride(parseLanguageChoice('klingon'));
    expect(overriddenMessage('popupNoDocument')).toBeUndefined();
    expect(effectiveLanguageTag('en-US')).toBe('en');
    expect(effectiveLanguageTag('fr')).toBe('zh-CN');
  });

  it('offers traditional Chinese: pinned, or the browser’s zh-TW', () => {
    setLanguageOverride(parseLanguageChoice('zh_TW'));
    expect(overriddenMessage('popupNoDocument')).toBe('未發現已收錄的文件');
    expect(effectiveLanguageTag('zh-CN')).toBe('zh-TW');
    setLanguageOverride('browser');
    expect(effectiveLanguageTag('zh-TW')).toBe('zh-TW');
    expect(effectiveLanguageTag('zh-Hant-HK')).toBe('zh-TW');
    expect(effectiveLanguageTag('zh-CN')).toBe('zh-CN');
  });
});
