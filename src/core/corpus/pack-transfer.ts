/**
 * A pack file carried from the corpus page to the background in chunks.
 * Chromium refuses a runtime message over 64 MiB (of JSON in UTF-8, where a
 * Chinese character takes 3 bytes), and the laws pack alone is 54 MB, so the
 * page sends the file's text in pieces of at most CHUNK_CHARS characters and
 * the background joins them, checking that every piece came, in order, and
 * that the whole is as long as announced.
 */

/** Characters per chunk: about 3 MB of JSON for Chinese text, far below the limit, and small steps for the progress bar. */
export const CHUNK_CHARS = 1 << 20;

/**
 * The text in chunks of at most `size` characters. A cut never falls inside
 * a surrogate pair: a lone half would not survive the message's JSON.
 */
export function splitForTransfer(text: string, size = CHUNK_CHARS): string[] {
  if (size < 2) throw new RangeError('a chunk holds at least two characters');
  const chunks: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + size, text.length);
    const before = text.charCodeAt(end - 1);
    if (end < text.length && before >= 0xd800 && before <= 0xdbff) end--;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

export class TransferError extends Error {}

/** The chunks of one file as they arrive; `text()` once all of them have. */
export class PackAssembly {
  private readonly chunks: string[] = [];
  private received = 0;

  constructor(
    readonly chars: number,
    readonly chunkCount: number,
  ) {
    if (!Number.isSafeInteger(chars) || chars < 0 || !Number.isSafeInteger(chunkCount) || chunkCount < 0) {
      throw new TransferError('the announced size is not a count');
    }
    if ((chars === 0) !== (chunkCount === 0)) throw new TransferError('the announced size and number of chunks disagree');
  }

  /** Adds chunk `index` (0-based, in order); returns the characters received so far. */
  add(index: number, text: string): number {
    if (index !== this.chunks.length) throw new TransferError(`chunk ${index + 1} came when chunk ${this.chunks.length + 1} was expected`);
    if (index >= this.chunkCount) throw new TransferError(`chunk ${index + 1} is more than the ${this.chunkCount} announced`);
    if (text.length === 0 || this.received + text.length > this.chars) throw new TransferError('the file is longer than announced');
    this.chunks.push(text);
    this.received += text.length;
    return this.received;
  }

  get complete(): boolean {
    return this.chunks.length === this.chunkCount && this.received === this.chars;
  }

  /** What is missing, said for the reader. */
  missing(): string {
    return `only ${this.chunks.length} of ${this.chunkCount} chunks (${this.received} of ${this.chars} characters) came`;
  }

  text(): string {
    if (!this.complete) throw new TransferError(this.missing());
    return this.chunks.join('');
  }
}
