/**
 * The cheap first question on every page: is there enough Chinese text to be
 * worth extracting and analysing? Most pages a reader opens answer no, and
 * they must cost next to nothing (issue 4: ≤ 5 ms for a page that reprints
 * nothing), so this reads `textContent` (no layout) and stops counting as
 * soon as the answer is known.
 */

/** Fewer Han characters than this cannot hold even one quoted clause. */
export const MIN_HAN_CHARACTERS = 60;

function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK Unified Ideographs
    (code >= 0x3400 && code <= 0x4dbf) || // Extension A
    (code >= 0xf900 && code <= 0xfaff) // Compatibility Ideographs
  );
}

/** Han characters in `text`, counting no further than `enough`. */
export function countHan(text: string, enough: number): number {
  let count = 0;
  for (let i = 0; i < text.length && count < enough; i++) {
    if (isHan(text.charCodeAt(i))) count++;
  }
  return count;
}

function sameOriginFrameDocuments(document: Document): Document[] {
  const documents: Document[] = [];
  for (const frame of document.querySelectorAll('iframe, frame')) {
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      if (inner) documents.push(inner);
    } catch {
      // Cross-origin: not ours to read.
    }
  }
  return documents;
}

/**
 * The raw text of the document's body and of its same-origin frames'
 * bodies (`textContent`: a native call, no layout). A superset of what a
 * reader sees (hidden and script text included): enough to tell whether
 * the page could be worth reading properly.
 */
export function rawPageTexts(document: Document): string[] {
  const texts = [document.body?.textContent ?? ''];
  for (const inner of sameOriginFrameDocuments(document)) texts.push(inner.body?.textContent ?? '');
  return texts;
}

/** Whether these texts together have at least `enough` Han characters. */
export function hasEnoughHan(texts: readonly string[], enough = MIN_HAN_CHARACTERS): boolean {
  let count = 0;
  for (const text of texts) {
    count += countHan(text, enough - count);
    if (count >= enough) return true;
  }
  return false;
}

/** Whether the document (and its same-origin frames) has enough Han text to analyse. */
export function worthAnalysing(document: Document, enough = MIN_HAN_CHARACTERS): boolean {
  return hasEnoughHan(rawPageTexts(document), enough);
}
