/**
 * The layout's rules, checked on the source tree (in the spirit of
 * refined-github's build/features.test.ts), so a boundary holds without
 * anyone having to remember it. ESLint (eslint.config.js) enforces the same
 * import rules while editing; this test states them in one place and also
 * covers what a lint rule cannot (loose files, folder names).
 *
 * - src/core imports only src/core (and pure npm packages);
 * - only the background opens the database: src/storage (and Dexie) is
 *   imported from src/background and src/storage alone;
 * - an extension page's folder does not import another page's folder;
 * - src/ has folders only, no loose top-level files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');
/** Folders that are extension pages (each its own HTML entry). */
const PAGES = ['popup', 'library', 'options', 'viewer', 'corpus-page', 'first-run', 'highlight-frame'];
const BROWSER_PACKAGES = ['webextension-polyfill', 'dexie', 'preact'];

interface Import {
  /** The importing file, relative to src/ (`popup/Popup.tsx`). */
  file: string;
  specifier: string;
  /** For a relative import: the src/ folder it lands in (`storage`), or `..` outside src/. */
  folder?: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|cts|mts)$/.test(name) ? [path] : [];
  });
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(path: string): Import[] {
  const text = readFileSync(path, 'utf8');
  const file = relative(SRC, path).split(sep).join('/');
  return [...text.matchAll(IMPORT)].map((m) => {
    const specifier = m[1] ?? m[2] ?? m[3];
    if (!specifier.startsWith('.')) return { file, specifier };
    const target = relative(SRC, resolve(dirname(path), specifier)).split(sep);
    return { file, specifier, folder: target[0] === '..' ? '..' : target[0] };
  });
}

const imports = sourceFiles(SRC).flatMap(importsOf);
const folderOf = (file: string) => file.split('/')[0];
const show = (list: Import[]) => list.map((i) => `${i.file} imports ${i.specifier}`);

describe('layout conventions', () => {
  it('reads the imports of the whole tree (the check below is not vacuous)', () => {
    expect(imports.filter((i) => folderOf(i.file) === 'core').length).toBeGreaterThan(20);
    expect(imports.some((i) => i.file.startsWith('background/') && i.folder === 'storage')).toBe(true);
  });

  it('src/core imports only src/core and pure packages: browser code depends on core, never the reverse', () => {
    const outside = imports.filter(
      (i) =>
        folderOf(i.file) === 'core' &&
        (i.folder !== undefined ? i.folder !== 'core' : BROWSER_PACKAGES.some((p) => i.specifier.startsWith(p))),
    );
    expect(show(outside)).toEqual([]);
  });

  it('only the background opens the database: src/storage and Dexie are imported from src/background and src/storage alone', () => {
    const owners = new Set(['background', 'storage']);
    const elsewhere = imports.filter(
      (i) => !owners.has(folderOf(i.file)) && (i.folder === 'storage' || i.specifier === 'dexie' || i.specifier.startsWith('dexie/')),
    );
    expect(show(elsewhere)).toEqual([]);
  });

  it('an extension page does not import another page’s folder (shared pieces live in src/ui, src/platform, src/messages, src/core)', () => {
    const across = imports.filter(
      (i) => PAGES.includes(folderOf(i.file)) && i.folder && PAGES.includes(i.folder) && i.folder !== folderOf(i.file),
    );
    expect(show(across)).toEqual([]);
  });

  it('src/ holds folders only: every file belongs to the folder of its job', () => {
    const loose = readdirSync(SRC).filter((name) => !statSync(join(SRC, name)).isDirectory());
    expect(loose).toEqual([]);
  });

  it('every folder of src/ is one the README’s layout section describes', () => {
    const readme = readFileSync(resolve(SRC, '..', 'README.md'), 'utf8');
    const undocumented = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory() && !readme.includes(`src/${name}/`));
    expect(undocumented).toEqual([]);
  });
});
