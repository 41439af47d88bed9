/**
 * Export and import of highlights for the options page. Both are the
 * background's (src/background/highlights.ts owns the database, and
 * src/core/highlight/annotation-export.ts names the files); this page
 * offers the exported file for download and reads the file to import.
 *
 * Import is all or nothing and reports progress: the file is read with
 * progress events, checked in full by `parseImport` (src/core/highlight/backup.ts:
 * one message for whatever is wrong, before anything is sent), then sent to
 * the background, which checks it again (a receiver trusts no sender) and
 * writes it in ONE transaction. Any failure aborts the transaction, so the
 * database is left exactly as it was.
 */
import type { ExportFormat, ExportedFile } from '../core/highlight/annotation-export';
import { checkImportSize, parseImport, type ImportFormat } from '../core/highlight/backup';
import { resultValue, sendMessage } from '../platform/messaging';
import { t } from '../platform/browser';
import { offerDownload } from '../ui/download';

/** Every highlight as a file of `format`, from the background. */
export function exportHighlights(format: ExportFormat): Promise<ExportedFile> {
  return resultValue(sendMessage({ type: 'yuanwen/highlights-export', format }));
}

/** How many highlights are stored. */
export function countHighlights(): Promise<number> {
  return resultValue(sendMessage({ type: 'yuanwen/highlights-count' }));
}

/** Offers a file to the user as a download. */
export function download(file: ExportedFile): void {
  offerDownload(file.filename, file.text, file.mimeType);
}

export type ImportPhase = 'reading' | 'checking' | 'writing';
export interface ImportProgress {
  phase: ImportPhase;
  /** 0…1; undefined while the length of the phase is unknown. */
  fraction: number | undefined;
}

/** `cancelled`: the reader said no to deleting highlights the file lacks. */
export type ImportOutcome = { ok: true; count: number; format: ImportFormat } | { ok: false; message: string; cancelled?: true };

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
  file: Blob,
  replace: boolean,
  onProgress: (p: ImportProgress) => void,
  /** Asked when a replace would delete highlights the file does not hold (window.confirm on the page). */
  confirmDeletes: (question: string) => boolean,
): Promise<ImportOutcome> {
  const tooLarge = checkImportSize(file.size);
  if (tooLarge) return { ok: false, message: tooLarge };
  let text: string;
  try {
    text = await readText(file, onProgress);
  } catch (e) {
    return { ok: false, message: `The file could not be read (${e instanceof Error ? e.message : String(e)}). Nothing was imported.` };
  }
  onProgress({ phase: 'checking', fraction: undefined });
  // Let the progress bar paint before a long synchronous check.
  await new Promise((r) => setTimeout(r, 0));
  const checked = parseImport(text);
  if (!checked.ok) return { ok: false, message: checked.message };
  onProgress({ phase: 'writing', fraction: undefined });
  try {
    const mode = replace ? 'replace' : 'merge';
    let answer = await sendMessage({ type: 'yuanwen/highlights-import', text, mode });
    if (answer && !answer.ok && answer.error.code === 'needs-confirmation') {
      const deletes = answer.error.count ?? 0;
      if (!confirmDeletes(t(deletes === 1 ? 'optionsReplaceDeletesOne' : 'optionsReplaceDeletes', String(deletes)))) {
        return { ok: false, message: t('optionsImportCancelled'), cancelled: true };
      }
      answer = await sendMessage({ type: 'yuanwen/highlights-import', text, mode, confirmDeletes: true });
    }
    const summary = await resultValue(Promise.resolve(answer));
    onProgress({ phase: 'writing', fraction: 1 });
    return { ok: true, ...summary };
  } catch (e) {
    return { ok: false, message: `${e instanceof Error ? e.message : String(e)} Nothing was imported.` };
  }
}
