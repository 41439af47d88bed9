import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractText, extractTextInSlices, hiddenByMarkup, LAYOUT_DEPTH, type ExtractedText } from '../../src/page/extract-text';

function extract(bodyHtml: string, options?: Parameters<typeof extractText>[1]): ExtractedText & { document: Document } {
  const { document } = parseHTML(`<!doctype html><html><head><title>标题</title></head><body>${bodyHtml}</body></html>`);
  return { ...extractText(document, options), document };
}

/** HTML whitespace as one kind: a collapsed space maps to the first character of its run. */
const sameWhitespace = (s: string): string => s.replace(/[ \t\n\r\f]/g, ' ');

/** Every character that has a segment must equal the DOM character it maps to. */
function expectMapFaithful({ text, map }: ExtractedText): void {
  let covered = 0;
  for (const segment of map.segments) {
    expect(sameWhitespace(text.slice(segment.start, segment.start + segment.length))).toBe(
      sameWhitespace(segment.node.data.slice(segment.nodeOffset, segment.nodeOffset + segment.length)),
    );
    covered += segment.length;
  }
  // Only synthetic line breaks are left without a segment.
  expect(text.length - covered).toBe([...text].filter((c) => c === '\n').length);
}

describe('extractText', () => {
  it('keeps inline formatting inside one run of text', () => {
    const result = extract('<p><strong>（一）</strong>稳妥有序<em>推动</em>城市群一体化。</p>');
    expect(result.text).toBe('（一）稳妥有序推动城市群一体化。');
    expectMapFaithful(result);
  });

  it('turns block boundaries and <br> into single line breaks, never leading or trailing', () => {
    const result = extract('<div><h1>一、总体要求</h1><p>第一段。</p><p>第二段<br>续行<br><br>再续</p></div><footer>页脚</footer>');
    expect(result.text).toBe('一、总体要求\n第一段。\n第二段\n续行\n再续\n页脚');
    expectMapFaithful(result);
  });

  it('collapses HTML whitespace like a browser, keeps ideographic spaces', () => {
    const result = extract('<p>\n    　　城市是现代化建设的\n    重要载体，  人民 幸福\t生活\n</p><p>  激 活 城 市  </p>');
    expect(result.text).toBe('　　城市是现代化建设的 重要载体， 人民 幸福 生活\n激 活 城 市');
    expectMapFaithful(result);
  });

  it('keeps whitespace inside <pre>', () => {
    const result = extract('<pre>第一行\n  第二行</pre>');
    expect(result.text).toBe('第一行\n  第二行');
  });

  it('skips script, style, noscript, template, nav, form fields and buttons', () => {
    const result = extract(
      '<nav>首页 时政</nav><div role="navigation">导航</div><script>var a="脚本"</script><style>p{}</style>' +
        '<noscript>请启用</noscript><template><p>模板</p></template><p>正文</p>' +
        '<form><label>搜索</label><input value="输入"><textarea>文本框</textarea><select><option>选项</option></select><button>提交</button></form>',
    );
    expect(result.text).toBe('正文\n搜索');
  });

  it('skips hidden, aria-hidden and contenteditable', () => {
    const result = extract(
      '<p hidden>隐藏</p><p style="color:red; display: none">不显示</p><p style="visibility:hidden">不可见</p>' +
        '<p aria-hidden="true">读屏隐藏</p><p aria-hidden="false">可见一</p><div contenteditable="true">编辑区</div>' +
        '<div contenteditable="false">可见二</div>',
    );
    expect(result.text).toBe('可见一\n可见二');
  });

  it('reads a page element that claims to be our UI (no attribute hides text from the check)', () => {
    const result = extract('<p data-yuanwen-ui>正文一</p><yuanwen-ui>正文二</yuanwen-ui>');
    expect(result.text).toBe('正文一\n正文二');
  });

  it('judges the descendants of an unrendered subtree by markup, asking the layout predicate nothing below it', () => {
    const asked: string[] = [];
    const result = extract('<div class="cv"><p>甲</p><p hidden>乙</p><div><p>丙</p></div></div><p>丁</p>', {
      isHidden: (element) => {
        asked.push(element.localName + (element.getAttribute('class') ? `.${element.getAttribute('class')}` : ''));
        return element.getAttribute('class') === 'cv' ? 'unrendered' : false;
      },
    });
    expect(result.text).toBe('甲\n丙\n丁');
    expect(asked).toEqual(['body', 'div.cv', 'p']);
  });

  it('asks the layout predicate nothing deeper than LAYOUT_DEPTH levels (a hostile page nests thousands)', () => {
    let asked = 0;
    const depth = LAYOUT_DEPTH * 4;
    const result = extract(`${'<div>'.repeat(depth)}<p hidden>藏</p><p>深处</p>${'</div>'.repeat(depth)}`, {
      isHidden: () => {
        asked++;
        return false;
      },
    });
    expect(result.text).toBe('深处');
    expect(asked).toBeLessThanOrEqual(LAYOUT_DEPTH + 1);
  });

  it('uses an injected hidden predicate instead of the markup default', () => {
    const result = extract('<p class="sr">甲</p><p hidden>乙</p><p>丙</p>', {
      isHidden: (element) => element.getAttribute('class') === 'sr',
    });
    expect(result.text).toBe('乙\n丙');
    expect(hiddenByMarkup(result.document.querySelector('p[hidden]')!)).toBe(true);
  });

  it('does not read iframes unless asked (and linkedom has no frame documents)', () => {
    const result = extract('<p>前</p><iframe src="x.html"></iframe><p>后</p>', { readFrames: true });
    expect(result.text).toBe('前\n后');
  });

  it('accepts an element as root', () => {
    const { document } = parseHTML('<html><body><div id="a"><p>甲</p><p>乙</p></div><p>丙</p></body></html>');
    expect(extractText(document.getElementById('a')!).text).toBe('甲\n乙');
  });

  it('maps text offsets back to Text nodes and offsets', () => {
    const result = extract('<p><strong>（一）</strong>稳妥\n  有序</p><p>推动</p>');
    const { text, map } = result;
    expect(text).toBe('（一）稳妥 有序\n推动');

    const label = map.locateStart(0)!;
    expect(label.node.data).toBe('（一）');
    expect(label.offset).toBe(0);

    const afterSpace = map.locateStart(text.indexOf('有'))!;
    expect(afterSpace.node.data.slice(afterSpace.offset, afterSpace.offset + 2)).toBe('有序');

    const collapsed = map.locateStart(text.indexOf(' '))!;
    expect(collapsed.node.data[collapsed.offset]).toBe('\n');

    // A synthetic break resolves forwards for starts and backwards for ends.
    const breakAt = text.indexOf('\n');
    expect(map.locateStart(breakAt)!.node.data).toBe('推动');
    const end = map.locateEnd(breakAt + 1)!;
    expect(end.node.data.slice(0, end.offset).endsWith('有序')).toBe(true);

    const labelEnd = map.locateEnd(3)!;
    expect(labelEnd.node.data).toBe('（一）');
    expect(labelEnd.offset).toBe(3);

    expect(map.locateStart(text.length)).toBeUndefined();
    expect(map.locateEnd(0)).toBeUndefined();
    expect(map.locateEnd(text.length)!.node.data).toBe('推动');
  });

  it('returns empty text for an empty or fully hidden page', () => {
    expect(extract('').text).toBe('');
    expect(extract('<div hidden><p>甲</p></div>').text).toBe('');
  });
});

