/**
 * Property tests (fast-check): layout noise never creates a deviation, the
 * offset map always points inside the original, diffs always rebuild the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffChars, diffWords } from '../../../src/core/check/diff';
import { normalize, toOriginalRange } from '../../../src/core/text/normalize';
import { OPINION, brief, check, expectOffsetsSlice, opinion, opinionBreaks, wording } from '../corpus-fixture';

// ---------------------------------------------------------------------------
// Layout noise: what reprints do to a text without changing a word.

const HALF: Record<string, string> = { '，': ',', '；': ';', '：': ':', '？': '?', '！': '!', '（': '(', '）': ')' };
const QUOTES: Record<string, [string, string][]> = {
  '“': [
    ['"', '"'],
    ['「', '」'],
    ['＂', '＂'],
    ['〝', '〞'],
  ],
  '‘': [
    ["'", "'"],
    ['『', '』'],
  ],
};

interface Noise {
  /** Per character: whitespace to insert after it (0 none, 1 space, 2 newline, 3 ideographic space, 4 blank line + indent). */
  breaks: number[];
  /** Per character: change its width where it has another (0 keep, 1 change). */
  widths: number[];
  /** Quote style for the whole text (index into QUOTES alternatives, -1 keep). */
  quotes: number;
}

const BREAK = ['', ' ', '\n', '\u3000', '\n\n\u3000\u3000'];

/** A noise recipe for a text of length n: sparse breaks and width changes. */
const noiseFor = (n: number): fc.Arbitrary<Noise> =>
  fc.record({
    breaks: fc.array(fc.oneof({ weight: 8, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 4 }) }), {
      minLength: n,
      maxLength: n,
    }),
    widths: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
    quotes: fc.integer({ min: -1, max: 3 }),
  });

/**
 * Apply noise to `text`: breaks anywhere (inside numbers, `2\n035`, and ASCII
 * words too) except inside the protected spans (`protect[i]`), and width and
 * quote changes.
 */
function applyNoise(text: string, noise: Noise, protect: boolean[] = []): string {
  const opens = QUOTES['“'][Math.max(0, noise.quotes) % QUOTES['“'].length];
  const singles = QUOTES['‘'][Math.max(0, noise.quotes) % QUOTES['‘'].length];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let c = text[i];
    if (noise.quotes >= 0) {
      if (c === '“') c = opens[0];
      else if (c === '”') c = opens[1];
      else if (c === '‘') c = singles[0];
      else if (c === '’') c = singles[1];
    }
    if (noise.widths[i]) {
      if (HALF[c]) c = HALF[c];
      else if (/[0-9A-Za-z]/.test(c)) c = String.fromCharCode(c.charCodeAt(0) + 0xfee0);
    }
    out += c;
    const b = noise.breaks[i];
    if (b && i + 1 < text.length && text[i + 1] !== '\n' && text[i] !== '\n' && !protect[i + 1]) out += BREAK[b];
  }
  return out;
}

/**
 * Positions where no break may go: inside a clause label (`（十四）`, `六、`)
 * and right after it (a label alone on its line is no longer a marker).
 */
function labelPositions(text: string): boolean[] {
  const protect = new Array<boolean>(text.length).fill(false);
  for (const c of opinion().clauses) for (let i = c.start + 1; i <= c.bodyStart && c.bodyStart > c.start; i++) protect[i] = true;
  return protect;
}

/** A range of whole paragraphs of the canonical text. */
const paragraphRange = fc
  .tuple(fc.integer({ min: 0, max: opinion().clauses.length - 1 }), fc.integer({ min: 1, max: opinion().clauses.length }))
  .map(([a, len]) => {
    const clauses = opinion().clauses;
    const first = clauses[a];
    const last = clauses[Math.min(clauses.length - 1, a + len - 1)];
    return [first.start, last.end] as [number, number];
  });

