/**
 * Reading an import: a Yuanwen backup (lossless) or Web Annotation JSON-LD
 * as we export it. All or nothing: either every record is valid and the
 * caller may replace the database with them, or there is ONE message saying
 * what is wrong, for the user, and nothing is to be changed.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, EXTENSION_PROPERTY } from './annotation-export';
import { DEFAULT_COLOR, validateHighlight, type Highlight } from './record';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_RECORDS = 100_000;

export type ImportFormat = 'backup' | 'web-annotation';
export type ImportResult = { ok: true; format: ImportFormat; highlights: Highlight[] } | { ok: false; message: string };

/**
 * For a caller holding a `File`: refuse an oversized file before reading it
 * into memory. `null` when the size is acceptable.
 */
export function checkImportSize(bytes: number): string | null {
  return bytes > MAX_IMPORT_BYTES ? tooLarge(bytes) : null;
}

export function parseImport(text: string): ImportResult {
  const bytes = utf8Length(text, MAX_IMPORT_BYTES + 1);
  // Counting stops past the limit, so the exact size is not known here.
  if (bytes > MAX_IMPORT_BYTES) return fail(tooLarge(undefined));

  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail(`This file is not valid JSON (${(e as Error).message}). Nothing was imported.`);
  }

  if (isObject(data) && 'format' in data) return fromBackup(data);
  const annotations = annotationList(data);
  if (annotations) return fromAnnotations(annotations);
  return fail(
    `This file is neither a Yuanwen backup (format "${BACKUP_FORMAT}") nor Web Annotations (an Annotation, a list of them or an AnnotationCollection). Nothing was imported.`,
  );
}

function fromBackup(data: Record<string, unknown>): ImportResult {
  if (data.format !== BACKUP_FORMAT) {
    return fail(`This file's format is ${JSON.stringify(data.format)}, not "${BACKUP_FORMAT}". Nothing was imported.`);
  }
  if (data.version !== BACKUP_VERSION) {
    const newer = typeof data.version === 'number' && data.version > BACKUP_VERSION;
    return fail(
      newer
        ? `This backup is version ${data.version}, written by a newer Yuanwen; this one reads version ${BACKUP_VERSION}. Update Yuanwen, then import again. Nothing was imported.`
        : `This backup has version ${JSON.stringify(data.version)}; Yuanwen reads version ${BACKUP_VERSION}. Nothing was imported.`,
    );
  }
  if (!Array.isArray(data.highlights)) return fail('This backup has no list of highlights. Nothing was imported.');
  return validateAll(data.highlights, 'backup', (x) => x);
}

function fromAnnotations(items: unknown[]): ImportResult {
  return validateAll(items, 'web-annotation', fromAnnotation);
}

function validateAll(items: unknown[], format: ImportFormat, convert: (item: unknown) => unknown): ImportResult {
  if (items.length > MAX_IMPORT_RECORDS) {
    return fail(`This file holds ${items.length} highlights; Yuanwen imports at most ${MAX_IMPORT_RECORDS} at once. Nothing was imported.`);
  }
  const out: Highlight[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const result = validateHighlight(convert(items[i]));
    const which = `Highlight ${i + 1} of ${items.length}`;
    if (!result.ok) return fail(`${which} is not valid: ${result.problems.join('; ')}. Nothing was imported.`);
    const earlier = seen.get(result.value.id);
    if (earlier !== undefined)
      return fail(`${which} has the same id as highlight ${earlier + 1} (${result.value.id}). Nothing was imported.`);
    seen.set(result.value.id, i);
    out.push(result.value);
  }
  return { ok: true, format, highlights: out };
}

/** The annotations in a Web Annotation document, or undefined if it is not one. */
function annotationList(data: unknown): unknown[] | undefined {
  if (Array.isArray(data)) return data.every((x) => isObject(x) && x.type === 'Annotation') ? data : undefined;
  if (!isObject(data)) return undefined;
  if (data.type === 'Annotation') return [data];
  if (data.type === 'AnnotationPage' && Array.isArray(data.items)) return data.items;
  if (data.type === 'AnnotationCollection') {
    // We write every annotation into the first page; a collection split over
    // pages by another tool would need fetching the rest, which an import cannot.
    const first = data.first;
    if (isObject(first) && Array.isArray(first.items)) {
      if (first.next !== undefined) return undefined;
      return first.items;
    }
    if (data.total === 0) return [];
  }
  return undefined;
}

/**
 * A Web Annotation as a highlight record, before validation: fields the
 * annotation lacks come out missing and validation names them.
 */
function fromAnnotation(item: unknown): unknown {
  if (!isObject(item) || item.type !== 'Annotation') return 'not an Annotation';
  const id = typeof item.id === 'string' ? item.id.replace(/^urn:uuid:/, '') : item.id;
  const bodies = (Array.isArray(item.body) ? item.body : item.body !== undefined ? [item.body] : []).filter(isObject);
  const note = bodies.find((b) => b.type === 'TextualBody' && b.purpose !== 'tagging');
  const tags = bodies.filter((b) => b.type === 'TextualBody' && b.purpose === 'tagging').map((b) => b.value);
  const target = isObject(item.target) ? item.target : {};
  const selectors = Array.isArray(target.selector) ? target.selector : target.selector !== undefined ? [target.selector] : [];
  const quote = selectors.find((s) => isObject(s) && s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => isObject(s) && s.type === 'TextPositionSelector');
  const extra = isObject(item[EXTENSION_PROPERTY]) ? item[EXTENSION_PROPERTY] : {};
  const record: Record<string, unknown> = {
    id,
    url: target.source,
    title: extra.title ?? '',
    created: item.created,
    modified: item.modified ?? item.created,
    color: extra.color ?? DEFAULT_COLOR,
    note: note ? note.value : '',
    tags,
    // An annotation from elsewhere may lack the optional prefix and suffix.
    selectors: { quote: isObject(quote) ? { prefix: '', suffix: '', ...quote } : quote, position },
  };
  if (extra.canonical !== undefined) record.canonical = extra.canonical;
  return record;
}

function tooLarge(bytes: number | undefined): string {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  const size = bytes === undefined ? `larger than ${mb(MAX_IMPORT_BYTES)}` : `${mb(bytes)}`;
  return `This file is ${size}; Yuanwen imports files of at most ${mb(MAX_IMPORT_BYTES)}. Nothing was imported.`;
}

/** UTF-8 length of a string, counting no further than `stop`. */
function utf8Length(s: string, stop: number): number {
  let n = 0;
  for (let i = 0; i < s.length && n < stop; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function fail(message: string): ImportResult {
  return { ok: false, message };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