describe('extractTextInSlices', () => {
  const pagesDir = resolve(import.meta.dirname, '../fixtures/pages');
  const pages = readdirSync(pagesDir)
    .filter((f) => f.endsWith('.html'))
    .sort();

  it.each(pages)('reads %s exactly as extractText does, however often it stops', async (file) => {
    const { document } = parseHTML(readFileSync(resolve(pagesDir, file), 'utf8'));
    const whole = extractText(document);
    let yields = 0;
    const sliced = await extractTextInSlices(document, { shouldYield: () => true, yieldToPage: async () => void yields++ });
    expect(sliced!.text).toBe(whole.text);
    expect(sliced!.map.segments).toEqual(whole.map.segments);
    if (document.querySelectorAll('*').length > 64) expect(yields).toBeGreaterThan(0);
  });

  it('matches extractText on nested inline, block, pre and hidden markup', async () => {
    const html =
      '<div><h1>一、总体要求</h1><p><strong>（一）</strong>稳妥<em>有序</em>推动<br>续行</p><pre> 保留  空格 </pre><div hidden>藏</div><nav>导航</nav><p>  激 活 城 市  </p></div>'.repeat(
        40,
      );
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const sliced = await extractTextInSlices(document, { shouldYield: () => true, yieldToPage: async () => undefined });
    expect(sliced!.text).toBe(extractText(document).text);
  });

  it('stops when cancelled after a yield', async () => {
    const { document } = parseHTML(`<!doctype html><html><body>${'<p>段落</p>'.repeat(500)}</body></html>`);
    let yields = 0;
    const sliced = await extractTextInSlices(document, {
      shouldYield: () => true,
      yieldToPage: async () => void yields++,
      cancelled: () => yields >= 2,
    });
    expect(sliced).toBeUndefined();
    expect(yields).toBe(2);
  });
});
