/**
 * A highlight as stored, exported and passed between contexts (content
 * script → background → database → extension pages, and backup files).
 * This is the data that crosses boundaries, so anything that arrives from
 * outside (a message, an import) goes through `validateHighlight` first.
 *
 * Versioned by `HIGHLIGHT_SCHEMA`. Schema 1 was the first cut (no tags, no
 * canonical anchor, epoch-ms `created`, bare offsets); the database upgrades
 * it (src/storage/highlight-db.ts). Fields may be added; existing ones keep
 * their meaning.
 *
 * Offsets are UTF-16 indices, like the report's: `selectors.position` into
 * the page text as extracted (src/page), `canonical.*` into the document's
 * full canonical text.
 *
 * Timestamps are ISO 8601 UTC strings exactly as `Date.prototype.toISOString()`
 * writes them (`2025-08-15T09:30:00.000Z`): they sort as strings, read in a
 * backup file, and go into Web Annotation `created`/`modified` unchanged.
 */
import { normalizePageUrl } from './page-url';

export const HIGHLIGHT_SCHEMA = 2;

/** Named colours: the name is stored, the renderer picks the shade (light and dark themes differ). */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];
export const DEFAULT_COLOR: HighlightColor = 'yellow';

/** W3C Web Annotation TextQuoteSelector: the quote and about 32 characters either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector on the page text as extracted. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface HighlightSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/**
 * Where the highlight lies in a canonical document, when it was made inside
 * a clause the engine aligned. The quote and its context are the canonical
 * text (not the page's), so the highlight can be found on any reprint of the
 * clause, and found again if a corpus correction shifts the offsets.
 */
export interface CanonicalAnchor {
  documentId: string;
  /** Stable clause id (`c5`, `s9p1`). */
  clauseId: string;
  /** For display and grouping, as the report labels it: `（五）`; the section's label (`九、`) for headings and unnumbered paragraphs; `''` in the preamble. */
  clause: string;
  canonicalStart: number;
  canonicalEnd: number;
  /** `text.slice(canonicalStart, canonicalEnd)` of the canonical document. */
  exact: string;
  /** Canonical text before and after, up to about 32 characters, within the clause. */
  prefix: string;
  suffix: string;
}

export interface Highlight {
  /** UUID (lower-case, RFC 4122 form). */
  id: string;
  /** The page, normalized by `normalizePageUrl`: the storage key. */
  url: string;
  /** The page's title when the highlight was made. */
  title: string;
  created: string;
  modified: string;
  color: HighlightColor;
  /** `''` when there is none. */
  note: string;
  /** Trimmed, non-empty, no duplicates, in the user's order. */
  tags: string[];
  selectors: HighlightSelectors;
  canonical?: CanonicalAnchor;
}

/** Limits on untrusted input: generous for real use, small enough that a hostile message cannot fill the database. */
export const LIMITS = {
  title: 2_000,
  url: 8_000,
  note: 20_000,
  tags: 64,
  tag: 100,
  exact: 50_000,
  context: 500,
  id: 200,
} as const;

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A timestamp in the one form we store: what `toISOString()` writes, for a real date. */
export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && ISO.test(value) && new Date(value).toISOString() === value;
}

export function isHighlightColor(value: unknown): value is HighlightColor {
  return typeof value === 'string' && (HIGHLIGHT_COLORS as readonly string[]).includes(value);
}

/** Tags as stored: trimmed, inner whitespace collapsed, empty and repeated ones dropped. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tags) {
    const tag = t.trim().replace(/\s+/g, ' ');
    if (tag !== '' && !seen.has(tag)) {
      seen.add(tag);
      out.push(tag);
    }
  }
  return out;
}

/** What an update may change. `canonical: null` removes the canonical anchor (re-attached outside a clause). */
export interface HighlightPatch {
  title?: string;
  color?: HighlightColor;
  note?: string;
  tags?: string[];
  selectors?: HighlightSelectors;
  canonical?: CanonicalAnchor | null;
}

/** What the content script knows when the user highlights: everything but id and times. */
export interface HighlightDraft {
  url: string;
  title: string;
  color?: HighlightColor;
  note?: string;
  tags?: string[];
  selectors: HighlightSelectors;
  canonical?: CanonicalAnchor;
}

/**
 * A new record from a draft. The id and clock are parameters so tests (and
 * imports) are deterministic; the defaults use `crypto.randomUUID`, which
 * Node ≥ 19 and every supported browser provide.
 */
export function createHighlight(
  draft: HighlightDraft,
  id: string = globalThis.crypto.randomUUID(),
  now: Date = new Date(),
): Validation<Highlight> {
  const at = now.toISOString();
  return validateHighlight({
    id,
    url: draft.url,
    title: draft.title,
    created: at,
    modified: at,
    color: draft.color ?? DEFAULT_COLOR,
    note: draft.note ?? '',
    tags: cleanTags(draft.tags ?? []),
    selectors: draft.selectors,
    ...(draft.canonical ? { canonical: draft.canonical } : {}),
  });
}

/**
 * Check an untrusted value and return a clean copy (unknown fields dropped,
 * the URL normalized) or every problem found, each naming its field.
 */
