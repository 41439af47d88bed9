import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { evidenceFileName, renderEvidence } from '../../../src/core/evidence/evidence-report';
import { PAGE_TEXT_ELEMENT_ID, isEvidenceReport } from '../../../src/core/evidence/page-text-block';
import { CORPUS_SCHEMA } from '../../../src/core/corpus/corpus';
import type { Highlight } from '../../../src/core/highlight/record';
import { opinion, seed } from '../corpus-fixture';
import { sampleHighlights } from '../highlight/highlight-fixture';
import { CHECKED_AT, evidenceInput, evidenceOf } from './evidence-fixture';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const textOf = (document: Document, selector: string) => document.querySelector(selector)?.textContent ?? '';

/** Seed 001 with markup written into its text, title and address, as a hostile page would. */
function hostilePage(): string {
  return seed('001')
    .replace('（一）', '（一）<script>window.pwned=1</script><img src=x onerror="alert(1)">')
    .replace('强化中长期信贷供给', '强化中长期</td></tr></table><iframe src="https://evil.example/">信贷供给');
}

describe('evidence report: a self-contained record of what the page changed', () => {
  it('puts the summary first: the page, when it was checked, and the finding', () => {
    const { document } = evidenceOf(seed('001'));
    const headings = [...document.querySelectorAll('main h2')].map((h) => h.textContent);
    expect(headings[0]).toBe('摘要');
    const summary = textOf(document, '.summary');
    expect(summary).toContain('https://news.example.cn/2025/08/opinion.html');
    expect(summary).toContain('2026-12-01 17:14:34 UTC+08:00 (Asia/Shanghai)');
    expect(summary).toContain('本页转载《中共中央 国务院关于推动城市高质量发展的意见》');
    expect(summary).toMatch(/\d+ 处与原文不符/);
    expect(summary).toContain('转载方式全文转载');
    expect(summary).toContain('覆盖原文');
    expect(summary).toContain('逐字一致');
    expect(document.querySelector('.summary time')?.getAttribute('datetime')).toBe('2026-12-01T17:14:34+08:00');
  });

  it('lists every deviation once, by clause in canonical order, canonical and page readings side by side with the change marked', () => {
    const input = evidenceInput(seed('001'));
    const { document } = evidenceOf(seed('001'));
    const rows = [...document.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(input.report.deviations.length);
    expect(input.report.deviations.length).toBeGreaterThan(15);
    const inReport = input.report.deviations.map((d) => `${d.kind}@${d.pageStart}-${d.pageEnd}`).sort();
    const inFile = rows.map(
      (r) => `${r.getAttribute('data-kind')}@${r.getAttribute('data-page-start')}-${r.getAttribute('data-page-end')}`,
    );
    expect([...inFile].sort()).toEqual(inReport);
    for (const d of input.report.deviations.filter((x) => x.kind === 'substitution')) {
      const row = rows.find((r) => r.getAttribute('data-page-start') === String(d.pageStart) && r.getAttribute('data-kind') === d.kind)!;
      expect(row.querySelector('th')!.textContent).toBe(d.clause || '序言');
      expect(row.querySelector('del')!.textContent).toBe(d.canonicalText);
      expect(row.querySelector('ins')!.textContent).toBe(d.pageText);
    }
  });

  it('states the SHA-256 of the page text as extracted and of the canonical text, and keeps the text itself, collapsed', () => {
    const text = seed('001');
    const { html, document } = evidenceOf(text);
    expect(html).toContain(nodeSha256(text));
    expect(html).toContain(nodeSha256(opinion().text));
    const kept = document.getElementById(PAGE_TEXT_ELEMENT_ID)!;
    expect(kept.closest('details')).not.toBeNull();
    expect(kept.textContent).toBe(text);
  });

  it('records the canonical document’s provenance: issuer, number, date, witnesses, collation', () => {
    const { document } = evidenceOf(seed('001'));
    const doc = opinion();
    const section = textOf(document, 'section[aria-labelledby="canonical"]');
    for (const fact of [doc.issuer, doc.date, doc.collation, ...doc.witnesses.map((w) => w.description)]) expect(section).toContain(fact);
  });

  it('calls a faithful reprint faithful and a spun copy heavily altered, with its most frequent substitutions', () => {
    const faithful = evidenceOf(seed('000')).document;
    expect(textOf(faithful, '.summary .verdict')).toBe('与原文一致。');
    expect(faithful.querySelectorAll('tbody tr')).toHaveLength(0);

    const spun = evidenceOf(seed('002'), { language: 'en' }).document;
    expect(textOf(spun, '.summary .verdict')).toBe('Heavily altered: far from the original.');
    expect(spun.querySelectorAll('.summary ul li').length).toBeGreaterThan(3);
  });

  it('says so when no bundled document is on the page', () => {
    const { document } = evidenceOf('这是一则与任何已收录文件都无关的通知。'.repeat(10));
    expect(textOf(document, '.summary')).toContain('本页未发现已收录的文件。');
    expect(document.querySelector('table')).toBeNull();
  });

  it('is written in English or Chinese per the UI language', () => {
    expect(evidenceOf(seed('001'), { language: 'en' }).document.documentElement.getAttribute('lang')).toBe('en');
    expect(textOf(evidenceOf(seed('001'), { language: 'en' }).document, 'h1')).toBe('Yuanwen evidence report');
    expect(evidenceOf(seed('001')).document.documentElement.getAttribute('lang')).toBe('zh-CN');
    // A language the report has no words for reads simplified Chinese.
    expect(textOf(evidenceOf(seed('001'), { language: 'zh_TW' }).document, 'h1')).toBe('原文核查记录');
  });

  it('gives the same file for the same input', () => {
    expect(renderEvidence(evidenceInput(seed('001')))).toBe(renderEvidence(evidenceInput(seed('001'))));
  });

  it('needs no script and loads nothing: no script elements, no external URLs, a CSP that forbids both', () => {
    const { html, document } = evidenceOf(seed('001'), { screenshot: 'data:image/png;base64,iVBORw0KGgo=' });
    expect(document.querySelectorAll('script, link, iframe, object, embed')).toHaveLength(0);
    expect(html).toContain(`default-src 'none'`);
    for (const element of document.querySelectorAll('[src]')) expect(element.getAttribute('src')).toMatch(/^data:image\//);
    expect(isEvidenceReport(html)).toBe(true);
    expect(isEvidenceReport('<!doctype html><title>a page</title>')).toBe(false);
  });

  it('a hostile page’s markup stays text: title, address, page text and deviations cannot inject elements', () => {
    const text = hostilePage();
    const { document } = evidenceOf(text, {
      page: {
        url: 'javascript:alert(1)//"><script>x()</script>',
        title: '<img src=x onerror=alert(1)></title><script>alert(2)</script>',
        text,
        checkedAt: CHECKED_AT,
      },
    });
    expect(document.querySelectorAll('script, iframe, img')).toHaveLength(0);
    for (const element of document.querySelectorAll('*')) {
      for (const name of element.getAttributeNames()) expect(name.startsWith('on'), `${element.tagName} ${name}`).toBe(false);
    }
    // Not a link: only http(s) addresses are.
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
    expect(textOf(document, 'title')).toContain('<img src=x onerror=alert(1)></title><script>alert(2)</script>');
    expect(document.getElementById(PAGE_TEXT_ELEMENT_ID)!.textContent).toBe(text);
    const insertions = [...document.querySelectorAll('tbody ins')].map((e) => e.textContent ?? '');
    expect(insertions.some((ins) => ins.includes('</td></tr></table><iframe src="https://evil.example/">'))).toBe(true);
  });

  it('keeps the page text exactly, CR and leading newline included, so its digest can be checked again', () => {
    const text = '\n\r\n' + seed('001').replace(/\n/g, '\r\n');
    const { html, document } = evidenceOf(text);
    expect(document.getElementById(PAGE_TEXT_ELEMENT_ID)!.textContent).toBe(text);
    expect(html).toContain(nodeSha256(text));
  });

  it('includes a screenshot only as a PNG or JPEG data URL', () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    expect(evidenceOf(seed('001'), { screenshot: png }).document.querySelector('.screenshot img')?.getAttribute('src')).toBe(png);
    for (const bad of ['data:text/html;base64,PHNjcmlwdD4=', 'https://evil.example/x.png', 'data:image/png;base64,"><script>']) {
      const { document } = evidenceOf(seed('001'), { screenshot: bad });
      expect(document.querySelector('.screenshot img'), bad).toBeNull();
      expect(textOf(document, '.screenshot')).toContain('没有截图');
    }
  });

  it('leaves highlights and notes out unless they are passed in, and escapes them when they are', () => {
    const withoutNotes = evidenceOf(seed('001')).document;
    expect(withoutNotes.querySelector('section[aria-labelledby="highlights"]')).toBeNull();

    const highlight: Highlight = { ...sampleHighlights()[0], note: '私人笔记 <b onclick="x()">不要转发</b>', tags: ['核查'] };
    const withNotes = evidenceOf(seed('001'), { highlights: [highlight] }).document;
    const section = textOf(withNotes, 'section[aria-labelledby="highlights"]');
    expect(section).toContain('（五）「优化产权归集、整合、置换」');
    expect(section).toContain('私人笔记 <b onclick="x()">不要转发</b>');
    expect(section).toContain('#核查');
    expect(withNotes.querySelector('b[onclick]')).toBeNull();
  });

  it('says how to re-check, with the Yuanwen and corpus versions', () => {
    const { document } = evidenceOf(seed('001'));
    const recheck = textOf(document, 'section[aria-labelledby="recheck"]');
    expect(recheck).toContain('yuanwen check');
    expect(recheck).toContain('0.1.0');
    expect(recheck).toMatch(new RegExp(`schema ${CORPUS_SCHEMA} · 2 documents · sha256 [0-9a-f]{64}`));
  });

  it('names the file by the local time of the check', () => {
    expect(evidenceFileName(CHECKED_AT)).toBe('yuanwen-evidence-20261201-171434.html');
  });
});
