import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/core/evidence/escape-html';

describe('escapeHtml: page text is text, never markup', () => {
  it('escapes the markup characters', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
  });

  it('leaves Chinese text and entities-to-be as they are, escaping the ampersand once', () => {
    expect(escapeHtml('第一条　&lt;已转义&gt;')).toBe('第一条　&amp;lt;已转义&amp;gt;');
  });

  it('reads back exactly as the same string from text and from a double-quoted attribute', () => {
    const hostile = `"><img src=x onerror=alert(1)><!-- </textarea></title></code></pre>\r\n'&amp;\u2028end`;
    const { document } = parseHTML(`<p title="${escapeHtml(hostile)}">${escapeHtml(hostile)}</p>`);
    const p = document.querySelector('p')!;
    expect(p.textContent).toBe(hostile);
    expect(p.getAttribute('title')).toBe(hostile);
    expect(document.querySelector('img')).toBeNull();
  });

  it('writes CR as a character reference, which an HTML parser does not turn into LF', () => {
    expect(escapeHtml('a\r\nb\rc')).toBe('a&#13;\nb&#13;c');
  });
});
