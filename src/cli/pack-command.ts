/**
 * `yuanwen pack DIR -o FILE`: a corpus pack from a folder of `.md` (the laws
 * collection's layout), `.txt` (the corpus source format, or plain text with
 * the title on its first line) and `.html`/`.htm` files (their text as the
 * extension saves a page: the site's chrome left out). A progress line on
 * standard error; one line per file that cannot be read, the rest packed.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import type { Corpus } from '../core/corpus/corpus';
import { buildPack, serializePack, type CorpusPack, type PackInput } from '../core/corpus/pack';
import { plainTextDocument, sourceFileDocument } from '../core/corpus/pack-source';
import { documentLines } from '../core/corpus/saved-page';
import { htmlPage, InputError, readTextFile } from './read-page';

const PACKABLE = new Set(['.md', '.txt', '.html', '.htm']);

/** The packable files under `dir`, sorted, depth first. */
export function packableFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (PACKABLE.has(extname(name).toLowerCase())) found.push(path);
    }
  };
  walk(dir);
  return found;
}

function readDocument(path: string, name: string): PackInput {
  const text = readTextFile(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm') {
    const page = htmlPage(text);
    // The site's chrome left out as when the extension saves a page (title line, bylines, footer), so both give one text.
    return plainTextDocument(name, page.title, documentLines(page.text, page.title).lines.join('\n'));
  }
  return sourceFileDocument(name, text);
}

export interface PackRun {
  pack: CorpusPack;
  files: number;
  /** One line per unreadable file: `path: reason`. */
  problems: string[];
}

export function packFolder(
  dir: string,
  header: { id: string; title: string },
  bundled: Corpus,
  progress: (done: number, total: number) => void = () => undefined,
): PackRun {
  const files = packableFiles(dir);
  const documents: PackInput[] = [];
  const problems: string[] = [];
  files.forEach((path, i) => {
    const name = relative(dir, path);
    try {
      documents.push(readDocument(path, name));
    } catch (e) {
      problems.push(`${path}: ${e instanceof InputError ? e.message.replace(`${path}: `, '') : (e as Error).message}`);
    }
    progress(i + 1, files.length);
  });
  // The bundled corpus's boilerplate is boilerplate in packs too.
  const pack = buildPack(header, documents, bundled.fingerprints.stop);
  return { pack, files: files.length, problems };
}

/** A pack id from the output file's name (`laws.pack.json` → `laws`). */
export function packIdFor(output: string): string {
  const id = basename(output)
    .replace(/(\.pack)?\.json$|\.[a-z]+$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return id || 'pack';
}

export function runPack(dir: string, output: string, header: { id?: string; title?: string }, bundled: Corpus): number {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new InputError(`${dir}: not a folder`);
  const tty = Boolean(process.stderr.isTTY);
  let lastShown = -1;
  const started = Date.now();
  const run = packFolder(dir, { id: header.id ?? packIdFor(output), title: header.title ?? basename(dir) }, bundled, (done, total) => {
    const percent = Math.floor((done / total) * 100);
    if (tty) process.stderr.write(`\rpack: ${done}/${total} files`);
    else if (percent >= lastShown + 10 || done === total) {
      process.stderr.write(`pack: ${done}/${total} files\n`);
      lastShown = percent;
    }
  });
  if (tty) process.stderr.write('\n');
  for (const problem of run.problems) process.stderr.write(`yuanwen: ${problem}\n`);
  if (run.pack.documents.length === 0) throw new InputError(`${dir}: no document could be read (of ${run.files} files)`);
  const text = serializePack(run.pack);
  try {
    writeFileSync(output, text);
  } catch (e) {
    throw new InputError(`${output}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const postings = run.pack.index.documents.length;
  process.stderr.write(
    `pack: ${run.pack.documents.length} documents from ${run.files} files` +
      (run.problems.length ? `, ${run.problems.length} unreadable` : '') +
      ` → ${output} (${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB, ${postings.toLocaleString('en')} postings) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return run.problems.length > 0 ? 2 : 0;
}