export function validateHighlight(input: unknown): Validation<Highlight> {
  const problems: string[] = [];
  if (!isObject(input)) return { ok: false, problems: ['a highlight must be an object'] };

  const id = input.id;
  if (!isUuid(id)) problems.push(`id must be a lower-case UUID (got ${show(id)})`);

  let url: string | null = null;
  if (typeof input.url !== 'string' || input.url.length > LIMITS.url)
    problems.push(`url must be a string of at most ${LIMITS.url} characters`);
  else if ((url = normalizePageUrl(input.url)) === null) problems.push(`url must be an http or https URL (got ${show(input.url)})`);

  checkString(input.title, 'title', LIMITS.title, problems);
  if (!isTimestamp(input.created))
    problems.push(`created must be an ISO 8601 UTC timestamp like 2025-08-15T09:30:00.000Z (got ${show(input.created)})`);
  if (!isTimestamp(input.modified))
    problems.push(`modified must be an ISO 8601 UTC timestamp like 2025-08-15T09:30:00.000Z (got ${show(input.modified)})`);
  if (!isHighlightColor(input.color)) problems.push(`color must be one of ${HIGHLIGHT_COLORS.join(', ')} (got ${show(input.color)})`);
  checkString(input.note, 'note', LIMITS.note, problems);

  const tags = input.tags;
  if (!Array.isArray(tags) || tags.length > LIMITS.tags) problems.push(`tags must be an array of at most ${LIMITS.tags} strings`);
  else {
    tags.forEach((t, i) => {
      if (typeof t !== 'string' || t.trim() === '' || t.length > LIMITS.tag)
        problems.push(`tags[${i}] must be a non-empty string of at most ${LIMITS.tag} characters`);
    });
  }

  const selectors = validateSelectors(input.selectors, problems);
  let canonical: CanonicalAnchor | undefined;
  if (input.canonical !== undefined) canonical = validateCanonical(input.canonical, problems);

  if (problems.length > 0) return { ok: false, problems };
  const value: Highlight = {
    id: id as string,
    url: url as string,
    title: input.title as string,
    created: input.created as string,
    modified: input.modified as string,
    color: input.color as HighlightColor,
    note: input.note as string,
    tags: cleanTags(tags as string[]),
    selectors: selectors as HighlightSelectors,
  };
  if (canonical) value.canonical = canonical;
  return { ok: true, value };
}

function validateSelectors(input: unknown, problems: string[]): HighlightSelectors | undefined {
  if (!isObject(input)) {
    problems.push('selectors must be an object with quote and position');
    return undefined;
  }
  const before = problems.length;
  const quote = input.quote;
  const position = input.position;
  if (!isObject(quote) || quote.type !== 'TextQuoteSelector') problems.push('selectors.quote must be a TextQuoteSelector');
  else {
    checkString(quote.exact, 'selectors.quote.exact', LIMITS.exact, problems);
    if (quote.exact === '') problems.push('selectors.quote.exact must not be empty');
    checkString(quote.prefix, 'selectors.quote.prefix', LIMITS.context, problems);
    checkString(quote.suffix, 'selectors.quote.suffix', LIMITS.context, problems);
  }
  if (!isObject(position) || position.type !== 'TextPositionSelector') problems.push('selectors.position must be a TextPositionSelector');
  else checkRange(position.start, position.end, 'selectors.position', problems);
  if (problems.length > before) return undefined;
  const q = quote as Record<string, string>;
  const p = position as Record<string, number>;
  return {
    quote: { type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix, suffix: q.suffix },
    position: { type: 'TextPositionSelector', start: p.start, end: p.end },
  };
}

function validateCanonical(input: unknown, problems: string[]): CanonicalAnchor | undefined {
  if (!isObject(input)) {
    problems.push('canonical must be an object when present');
    return undefined;
  }
  const before = problems.length;
  checkString(input.documentId, 'canonical.documentId', LIMITS.id, problems);
  checkString(input.clauseId, 'canonical.clauseId', LIMITS.id, problems);
  if (input.documentId === '' || input.clauseId === '') problems.push('canonical.documentId and canonical.clauseId must not be empty');
  checkString(input.clause, 'canonical.clause', LIMITS.id, problems);
  checkRange(input.canonicalStart, input.canonicalEnd, 'canonical', problems, 'canonicalStart', 'canonicalEnd');
  checkString(input.exact, 'canonical.exact', LIMITS.exact, problems);
  if (input.exact === '') problems.push('canonical.exact must not be empty');
  checkString(input.prefix, 'canonical.prefix', LIMITS.context, problems);
  checkString(input.suffix, 'canonical.suffix', LIMITS.context, problems);
  if (problems.length > before) return undefined;
  const c = input as Record<string, never>;
  return {
    documentId: c.documentId,
    clauseId: c.clauseId,
    clause: c.clause,
    canonicalStart: c.canonicalStart,
    canonicalEnd: c.canonicalEnd,
    exact: c.exact,
    prefix: c.prefix,
    suffix: c.suffix,
  };
}

function checkString(value: unknown, field: string, max: number, problems: string[]): void {
  if (typeof value !== 'string') problems.push(`${field} must be a string (got ${show(value)})`);
  else if (value.length > max) problems.push(`${field} is longer than ${max} characters`);
}

function checkRange(start: unknown, end: unknown, field: string, problems: string[], s = 'start', e = 'end'): void {
  const offset = (x: unknown) => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
  if (!offset(start) || !offset(end)) problems.push(`${field}.${s} and ${field}.${e} must be non-negative integers`);
  else if ((start as number) >= (end as number)) problems.push(`${field}.${s} must be less than ${field}.${e}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short rendering of a bad value for a problem message. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const s =
    typeof value === 'string'
      ? JSON.stringify(value)
      : Array.isArray(value)
        ? 'an array'
        : typeof value === 'object'
          ? value === null
            ? 'null'
            : 'an object'
          : String(value);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
