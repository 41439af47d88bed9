import assert from 'node:assert/strict';
import type { TestPage } from './driver';

interface Point {
  x: number;
  y: number;
}

/** Where the selected text is on screen: just inside its end (where a drag is released), and the middle of its first line. */
export interface SelectedQuote {
  end: Point;
  middle: Point;
}

/**
 * Selects the first occurrence of `quote` in the page's body text (within one
 * text node, outside page chrome), scrolled into view, as a script would: the
 * tests that need the reader's own gesture press a key or release the pointer after.
 */
export async function selectQuote(page: TestPage, quote: string): Promise<SelectedQuote> {
  const at = await page.evaluate((quote) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = (node as Text).data.indexOf(quote);
      if (i < 0 || node.parentElement?.closest('title, nav, header, footer, script')) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + quote.length);
      node.parentElement?.scrollIntoView({ block: 'center' });
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      const rects = range.getClientRects();
      const [first, last] = [rects[0], rects[rects.length - 1]];
      return {
        end: { x: last.right - 2, y: last.top + last.height / 2 },
        middle: { x: first.left + first.width / 2, y: first.top + first.height / 2 },
      };
    }
    return undefined;
  }, quote);
  assert.ok(at, `"${quote}" is on the page`);
  return at;
}
