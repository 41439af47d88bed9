/**
 * Which articles differ between two versions of one document (a series,
 * src/core/corpus/pack.ts): the viewer shows them when the version a page
 * reprints is not the newest. Articles are matched by their text, not their
 * number, since a revision renumbers them (行政复议法: 43 articles in 2017,
 * 90 in 2023): the same text is unchanged wherever it moved, a similar text
 * (character bigrams, Dice ≥ SIMILAR) is the same article changed, and the
 * rest were added or removed.
 */
import type { CanonicalDocument, Clause } from './corpus';
import { numberedClauses } from './corpus';

export interface ArticleRef {
  id: string;
  label: string;
}

export interface VersionDiff {
  /** Articles whose text is the same in both (renumbered or not). */
  unchanged: number;
  /** Articles whose text changed, in the newer version's order. */
  changed: { older: ArticleRef; newer: ArticleRef }[];
  /** In the newer version only, in its order. */
  added: ArticleRef[];
  /** In the older version only, in its order. */
  removed: ArticleRef[];
}

/** Bigram similarity at which two articles are one article changed rather than one removed and another added. */
export const SIMILAR = 0.5;

const ref = (c: Clause): ArticleRef => ({ id: c.id, label: c.label });

/** An article's text without its label and without layout whitespace. */
function body(doc: CanonicalDocument, c: Clause): string {
  return doc.text.slice(c.bodyStart, c.end).replace(/\s+/g, '');
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const g = text.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [g, n] of a) {
    total += n;
    shared += Math.min(n, b.get(g) ?? 0);
  }
  for (const n of b.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

export function versionDiff(older: CanonicalDocument, newer: CanonicalDocument): VersionDiff {
  const olderArticles = numberedClauses(older);
  const newerArticles = numberedClauses(newer);
  const olderBodies = olderArticles.map((c) => body(older, c));
  const newerBodies = newerArticles.map((c) => body(newer, c));
  const olderMatch = new Array<number>(olderArticles.length).fill(-1);
  const newerMatch = new Array<number>(newerArticles.length).fill(-1);

  // The same text: unchanged, wherever it moved (the first free one, in order, when a text repeats).
  const byText = new Map<string, number[]>();
  olderBodies.forEach((b, i) => byText.set(b, [...(byText.get(b) ?? []), i]));
  newerBodies.forEach((b, j) => {
    const i = byText.get(b)?.shift();
    if (i !== undefined) [olderMatch[i], newerMatch[j]] = [j, i];
  });
  const unchanged = newerMatch.filter((i) => i >= 0).length;

  // Similar texts, the most similar pairs first: changed.
  const olderGrams = olderBodies.map(bigrams);
  const newerGrams = newerBodies.map(bigrams);
  const pairs: { i: number; j: number; similarity: number }[] = [];
  for (let i = 0; i < olderArticles.length; i++) {
    if (olderMatch[i] >= 0) continue;
    for (let j = 0; j < newerArticles.length; j++) {
      if (newerMatch[j] >= 0) continue;
      const similarity = dice(olderGrams[i], newerGrams[j]);
      if (similarity >= SIMILAR) pairs.push({ i, j, similarity });
    }
  }
  pairs.sort((a, b) => b.similarity - a.similarity || a.j - b.j);
  const changedAt = new Map<number, number>();
  for (const { i, j } of pairs) {
    if (olderMatch[i] >= 0 || newerMatch[j] >= 0) continue;
    [olderMatch[i], newerMatch[j]] = [j, i];
    changedAt.set(j, i);
  }

  return {
    unchanged,
    changed: [...changedAt]
      .sort(([a], [b]) => a - b)
      .map(([j, i]) => ({ older: ref(olderArticles[i]), newer: ref(newerArticles[j]) })),
    added: newerArticles.filter((_, j) => newerMatch[j] < 0).map(ref),
    removed: olderArticles.filter((_, i) => olderMatch[i] < 0).map(ref),
  };
}
