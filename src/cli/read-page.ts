/**
 * Reads what `yuanwen check` is given: a `.txt` file, an `.html`/`.htm` file
 * (text extracted as the content script extracts it, its `<style>` sheets
 * deciding what is hidden), or `-` for stdin. An
 * evidence report (src/core/evidence) is read as the page text it keeps, so
 * checking a report again reproduces its finding.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractText } from '../page/extract-text';
import { pageTitle } from '../page/page-title';
import { hiddenByStyleSheets } from '../page/style-sheet-hidden';
import { PAGE_TEXT_ELEMENT_ID, isEvidenceReport } from '../core/evidence/page-text-block';

/** A file the CLI could not read, with a one-line reason. */
export class InputError extends Error {}

/**
 * The most the CLI reads of one input (README, `yuanwen --help`). Larger files
 * are refused before they are read (by their size), standard input once it
 * passes the limit: a policy document is well under 1 MiB, and the extension
 * checks at most 2 MiB of a page's text.
 */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

/** A page as read: its text as the engine checks it, and what is known of where it came from. */
export interface PageFile {
  text: string;
  /** The HTML `<title>` (or, for an evidence report, the title of the page it recorded), `''` for plain text. */
  title: string;
  /** The address an evidence report recorded, `''` otherwise. */
  url: string;
}

export function readPage(path: string): string {
  return readPageFile(path).text;
}

/** A text file's contents (UTF-8 or GB18030), refusing binary and huge files. */
export function readTextFile(path: string): string {
  const bytes = readBytes(path);
  if (bytes.includes(0)) throw new InputError(`${path}: binary file (contains NUL bytes), expected text or HTML`);
  return decodeText(path, bytes).replace(/^\ufeff/, '');
}

/** An HTML page's title (its first h1, else <title>) and its text as the content script extracts it (for packs). */
export function htmlPage(html: string): { title: string; text: string } {
  const { document } = parseHTML(html);
  return { title: pageTitle(document), text: readableText(document) };
}

export function readPageFile(path: string): PageFile {
  const text = readTextFile(path);
  if (!isHtml(path, text)) return { text, title: '', url: '' };
  const { document } = parseHTML(text);
  if (isEvidenceReport(text)) {
    const kept = document.getElementById(PAGE_TEXT_ELEMENT_ID);
    if (!kept) throw new InputError(`${path}: an evidence report without its page text`);
    return { text: kept.textContent ?? '', title: kept.getAttribute('data-title') ?? '', url: kept.getAttribute('data-url') ?? '' };
  }
  return { text: readableText(document), title: document.title ?? '', url: '' };
}

/** The text a browser shows: what the page's own style sheets hide is left out, as the content script leaves it out. */
function readableText(document: Document): string {
  return extractText(document, { isHidden: hiddenByStyleSheets(document) }).text;
}

/** UTF-8, or GB18030 (which covers GBK and GB2312), as many Chinese sites still publish. */
function decodeText(path: string, bytes: Buffer): string {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // try the next encoding
    }
  }
  throw new InputError(`${path}: neither UTF-8 nor GB18030 (GBK) text`);
}

function readBytes(path: string): Buffer {
  let fd: number | undefined;
  try {
    fd = path === '-' ? 0 : openSync(path, 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    // A regular file is refused by its size, unread; a pipe or terminal by reading one byte past the limit.
    if (stat.isFile() && stat.size > MAX_INPUT_BYTES) throw tooLarge(path, `${mebibytes(stat.size)} MiB`);
    return readAtMost(fd, path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (e as Error).message;
    throw new InputError(`${path}: ${reason}`);
  } finally {
    if (fd !== undefined && fd !== 0) closeSync(fd);
  }
}

/** The input's bytes, or an InputError as soon as more than MAX_INPUT_BYTES arrive. */
function readAtMost(fd: number, path: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue; // a non-blocking stdin with nothing yet
      if ((e as NodeJS.ErrnoException).code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_INPUT_BYTES) throw tooLarge(path);
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total);
}

/** One line: the input, its size when known (a pipe's is not), and the limit. */
function tooLarge(path: string, size?: string): InputError {
  const name = path === '-' ? '(standard input)' : path;
  return new InputError(`${name}: ${size ? size + ', ' : ''}larger than the ${mebibytes(MAX_INPUT_BYTES)} MiB limit`);
}

function mebibytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1);
}

function isHtml(path: string, text: string): boolean {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm') return true;
  if (ext === '.txt') return false;
  // stdin and other names: sniff.
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text);
}
