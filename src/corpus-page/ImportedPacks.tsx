/**
 * The corpus page's imported packs: import a pack file (all or nothing, with
 * a progress bar and one clear message when the file is refused or the
 * import is interrupted), the packs with their documents, and removal. The
 * background owns the database; this page only sends it messages
 * (src/messages/corpus.ts), the file in chunks (src/core/corpus/pack-transfer.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, browser } from '../platform/browser';
import { sendMessage } from '../platform/messaging';
import { splitForTransfer } from '../core/corpus/pack-transfer';
import { IMPORT_LOST, MAX_PACK_TEXT, parseImportProgress, type CorpusResult, type PackSummary } from '../messages/corpus';

type Status =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'sending'; sent: number; total: number; bytes: number }
  | { kind: 'checking'; done: number; total: number }
  | { kind: 'storing'; done: number; total: number };

const fraction = (done: number, total: number) => (total > 0 ? Math.min(1, done / total) : 0);

/**
 * The whole import as one bar. The stages' shares are roughly their times
 * with the laws pack (1,512 documents, 54 MB): handing the file over about
 * 40 %, checking it 40 %, storing it 20 %.
 */
function progressOf(status: Status): number | undefined {
  switch (status.kind) {
    case 'sending':
      return 0.4 * fraction(status.sent, status.total);
    case 'checking':
      return 0.4 + 0.4 * fraction(status.done, status.total);
    case 'storing':
      return 0.8 + 0.2 * fraction(status.done, status.total);
    default:
      return undefined;
  }
}

function progressLabel(status: Status): string {
  switch (status.kind) {
    case 'sending': {
      const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
      return t('corpusPackSending', [mb(status.bytes * fraction(status.sent, status.total)), mb(status.bytes)]);
    }
    case 'checking':
      return t('corpusPackChecking', [String(status.done), String(status.total)]);
    case 'storing':
      return t('corpusPackImporting', [String(status.done), String(status.total)]);
    default:
      return t('corpusPackReading');
  }
}

/** A UTF-8 file over three bytes per allowed character is too large whatever it holds: refused before it is read. */
const MAX_PACK_BYTES = 3 * MAX_PACK_TEXT;

function viewerUrl(documentId: string): string {
  return browser.runtime.getURL(`viewer.html#${new URLSearchParams({ doc: documentId }).toString()}`);
}

function Pack({ pack, onRemove, busy }: { pack: PackSummary; onRemove: () => void; busy: boolean }) {
  const headingId = `pack-${pack.id}`;
  return (
    <article class="document pack" aria-labelledby={headingId} data-pack={pack.id}>
      <h3 id={headingId}>{pack.title}</h3>
      <p>
        <code>{pack.id}</code> · {t('corpusPackSummary', [String(pack.documents.length), new Date(pack.importedAt).toLocaleString()])}
      </p>
      <details>
        <summary>{t('corpusPackDocuments')}</summary>
        <ul class="contents pack-documents">
          {pack.documents.map((d) => (
            <li key={d.id} data-document={d.id}>
              <a href={viewerUrl(d.id)}>《{d.title}》</a> {d.date}
            </li>
          ))}
        </ul>
      </details>
      <button type="button" class="remove" disabled={busy} onClick={onRemove}>
        {t('corpusPackRemove')}
      </button>
    </article>
  );
}

export function ImportedPacks() {
  const [packs, setPacks] = useState<PackSummary[] | undefined>(undefined);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  /** The import this page runs: the background's progress notifications about any other are not ours. */
  const importing = useRef<string | undefined>(undefined);

  const refresh = async () => {
    const listed = (await sendMessage({ type: 'yuanwen/corpus-packs' })) ?? [];
    setPacks(listed);
    return listed;
  };
  useEffect(() => {
    void refresh();
    const listener = (raw: unknown) => {
      const progress = parseImportProgress(raw);
      if (!progress || progress.importId !== importing.current) return;
      setStatus({ kind: progress.stage, done: progress.done, total: progress.total });
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);

  const busy = status.kind !== 'idle';

  /**
   * Sends the file chunk after chunk, then asks the background to check and
   * store it. No answer (the worker was stopped: the message port closed) and
   * IMPORT_LOST mean the same: the import was interrupted, and whether the
   * store had committed is read from the packs list.
   */
  const transfer = async (file: File): Promise<CorpusResult<PackSummary> | undefined> => {
    if (file.size > MAX_PACK_BYTES) return { ok: false, error: `the file is larger than ${MAX_PACK_TEXT / 1024 / 1024} MB` };
    const text = await file.text();
    const chunks = splitForTransfer(text);
    const begun = await sendMessage({ type: 'yuanwen/corpus-import-begin', chars: text.length, chunks: chunks.length });
    if (!begun?.ok) return begun;
    importing.current = begun.value;
    for (const [index, chunk] of chunks.entries()) {
      const sent = await sendMessage({ type: 'yuanwen/corpus-import-chunk', importId: begun.value, index, text: chunk });
      if (!sent?.ok) return sent;
      setStatus({ kind: 'sending', sent: sent.value, total: text.length, bytes: file.size });
    }
    return sendMessage({ type: 'yuanwen/corpus-import-end', importId: begun.value });
  };

  const doImport = async (file: File) => {
    setResult(undefined);
    setStatus({ kind: 'reading' });
    const startedAt = Date.now();
    let answer: CorpusResult<PackSummary> | undefined;
    try {
      answer = await transfer(file);
    } catch {
      answer = undefined; // the background went away mid-message: as interrupted as no answer
    }
    importing.current = undefined;
    setStatus({ kind: 'idle' });
    const listed = await refresh();
    if (!answer || (!answer.ok && answer.error === IMPORT_LOST)) {
      const committed = listed.find((p) => p.importedAt >= startedAt);
      answer = committed ? { ok: true, value: committed } : undefined;
    }
    setResult(
      !answer
        ? { ok: false, text: t('corpusPackInterrupted') }
        : answer.ok
          ? { ok: true, text: t('corpusPackImported', [answer.value.title, String(answer.value.documents.length)]) }
          : { ok: false, text: t('corpusPackFailed', answer.error) },
    );
  };
  const doRemove = async (pack: PackSummary) => {
    setResult(undefined);
    const answer = await sendMessage({ type: 'yuanwen/corpus-remove', packId: pack.id });
    setResult(
      answer?.ok ? { ok: true, text: t('corpusPackRemoved', pack.title) } : { ok: false, text: answer?.ok === false ? answer.error : '' },
    );
    await refresh();
  };

  return (
    <section class="packs" aria-labelledby="packs-heading">
      <h2 id="packs-heading">{t('corpusPacksTitle')}</h2>
      <p class="intro">{t('corpusPacksIntro')}</p>
      <label class="import">
        {t('corpusPackImport')}{' '}
        <input
          type="file"
          id="pack-file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void doImport(file);
          }}
        />
      </label>
      {busy && (
        <div class="progress">
          <label for="pack-progress">{progressLabel(status)}</label>
          <progress id="pack-progress" max={1} value={progressOf(status)} data-stage={status.kind} />
        </div>
      )}
      <div role="status" aria-live="polite" id="pack-result" class={result ? (result.ok ? 'result ok' : 'result failed') : 'result'}>
        {result?.text}
      </div>
      {packs?.length === 0 && <p>{t('corpusPackNone')}</p>}
      {packs?.map((p) => (
        <Pack key={p.id} pack={p} busy={busy} onRemove={() => void doRemove(p)} />
      ))}
    </section>
  );
}