describe('layout noise never creates a deviation', () => {
  it('normalizes a noisy copy of the whole canonical text to the canonical normalized text', () => {
    const text = opinion().text;
    const expected = normalize(text).text;
    fc.assert(
      fc.property(noiseFor(text.length), (noise) => {
        expect(normalize(applyNoise(text, noise)).text).toBe(expected);
      }),
      { numRuns: 30 },
    );
  });

  it('finds the whole Opinion in a noisy copy, with zero deviations', () => {
    const text = opinion().text;
    const protect = labelPositions(text);
    fc.assert(
      fc.property(noiseFor(text.length), (noise) => {
        const page = applyNoise(text, noise, protect);
        const r = check(page);
        expect(r.documents.map((d) => d.id)).toEqual([OPINION]);
        expect(r.deviations.map(brief)).toEqual([]);
        expect(r.documents[0].matchRatio).toBe(1);
        expect(r.documents[0].coverage).toBe(1);
      }),
      { numRuns: 30 },
    );
  });

  it('finds a noisy clause range of the Opinion, with zero deviations', () => {
    const text = opinion().text;
    const protect = labelPositions(text);
    fc.assert(
      fc.property(
        paragraphRange.chain(([s, e]) => fc.tuple(fc.constant([s, e] as const), noiseFor(e - s))),
        ([[s, e], noise]) => {
          const page = '相关新闻\n' + applyNoise(text.slice(s, e), noise, protect.slice(s, e)) + '\n责任编辑：张三';
          const r = check(page);
          expect(r.deviations.map(brief)).toEqual([]);
          expect(r.documents.every((d) => d.id === OPINION)).toBe(true);
          // enough text to identify: it must be found
          if (e - s >= 600) expect(r.documents.map((d) => d.id)).toEqual([OPINION]);
          expectOffsetsSlice(r, page);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('creates no wording deviation even when a break falls inside a label', () => {
    const text = opinion().text;
    fc.assert(
      fc.property(noiseFor(text.length), (noise) => {
        const r = check(applyNoise(text, noise));
        expect(r.documents.map((d) => d.id)).toEqual([OPINION]);
        expect(wording(r).map(brief)).toEqual([]);
        expect(r.deviations.filter((d) => d.kind === 'reorder').map(brief)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});

// ---------------------------------------------------------------------------
// The offset map.

const TRICKY = [
  ' ',
  '\n',
  '\r',
  '\t',
  '\u3000',
  '\u00a0',
  '#',
  '*',
  '.',
  '…',
  '⋯',
  '—',
  '-',
  '－',
  '“',
  '”',
  '"',
  "'",
  '「',
  ',',
  '，',
  '。',
  '２',
  '2',
  '0',
  'a',
  'Ａ',
  '城',
  '市',
  '（',
  '(',
  '\u200b',
  '\ufeff',
  '𠀀',
  '😀',
  '\ud800',
  '\udc00',
];

/** Arbitrary strings, biased towards the characters normalization treats specially, surrogate pairs included. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.array(fc.constantFrom(...TRICKY), { maxLength: 60 }).map((a) => a.join('')),
  fc.array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 40 }).map((a) => a.join('')),
);

describe('the offset map always points inside the original', () => {
  it('starts[i] < ends[i] <= original.length, both monotone, one entry per normalized UTF-16 unit', () => {
    fc.assert(
      fc.property(anyText, (original) => {
        const norm = normalize(original);
        expect(norm.originalLength).toBe(original.length);
        expect(norm.starts.length).toBe(norm.text.length);
        expect(norm.ends.length).toBe(norm.text.length);
        for (let i = 0; i < norm.text.length; i++) {
          expect(norm.starts[i]).toBeGreaterThanOrEqual(0);
          expect(norm.starts[i]).toBeLessThan(norm.ends[i]);
          expect(norm.ends[i]).toBeLessThanOrEqual(original.length);
          if (i > 0) {
            expect(norm.starts[i]).toBeGreaterThanOrEqual(norm.starts[i - 1]);
            expect(norm.ends[i]).toBeGreaterThanOrEqual(norm.ends[i - 1]);
            // two units share a source only when they are one surrogate pair; otherwise sources do not overlap
            if (norm.starts[i] !== norm.starts[i - 1]) expect(norm.starts[i]).toBeGreaterThanOrEqual(norm.ends[i - 1]);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('maps any normalized range to an ordered range inside the original', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (original, x, y) => {
        const norm = normalize(original);
        const len = norm.text.length;
        const s = len ? x % (len + 1) : 0;
        const e = len ? s + (y % (len - s + 1)) : 0;
        const [os, oe] = toOriginalRange(norm, s, e);
        expect(0 <= os && os <= oe && oe <= original.length).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('normalizes the text a range maps back to into the normalized range (for text without surrogates or collapsing runs)', () => {
    const simple = fc
      .array(fc.constantFrom('城', '市', '发', '展', ' ', '\n', '\u3000', ',', '，', '２', '0', '“', '"', '（', '(', '。'), {
        maxLength: 60,
      })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(simple, fc.nat(), fc.nat(), (original, x, y) => {
        const norm = normalize(original);
        const len = norm.text.length;
        if (len === 0) return;
        const s = x % len;
        const e = s + 1 + (y % (len - s));
        const [os, oe] = toOriginalRange(norm, s, e);
        expect(normalize(original.slice(os, oe)).text).toBe(norm.text.slice(s, e));
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------
// Diffs.

const cjk = fc
  .array(fc.constantFrom('城', '市', '发', '展', '推', '动', '进', '。', '，', 'a', '1'), { maxLength: 40 })
  .map((a) => a.join(''));

describe('diffs always rebuild the texts', () => {
  it('diffChars: the equal and deleted runs spell the canonical text, the equal and inserted runs the page', () => {
    fc.assert(
      fc.property(cjk, cjk, (a, b) => {
        let ra = '';
        let rb = '';
        let ai = 0;
        let bi = 0;
        for (const e of diffChars(a, b)) {
          expect([e.aStart, e.bStart]).toEqual([ai, bi]);
          if (e.kind === 'equal') expect(a.slice(e.aStart, e.aEnd)).toBe(b.slice(e.bStart, e.bEnd));
          ra += a.slice(e.aStart, e.aEnd);
          rb += b.slice(e.bStart, e.bEnd);
          ai = e.aEnd;
          bi = e.bEnd;
        }
        expect(ra).toBe(a);
        expect(rb).toBe(b);
      }),
      { numRuns: 300 },
    );
  });

  it('diffWords: applying the changes to the canonical text gives the page text', () => {
    fc.assert(
      fc.property(cjk, cjk, (a, b) => {
        const changes = diffWords(a, b, opinionBreaks(a));
        let out = '';
        let at = 0;
        for (const c of changes) {
          expect(c.aStart).toBeGreaterThanOrEqual(at);
          expect(c.aStart <= c.aEnd && c.bStart <= c.bEnd).toBe(true);
          out += a.slice(at, c.aStart) + b.slice(c.bStart, c.bEnd);
          at = c.aEnd;
        }
        expect(out + a.slice(at)).toBe(b);
        if (a === b) expect(changes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
