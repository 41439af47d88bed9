/**
 * The corpus page's "Your documents": the pages the reader saved as
 * canonical from the popup, each with its title, URL, time saved and SHA-256;
 * rename, remove, and export all of them as a corpus pack (a file that
 * imports here, in another browser, or in `yuanwen check --corpus`). The
 * background owns the database; this page only sends it messages
 * (src/messages/corpus.ts). Titles and URLs are rendered as text; a URL is a
 * link only when it is http(s).
 */
import { useEffect, useState } from 'preact/hooks';
import { t, browser } from '../platform/browser';
import { sendMessage } from '../platform/messaging';
import { MAX_TITLE } from '../core/corpus/saved-page';
import type { SavedDocumentSummary } from '../messages/corpus';
import { offerDownload } from '../ui/download';

type Result = { ok: boolean; text: string } | undefined;

function viewerUrl(documentId: string): string {
  return browser.runtime.getURL(`viewer.html#${new URLSearchParams({ doc: documentId }).toString()}`);
}

function SavedDocument({
  doc,
  busy,
  onRename,
  onRemove,
}: {
  doc: SavedDocumentSummary;
  busy: boolean;
  onRename(title: string): Promise<boolean>;
  onRemove(): void;
}) {
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const headingId = `saved-${doc.id}`;
  return (
    <article class="document saved" aria-labelledby={headingId} data-document={doc.id}>
      <h3 id={headingId}>
        <a href={viewerUrl(doc.id)}>《{doc.title}》</a>
      </h3>
      <dl class="metadata">
        <dt>{t('savedUrl')}</dt>
        <dd class="saved-url">
          {/^https?:\/\//i.test(doc.url) ? (
            <a href={doc.url} target="_blank" rel="noopener noreferrer">
              {doc.url}
            </a>
          ) : (
            doc.url
          )}
        </dd>
        <dt>{t('savedAt')}</dt>
        <dd class="saved-at">
          <time dateTime={doc.savedAt}>{new Date(doc.savedAt).toLocaleString()}</time>
        </dd>
        <dt>{t('savedHash')}</dt>
        <dd>
          <code class="saved-hash">{doc.sha256}</code>
        </dd>
        <dt>{t('corpusStructure')}</dt>
        <dd>{t('savedStructure', [String(doc.clauses), String(doc.characters)])}</dd>
      </dl>
      {editing === undefined ? (
        <p>
          <button type="button" class="rename" disabled={busy} onClick={() => setEditing(doc.title)}>
            {t('savedRename')}
          </button>{' '}
          <button type="button" class="remove" disabled={busy} onClick={onRemove}>
            {t('savedRemove')}
          </button>
        </p>
      ) : (
        <form
          class="rename-form"
          onSubmit={(e) => {
            e.preventDefault();
            void onRename(editing).then((done) => done && setEditing(undefined));
          }}
        >
          <label>
            {t('savePageTitle')}{' '}
            <input
              type="text"
              class="rename-title"
              required
              maxLength={MAX_TITLE}
              value={editing}
              onInput={(e) => setEditing(e.currentTarget.value)}
            />
          </label>{' '}
          <button type="submit" class="rename-save" disabled={busy || editing.trim() === ''}>
            {t('savedRenameSave')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setEditing(undefined)}>
            {t('savePageCancel')}
          </button>
        </form>
      )}
    </article>
  );
}

export function SavedDocuments() {
  const [documents, setDocuments] = useState<SavedDocumentSummary[] | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(undefined);

  const refresh = async () => setDocuments((await sendMessage({ type: 'yuanwen/corpus-saved' })) ?? []);
  useEffect(() => {
    void refresh();
  }, []);

  /** Runs one change; the list is read again whatever happened. */
  const run = async (change: () => Promise<Result>): Promise<boolean> => {
    setBusy(true);
    setResult(undefined);
    try {
      const outcome = await change();
      setResult(outcome);
      return outcome?.ok === true;
    } catch (e) {
      setResult({ ok: false, text: t('savedFailed', (e as Error).message) });
      return false;
    } finally {
      setBusy(false);
      await refresh();
    }
  };
  const failed = (answer: { ok: false; error: string } | undefined): Result => ({
    ok: false,
    text: t('savedFailed', answer?.error ?? 'no answer'),
  });

  const rename = (doc: SavedDocumentSummary, title: string) =>
    run(async () => {
      const answer = await sendMessage({ type: 'yuanwen/corpus-rename', documentId: doc.id, title });
      return answer?.ok ? { ok: true, text: t('savedRenamed', answer.value.title) } : failed(answer);
    });
  const remove = (doc: SavedDocumentSummary) =>
    run(async () => {
      const answer = await sendMessage({ type: 'yuanwen/corpus-saved-remove', documentId: doc.id });
      return answer?.ok ? { ok: true, text: t('savedRemoved', doc.title) } : failed(answer);
    });
  const exportAll = () =>
    run(async () => {
      const answer = await sendMessage({ type: 'yuanwen/corpus-saved-export' });
      if (!answer?.ok) return failed(answer);
      offerDownload(answer.value.fileName, answer.value.text, 'application/json');
      return { ok: true, text: t('savedExported', [String(documents?.length ?? 0), answer.value.fileName]) };
    });

  return (
    <section class="saved-documents" aria-labelledby="saved-heading">
      <h2 id="saved-heading">{t('savedTitle')}</h2>
      <p class="intro">{t('savedIntro')}</p>
      {documents?.length === 0 && <p>{t('savedNone')}</p>}
      {documents !== undefined && documents.length > 0 && (
        <p>
          <button type="button" id="saved-export" disabled={busy} onClick={() => void exportAll()}>
            {t('savedExport')}
          </button>
        </p>
      )}
      <div role="status" aria-live="polite" id="saved-result" class={result ? (result.ok ? 'result ok' : 'result failed') : 'result'}>
        {result?.text}
      </div>
      {documents?.map((d) => (
        <SavedDocument key={d.id} doc={d} busy={busy} onRename={(title) => rename(d, title)} onRemove={() => void remove(d)} />
      ))}
    </section>
  );
}
