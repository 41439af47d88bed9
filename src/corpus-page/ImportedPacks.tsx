/**
 * The corpus page's imported packs: import a pack file (all or nothing, with
 * a progress bar and one clear message when the file is refused), the packs
 * with their documents, and removal. The background owns the database; this
 * page only sends it messages (src/messages/corpus.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { t, browser } from '../platform/browser';
import { sendMessage } from '../platform/messaging';
import { parseImportProgress, type PackSummary } from '../messages/corpus';

type Status = { kind: 'idle' } | { kind: 'reading' } | { kind: 'importing'; done: number; total: number };

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

  const refresh = async () => setPacks((await sendMessage({ type: 'yuanwen/corpus-packs' })) ?? []);
  useEffect(() => {
    void refresh();
    const listener = (raw: unknown) => {
      const progress = parseImportProgress(raw);
      if (progress) setStatus({ kind: 'importing', done: progress.done, total: progress.total });
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);

  const busy = status.kind !== 'idle';
  const doImport = async (file: File) => {
    setResult(undefined);
    setStatus({ kind: 'reading' });
    try {
      const answer = await sendMessage({ type: 'yuanwen/corpus-import', text: await file.text() });
      if (!answer) throw new Error('no answer from the background');
      setResult(
        answer.ok
          ? { ok: true, text: t('corpusPackImported', [answer.value.title, String(answer.value.documents.length)]) }
          : { ok: false, text: t('corpusPackFailed', answer.error) },
      );
    } catch (e) {
      setResult({ ok: false, text: t('corpusPackFailed', (e as Error).message) });
    } finally {
      setStatus({ kind: 'idle' });
      await refresh();
    }
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
          <label for="pack-progress">
            {status.kind === 'importing' ? t('corpusPackImporting', [String(status.done), String(status.total)]) : t('corpusPackReading')}
          </label>
          <progress
            id="pack-progress"
            max={1}
            value={status.kind === 'importing' && status.total > 0 ? status.done / status.total : undefined}
          />
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
