/**
 * One page prepared for anchoring many highlights: the page is normalized
 * once, then each highlight costs only its own search (anchor-on-page.ts for
 * highlights made here, anchor-on-canonical.ts for canonical ones).
 */
import type { Report } from '../check/report';
import { normalize } from '../text/normalize';
import { anchorCanonicalIn, canonicalAnchorIn, type CanonicalMatch, type CanonicalText } from './anchor-on-canonical';
import { anchorIn, describeIn, type AnchorMatch } from './anchor-on-page';
import type { CanonicalAnchor, HighlightSelectors } from './record';

export interface Anchorer {
  /** The page text the anchorer was made for. */
  readonly text: string;
  describe(start: number, end: number): HighlightSelectors;
  anchor(selectors: HighlightSelectors): AnchorMatch | null;
  anchorCanonical(report: Report, canonical: CanonicalAnchor): CanonicalMatch | null;
  canonicalAnchorFor(report: Report, documents: readonly CanonicalText[], start: number, end: number): CanonicalAnchor | null;
}

/** Prepare a page for anchoring many highlights: normalize once. */
export function createAnchorer(text: string): Anchorer {
  const page = normalize(text);
  return {
    text,
    describe: (start, end) => describeIn(text, page, start, end),
    anchor: (selectors) => anchorIn(page, selectors),
    anchorCanonical: (report, canonical) => anchorCanonicalIn(text, page, report, canonical),
    canonicalAnchorFor: (report, documents, start, end) => canonicalAnchorIn(page, report, documents, start, end),
  };
}
