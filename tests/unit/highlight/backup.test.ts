/**
 * Importing: a backup or our Web Annotation export comes back as identical
 * records; anything wrong gives one clear message and no records.
 */
import { describe, expect, it } from 'vitest';
import { backupJson, toAnnotationCollection, toWebAnnotation, webAnnotationJson } from '../../../src/core/highlight/annotation-export';
import { MAX_IMPORT_BYTES, MAX_IMPORT_RECORDS, checkImportSize, parseImport, type ImportResult } from '../../../src/core/highlight/backup';
import { IDS, sampleHighlights } from './highlight-fixture';

const NOW = new Date('2025-09-02T03:04:05.000Z');

function failure(result: ImportResult): string {
  expect(result.ok).toBe(false);
  expect('highlights' in result).toBe(false);
  return result.ok ? '' : result.message;
}

describe('round trips', () => {
  it('backup → parse gives identical records', () => {
    const result = parseImport(backupJson(sampleHighlights(), NOW));
    expect(result).toEqual({ ok: true, format: 'backup', highlights: sampleHighlights() });
  });

  it('Web Annotation collection → parse gives identical records (colour, title and canonical anchor included)', () => {
    const result = parseImport(webAnnotationJson(sampleHighlights(), NOW));
    expect(result).toEqual({ ok: true, format: 'web-annotation', highlights: sampleHighlights() });
  });

  it('reads a single annotation, a list of them, and a page', () => {
    const [h] = sampleHighlights();
    expect(parseImport(JSON.stringify(toWebAnnotation(h)))).toMatchObject({ ok: true, highlights: [h] });
    expect(parseImport(JSON.stringify(sampleHighlights().map(toWebAnnotation)))).toMatchObject({
      ok: true,
      highlights: sampleHighlights(),
    });
    expect(parseImport(JSON.stringify(toAnnotationCollection(sampleHighlights()).first))).toMatchObject({
      ok: true,
      highlights: sampleHighlights(),
    });
  });

  it('reads an annotation from another tool, without our extension, with defaults', () => {
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:${IDS[2]}`,
      type: 'Annotation',
      created: '2025-01-01T00:00:00.000Z',
      body: { type: 'TextualBody', value: 'a note' },
      target: {
        source: 'https://example.org/a#x',
        selector: [
          { type: 'TextQuoteSelector', exact: 'words' },
          { type: 'TextPositionSelector', start: 3, end: 8 },
        ],
      },
    };
    const result = parseImport(JSON.stringify(foreign));
    expect(result).toMatchObject({
      ok: true,
      highlights: [
        {
          id: IDS[2],
          url: 'https://example.org/a',
          color: 'yellow',
          title: '',
          note: 'a note',
          tags: [],
          modified: '2025-01-01T00:00:00.000Z',
          selectors: { quote: { prefix: '', suffix: '' } },
        },
      ],
    });
  });

  it('accepts an empty backup and a byte-order mark', () => {
    expect(parseImport('\uFEFF' + backupJson([], NOW))).toEqual({ ok: true, format: 'backup', highlights: [] });
  });
});

describe('import failures: one message, no records', () => {
  it('malformed JSON', () => {
    expect(failure(parseImport('{"format": "yuanwen-backup", "version": 1, "highl'))).toMatch(
      /^This file is not valid JSON \(.+\)\. Nothing was imported\.$/,
    );
  });

  it('another format', () => {
    expect(failure(parseImport('{"format": "hypothesis-export", "version": 1, "highlights": []}'))).toContain('not "yuanwen-backup"');
    expect(failure(parseImport('{"rows": []}'))).toContain('neither a Yuanwen backup');
    expect(failure(parseImport('42'))).toContain('neither a Yuanwen backup');
  });

  it('a newer or unknown version', () => {
    expect(failure(parseImport('{"format": "yuanwen-backup", "version": 2, "highlights": []}'))).toContain('newer Yuanwen');
    expect(failure(parseImport('{"format": "yuanwen-backup", "version": "1", "highlights": []}'))).toContain('version "1"');
  });

  it('a backup without a list of highlights', () => {
    expect(failure(parseImport('{"format": "yuanwen-backup", "version": 1, "highlights": {}}'))).toContain('no list of highlights');
  });

  it('a bad record, named by its number and its problem', () => {
    const records = sampleHighlights() as unknown as Record<string, unknown>[];
    records[2] = { ...records[2], color: 'red' };
    const message = failure(
      parseImport(JSON.stringify({ format: 'yuanwen-backup', version: 1, exportedAt: NOW.toISOString(), highlights: records })),
    );
    expect(message).toBe(
      'Highlight 3 of 4 is not valid: color must be one of yellow, green, blue, pink, purple (got "red"). Nothing was imported.',
    );
  });

  it('a bad annotation', () => {
    const items = sampleHighlights().map(toWebAnnotation) as unknown as Record<string, unknown>[];
    items[1] = { ...items[1], target: { source: 'javascript:alert(1)' } };
    const message = failure(parseImport(JSON.stringify(items)));
    expect(message).toMatch(/^Highlight 2 of 4 is not valid: url must be an http or https URL/);
  });

  it('two records with one id', () => {
    const records = sampleHighlights();
    records[3] = { ...records[3], id: records[0].id };
    expect(failure(parseImport(backupJson(records, NOW)))).toBe(
      `Highlight 4 of 4 has the same id as highlight 1 (${IDS[0]}). Nothing was imported.`,
    );
  });

  it('too many records', () => {
    const text = `{"format":"yuanwen-backup","version":1,"exportedAt":"${NOW.toISOString()}","highlights":[${'0,'.repeat(MAX_IMPORT_RECORDS)}0]}`;
    expect(failure(parseImport(text))).toBe(
      `This file holds ${MAX_IMPORT_RECORDS + 1} highlights; Yuanwen imports at most 100000 at once. Nothing was imported.`,
    );
  });

  it('an oversized file, before and after reading it', () => {
    expect(checkImportSize(MAX_IMPORT_BYTES)).toBeNull();
    expect(checkImportSize(80 * 1024 * 1024)).toBe('This file is 80 MB; Yuanwen imports files of at most 50 MB. Nothing was imported.');
    // 17.5 M Chinese characters are 52.5 MB of UTF-8.
    const huge = `{"x":"${'城'.repeat(17_500_000)}"}`;
    expect(failure(parseImport(huge))).toBe(
      'This file is larger than 50 MB; Yuanwen imports files of at most 50 MB. Nothing was imported.',
    );
  });
});
