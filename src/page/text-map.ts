/**
 * The way back from extracted page text to the DOM: which Text node, at which
 * offset, produced each character. Highlights and badges are anchored through
 * it, so it must stay exact even where extraction collapsed whitespace or
 * inserted line breaks that exist in no Text node.
 */

/** A place in the DOM: an offset into a Text node's data. */
export interface TextPosition {
  node: Text;
  offset: number;
}

/**
 * A run of extracted characters copied one to one from a Text node:
 * text[start + i] came from node.data[nodeOffset + i].
 */
export interface TextSegment {
  start: number;
  node: Text;
  nodeOffset: number;
  length: number;
}

export class TextMap {
  /**
   * @param segments in text order, not overlapping. Characters of the text
   *   not covered by a segment are synthetic: breaks for `<br>` and block
   *   boundaries.
   * @param length the length of the extracted text.
   */
  constructor(
    readonly segments: readonly TextSegment[],
    readonly length: number,
  ) {}

  /** Index of the last segment starting at or before `offset`, or -1. */
  private segmentIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.segments[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /**
   * Where the character at `offset` starts in the DOM: the start of a range.
   * A synthetic character resolves to the start of the next real one.
   */
  locateStart(offset: number): TextPosition | undefined {
    if (offset < 0 || offset >= this.length) return undefined;
    let index = this.segmentIndexAt(offset);
    const segment = index >= 0 ? this.segments[index] : undefined;
    if (segment && offset < segment.start + segment.length) {
      return { node: segment.node, offset: segment.nodeOffset + (offset - segment.start) };
    }
    index += 1;
    const next = this.segments[index];
    return next ? { node: next.node, offset: next.nodeOffset } : undefined;
  }

  /**
   * Where the character before `offset` ends in the DOM: the end of a range
   * covering text up to `offset` (exclusive). A synthetic character resolves
   * to the end of the previous real one.
   */
  locateEnd(offset: number): TextPosition | undefined {
    if (offset <= 0 || offset > this.length) return undefined;
    const last = offset - 1;
    const index = this.segmentIndexAt(last);
    if (index < 0) return undefined;
    const segment = this.segments[index];
    const covered = Math.min(last, segment.start + segment.length - 1);
    return { node: segment.node, offset: segment.nodeOffset + (covered - segment.start) + 1 };
  }
}
