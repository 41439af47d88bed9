/**
 * Reads what `yuanwen check` is given: a `.txt` file, an `.html`/`.htm` file
 * (text extracted as the content script extracts it), or `-` for stdin. An
 * evidence report (src/core/evidence) is read as the page text it keeps, so
 * checking a report again reproduces its finding.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractText } from '../page/extract-text';
import { PAGE_TEXT_ELEMENT_ID, isEvidenceReport } from '../core/evidence/page-text-block';

/** A file the CLI could not read, with a one-line reason. */
export class InputError extends Error {}

/** Larger inputs are refused rather than read into memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

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
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError(`${path}: larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB`);
  if (bytes.includes(0)) throw new InputError(`${path}: binary file (contains NUL bytes), expected text or HTML`);
  return decodeText(path, bytes).replace(/^\ufeff/, '');
}

/** An HTML page's title (its first h1, else <title>) and its text as the content script extracts it (for packs). */
export function htmlPage(html: string): { title: string; text: string } {
  const { document } = parseHTML(html);
  const title = (document.querySelector('h1')?.textContent ?? document.title ?? '').replace(/\s+/g, ' ').trim();
  return { title, text: extractText(document).text };
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
  return { text: extractText(document).text, title: document.title ?? '', url: '' };
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
  try {
    return path === '-' ? readFileSync(0) : readFileSync(path);
  } catch (e) {
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
  }
}

function isHtml(path: string, text: string): boolean {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm') return true;
  if (ext === '.txt') return false;
  // stdin and other names: sniff.
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text);
}
