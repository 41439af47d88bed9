/**
 * From the user's selection (a DOM Range) to offsets in the extracted page
 * text, the inverse of src/page/text-map.ts: a selection boundary inside a
 * text node the extraction copied maps to its character; one elsewhere (an
 * element boundary, collapsed whitespace, a hidden element) maps to the next
 * extracted character (start) or just after the previous one (end).
 */
import type { TextMap, TextSegment } from '../../page/text-map';

/** Segments of each text node, built once per map. */
const byNode = new WeakMap<TextMap, Map<Text, TextSegment[]>>();

function segmentsByNode(map: TextMap): Map<Text, TextSegment[]> {
  let index = byNode.get(map);
  if (!index) {
    index = new Map();
    for (const s of map.segments) {
      const list = index.get(s.node);
      if (list) list.push(s);
      else index.set(s.node, [s]);
    }
    byNode.set(map, index);
  }
  return index;
}

/**
 * Where a boundary point (node, offset) falls in the text: the offset of the
 * first extracted character at or after it (`side` 'start') or the offset
 * just after the last one before it ('end'). Undefined when no extracted
 * character lies on that side in this document.
 */
function textOffset(map: TextMap, node: Node, offset: number, side: 'start' | 'end'): number | undefined {
  if (node.nodeType === Node.TEXT_NODE) {
    for (const s of segmentsByNode(map).get(node as Text) ?? []) {
      if (offset >= s.nodeOffset && offset <= s.nodeOffset + s.length) {
        // At a segment's very end the start belongs to the next character, which may be synthetic: fine, describe() trims.
        return s.start + (offset - s.nodeOffset);
      }
    }
  }
  // Elsewhere: binary search over the segments of this document, in document order.
  const document = node.ownerDocument ?? (node as Document);
  const point = document.createRange();
  try {
    point.setStart(node, offset);
  } catch {
    return undefined;
  }
  const segments = map.segments.filter((s) => s.node.ownerDocument === document);
  // First segment whose end lies after the point.
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    let after: number;
    try {
      after = point.comparePoint(s.node, s.nodeOffset + s.length);
    } catch {
      return undefined;
    }
    // comparePoint: -1 before the (collapsed) range, 0 at it, 1 after it.
    if (after > 0) hi = mid;
    else lo = mid + 1;
  }
  if (side === 'start') {
    const s = segments[lo];
    if (!s) return undefined;
    const before = point.comparePoint(s.node, s.nodeOffset) >= 0;
    return before ? s.start : undefined;
  }
  // End: the segment before `lo` ends at or before the point.
  const s = segments[lo - 1];
  const inside = segments[lo];
  if (inside && point.comparePoint(inside.node, inside.nodeOffset) < 0) {
    // The point lies inside segment `lo` (a text node boundary we could not map directly).
    return undefined;
  }
  return s ? s.start + s.length : undefined;
}

/** The page-text offsets a DOM range covers, or undefined if it covers no extracted text. */
export function rangeToOffsets(map: TextMap, range: Range): { start: number; end: number } | undefined {
  const start = textOffset(map, range.startContainer, range.startOffset, 'start');
  const end = textOffset(map, range.endContainer, range.endOffset, 'end');
  if (start === undefined || end === undefined || end <= start) return undefined;
  return { start, end };
}
