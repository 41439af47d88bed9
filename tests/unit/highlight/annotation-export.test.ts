/**
 * Export formats: W3C Web Annotation JSON-LD, Markdown grouped by document
 * and clause, and the lossless backup; and the one set of file names the
 * extension offers them under.
 */
import { describe, expect, it } from 'vitest';
import {
  ANNOTATION_CONTEXT,
  EXTENSION_PROPERTY,
  backupJson,
  exportFile,
  textFragmentUrl,
  toAnnotationCollection,
  toMarkdown,
  toWebAnnotation,
} from '../../../src/core/highlight/annotation-export';
import { IDS, sampleHighlights } from './highlight-fixture';

const NOW = new Date('2025-09-02T03:04:05.000Z');

describe('W3C Web Annotation export', () => {
  it('writes a commenting annotation with the note, one tagging body per tag, and both selectors', () => {
    const [h] = sampleHighlights();
    expect(toWebAnnotation(h)).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:${IDS[0]}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: '2025-08-29T01:02:03.456Z',
      modified: '2025-08-30T10:00:00.000Z',
      body: [
        { type: 'TextualBody', value: h.note, format: 'text/plain', purpose: 'commenting' },
        { type: 'TextualBody', value: '产权', purpose: 'tagging' },
        { type: 'TextualBody', value: '城市更新', purpose: 'tagging' },
      ],
      target: {
        source: h.url,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: '优化产权归集、整合、置换',
            prefix: h.selectors.quote.prefix,
            suffix: h.selectors.quote.suffix,
          },
          { type: 'TextPositionSelector', start: 1718, end: 1730 },
        ],
      },
      [EXTENSION_PROPERTY]: { title: h.title, color: 'green', canonical: h.canonical },
    });
  });

  it('writes a highlighting annotation without a body when there is no note or tag', () => {
    const a = toWebAnnotation(sampleHighlights()[1]);
    expect(a.motivation).toBe('highlighting');
    expect('body' in a).toBe(false);
  });

  it('collects all annotations in one page of a collection', () => {
    const c = toAnnotationCollection(sampleHighlights(), NOW);
    expect(c['@context']).toBe(ANNOTATION_CONTEXT);
    expect(c.type).toBe('AnnotationCollection');
    expect(c.total).toBe(4);
    expect(c.first.items.map((a) => a.id)).toEqual(IDS.map((id) => `urn:uuid:${id}`));
  });
});

describe('Markdown export', () => {
  const md = toMarkdown(sampleHighlights(), {
    now: NOW,
    documentTitle: (id) => (id === 'urban-opinion-2025' ? '中共中央 国务院关于推动城市高质量发展的意见' : undefined),
    viewerUrl: (doc, clause) => `chrome-extension://abc/viewer.html#doc=${doc}&clause=${clause}`,
  });

  it('groups by document, then by clause in document order, then other pages', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# 原文 Yuanwen highlights',
      '## 《中共中央 国务院关于推动城市高质量发展的意见》',
      '### 序言 · [原文 canonical text](chrome-extension://abc/viewer.html#doc=urban-opinion-2025&clause=s0p1)',
      '### （五） · [原文 canonical text](chrome-extension://abc/viewer.html#doc=urban-opinion-2025&clause=c5)',
      '## Other pages',
      '### [A blog post \\[about\\] cities](https://blog.example.org/post?id=9)',
    ]);
  });

  it('quotes each highlight, shows the canonical words where the page changed them, the note, tags and a link back', () => {
    expect(md).toContain('> 优化产权归集、整合、置换\n');
    expect(md).toContain('> 优化产权归属、整合\n>\n> 原文 canonical: 优化产权归集、整合\n');
    expect(md).toContain('注意“归集”一词。\n第二行 \\*不是\\* 强调');
    expect(md).toContain('#产权 #城市更新');
    expect(md).toContain('#reading-list');
    expect(md).toContain(`](${textFragmentUrl(sampleHighlights()[0])})`);
  });

  it('links with a text fragment that encodes the syntax characters', () => {
    const [, , blog] = sampleHighlights();
    expect(textFragmentUrl(blog)).toBe(
      'https://blog.example.org/post?id=9#:~:text=In%20short%3A-,Cities%20are%20%2D%20for%20now%20%2D%20growing,-%2C%20and%20fast',
    );
    const long = {
      ...blog,
      selectors: { ...blog.selectors, quote: { ...blog.selectors.quote, exact: '城市'.repeat(40), prefix: '', suffix: '' } },
    };
    expect(textFragmentUrl(long)).toBe(
      `https://blog.example.org/post?id=9#:~:text=${encodeURIComponent('城市'.repeat(10))},${encodeURIComponent('城市'.repeat(10))}`,
    );
    const columns = {
      ...blog,
      selectors: { ...blog.selectors, quote: { type: 'TextQuoteSelector' as const, exact: '优化产\n权归集', prefix: '', suffix: '' } },
    };
    expect(textFragmentUrl(columns)).toBe(`https://blog.example.org/post?id=9#:~:text=${encodeURIComponent('优化产权归集')}`);
  });

  it('uses the viewer page relative to the extension by default', () => {
    expect(toMarkdown(sampleHighlights().slice(0, 1))).toContain('(viewer.html#doc=urban-opinion-2025&clause=c5)');
  });
});

describe('backup export', () => {
  it('is the records exactly, with format, version and time', () => {
    const data = JSON.parse(backupJson(sampleHighlights(), NOW));
    expect(data).toEqual({ format: 'yuanwen-backup', version: 1, exportedAt: '2025-09-02T03:04:05.000Z', highlights: sampleHighlights() });
  });
});

describe('export files', () => {
  it('names each file for its kind and day, with its MIME type and the number of highlights', () => {
    const files = (['web-annotation', 'markdown', 'backup'] as const).map((format) => exportFile(format, sampleHighlights(), { now: NOW }));
    expect(files.map(({ filename, mimeType, count }) => ({ filename, mimeType, count }))).toEqual([
      { filename: 'yuanwen-annotations-2025-09-02.jsonld', mimeType: 'application/ld+json', count: 4 },
      { filename: 'yuanwen-highlights-2025-09-02.md', mimeType: 'text/markdown', count: 4 },
      { filename: 'yuanwen-backup-2025-09-02.json', mimeType: 'application/json', count: 4 },
    ]);
    expect(files[2].text).toBe(backupJson(sampleHighlights(), NOW));
  });
});
