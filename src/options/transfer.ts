/**
 * Export and import of highlights for the options page. The page opens the
 * highlight database directly (same origin as the background that owns it).
 *
 * Import is all or nothing and reports progress: the file is read with
 * progress events, checked in full by `parseImport` (src/core/highlight/backup.ts: one
 * message for whatever is wrong), then written in ONE transaction in chunks,
 * progress reported between chunks. Any failure aborts the transaction, so
 * the database is left exactly as it was.
 */
import { backupJson, toMarkdown, webAnnotationJson } from '../core/highlight/annotation-export';
import { checkImportSize, parseImport, type ImportFormat } from '../core/highlight/backup';
import type { Highlight } from '../core/highlight/record';
import { toRow, type HighlightDatabase } from '../storage/highlight-db';
import { storeError } from '../storage/highlight-store';

export type ExportKind = 'web-annotation' | 'markdown' | 'backup';

export interface ExportFile {
  text: string;
  filename: string;
  mimeType: string;
}

export function exportFile(
  kind: ExportKind,
  highlights: readonly Highlight[],
  options: { documentTitle(id: string): string | undefined; viewerUrl(doc: string, clause: string): string },
  now = new Date(),
): ExportFile {
  const day = now.toISOString().slice(0, 10);
  switch (kind) {
    case 'web-annotation':
      return { text: webAnnotationJson(highlights, now), filename: `yuanwen-annotations-${day}.jsonld`, mimeType: 'application/ld+json' };
    case 'markdown':
      return { text: toMarkdown(highlights, { ...options, now }), filename: `yuanwen-highlights-${day}.md`, mimeType: 'text/markdown' };
    case 'backup':
      return { text: backupJson(highlights, now), filename: `yuanwen-backup-${day}.json`, mimeType: 'application/json' };
  }
}

/** Offers a file to the user as a download. */
export function download(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mimeType};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type ImportPhase = 'reading' | 'checking' | 'writing';
export interface ImportProgress {
  phase: ImportPhase;
  /** 0…1 */
  fraction: number;
}

export type ImportOutcome = { ok: true; count: number; format: ImportFormat } | { ok: false; message: string };

/** Rows written per step of the import transaction. */
export const IMPORT_CHUNK = 500;

function readText(file: Blob, onProgress: (p: ImportProgress) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ phase: 'reading', fraction: e.loaded / e.total });
    };
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file, 'utf-8');
  });
}

/** Import a file: merge (same id: the file's version wins) or replace everything. */
export async function importFile(
  db: HighlightDatabase,
  file: Blob,
  replace: boolean,
  onProgress: (p: ImportProgress) => void,
): Promise<ImportOutcome> {
  const tooLarge = checkImportSize(file.size);
  if (tooLarge) return { ok: false, message: tooLarge };
  let text: string;
  try {
    text = await readText(file, onProgress);
  } catch (e) {
    return { ok: false, message: `The file could not be read (${e instanceof Error ? e.message : String(e)}). Nothing was imported.` };
  }
  onProgress({ phase: 'checking', fraction: 0 });
  // Let the progress bar paint before a long synchronous check.
  await new Promise((r) => setTimeout(r, 0));
  const parsed = parseImport(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const rows = parsed.highlights.map(toRow);
  onProgress({ phase: 'writing', fraction: 0 });
  try {
    await db.transaction('rw', db.highlights, async () => {
      if (replace) await db.highlights.clear();
      for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
        await db.highlights.bulkPut(rows.slice(i, i + IMPORT_CHUNK));
        onProgress({ phase: 'writing', fraction: Math.min(1, (i + IMPORT_CHUNK) / Math.max(1, rows.length)) });
      }
    });
  } catch (e) {
    return { ok: false, message: `${storeError(e, 'import the highlights').message} Nothing was imported.` };
  }
  onProgress({ phase: 'writing', fraction: 1 });
  return { ok: true, count: rows.length, format: parsed.format };
}
