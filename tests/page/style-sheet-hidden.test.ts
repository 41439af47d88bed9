import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractText } from '../../src/page/extract-text';
import { hidingRules, hiddenByStyleSheets, specificity } from '../../src/page/style-sheet-hidden';

/** The page text the CLI reads from `body` under the style sheet `css`. */
function textUnder(css: string, body: string): string {
  const { document } = parseHTML(`<!doctype html><html><head><style>${css}</style></head><body>${body}</body></html>`);
  return extractText(document, { isHidden: hiddenByStyleSheets(document) }).text;
}

describe('hiddenByStyleSheets: what the page’s own style sheets hide', () => {
  it('leaves out a share menu the page hides by class, as a browser does', () => {
    const text = textUnder('.share-menu { display: none; }', '<div class="share-menu"><a>微信</a><a>微博</a></div><p>一、总体要求</p>');
    expect(text).toBe('一、总体要求');
  });

  it('hides by descendant, child and id selectors, and by visibility', () => {
    const css = '#detail > .ad { display:none } .related p { visibility: hidden }';
    const text = textUnder(css, '<div id="detail"><p class="ad">广告</p><p>正文</p></div><div class="related"><p>相关</p></div>');
    expect(text).toBe('正文');
  });

  it('lets a more specific or later rule show the element again', () => {
    expect(textUnder('.tip { display: none } div.tip { display: block }', '<div class="tip">提示</div>')).toBe('提示');
    expect(textUnder('.tip { display: none } .tip { display: block }', '<div class="tip">提示</div>')).toBe('提示');
    expect(textUnder('.tip { display: block } .tip { display: none }', '<div class="tip">提示</div>')).toBe('');
  });

  it('follows !important over specificity and over the inline style', () => {
    expect(textUnder('.tip { display: none !important } #t { display: block }', '<div id="t" class="tip">提示</div>')).toBe('');
    expect(textUnder('.tip { display: none }', '<div class="tip" style="display:block">提示</div>')).toBe('提示');
    expect(textUnder('.tip { display: block !important }', '<div class="tip" style="display:none">提示</div>')).toBe('提示');
  });

  it('lets an author rule show a `hidden` element, as the user-agent sheet loses to it', () => {
    expect(textUnder('[hidden] { display: block }', '<p hidden>隐藏</p>')).toBe('隐藏');
    expect(textUnder('.x { color: red }', '<p hidden>隐藏</p>')).toBe('');
  });

  it('ignores rules inside @media and other at-rules: the CLI has no viewport to test them', () => {
    const css = '@import url(x.css); @media (max-width: 600px) { .wide { display: none } } @supports (display:grid) { p { display:none } }';
    expect(textUnder(css, '<p class="wide">宽屏</p>')).toBe('宽屏');
  });

  it('keeps text a selector linkedom cannot match would hide: showing too much never hides a reprint', () => {
    expect(textUnder('p::before { display: none } p:hover { display: none }', '<p>正文</p>')).toBe('正文');
  });

  it('reads past comments and selector lists', () => {
    expect(
      textUnder('/* .a { display:none } */ .b, .c { display : none }', '<p class="a">甲</p><p class="b">乙</p><p class="c">丙</p>'),
    ).toBe('甲');
  });
});

describe('hidingRules and specificity', () => {
  it('keeps only display and visibility declarations, one rule per selector', () => {
    const rules = hidingRules('.a, #b { color: red; display: none } .c { visibility: visible }');
    expect(rules.map((r) => [r.selector, r.property, r.hides])).toEqual([
      ['.a', 'display', true],
      ['#b', 'display', true],
      ['.c', 'visibility', false],
    ]);
  });

  it('counts ids, classes and types as CSS does', () => {
    expect(specificity('#detail > p.date')).toEqual([1, 1, 1]);
    expect(specificity('ul li a:hover')).toEqual([0, 1, 3]);
    expect(specificity('[data-x="1"] span')).toEqual([0, 1, 1]);
    expect(specificity('p::before')).toEqual([0, 0, 2]);
    expect(specificity(':where(#a) p:is(.b, #c)')).toEqual([1, 0, 1]);
  });
});
