/**
 * "Save this page as a canonical document": the reader who trusts the page
 * (typically the issuer's own site) reads what would be saved (its title,
 * editable; how many clauses and characters; where the text starts and
 * ends, the site's chrome left out) and saves it. The content script reads
 * the page; the background, the database's owner, builds and stores the
 * document (src/background/saved-documents.ts) and refuses a text already
 * saved. Page strings are rendered as text, never as HTML.
 */
import { useState } from 'preact/hooks';
import { t, type Tabs } from '../platform/browser';
import { sendMessage } from '../platform/messaging';
import { SourceFormatError } from '../core/corpus/laws-markdown';
import { savedPageDocument, MAX_TITLE, type PageSource } from '../core/corpus/saved-page';
import { clip } from './deviation-groups';

interface Preview {
  clauses: number;
  characters: number;
  first: string;
  last: string;
}

type Step = { kind: 'closed' } | { kind: 'reading' } | { kind: 'form'; source: PageSource; preview: Preview };

/** What would be saved, by the function the background saves with; a reason when nothing can be. */
function previewOf(source: PageSource): Preview | string {
  try {
    const doc = savedPageDocument(source, new Date().toISOString());
    const lines = doc.text.split('\n');
    return {
      clauses: doc.clauses.filter((c) => c.kind === 'numbered').length,
      characters: doc.text.length,
      first: clip(lines[0], 24),
      last: clip(lines[lines.length - 1], 24),
    };
  } catch (e) {
    if (e instanceof SourceFormatError) return e.message;
    throw e;
  }
}

export function SavePage({ tab }: { tab: Tabs.Tab }) {
  const [step, setStep] = useState<Step>({ kind: 'closed' });
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>(undefined);

  const open = async () => {
    setResult(undefined);
    setStep({ kind: 'reading' });
    const source = await sendMessage({ type: 'yuanwen/page-source' }, { tabId: tab.id! }).catch(() => undefined);
    if (!source) {
      setStep({ kind: 'closed' });
      return setResult({ ok: false, text: t('savePageNoText') });
    }
    const preview = previewOf(source);
    if (typeof preview === 'string') {
      setStep({ kind: 'closed' });
      return setResult({ ok: false, text: t('savePageFailed', preview) });
    }
    setTitle(source.title);
    setStep({ kind: 'form', source, preview });
  };

  const save = async (source: PageSource) => {
    setBusy(true);
    try {
      const answer = await sendMessage({ type: 'yuanwen/corpus-save-page', url: source.url, title, text: source.text });
      if (!answer) throw new Error('no answer from the background');
      if (answer.ok) {
        setStep({ kind: 'closed' });
        setResult({ ok: true, text: t('savePageSaved', answer.value.title) });
      } else {
        setResult({ ok: false, text: t('savePageFailed', answer.error) });
      }
    } catch (e) {
      setResult({ ok: false, text: t('savePageFailed', (e as Error).message) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="save-page" aria-labelledby="save-page-heading">
      {step.kind !== 'form' && (
        <button type="button" id="save-page-open" class="link-button" disabled={step.kind === 'reading'} onClick={() => void open()}>
          <span id="save-page-heading">{t('savePageOpen')}</span>
        </button>
      )}
      {step.kind === 'reading' && <p>{t('savePageReading')}</p>}
      {step.kind === 'form' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save(step.source);
          }}
        >
          <h2 id="save-page-heading">{t('savePageOpen')}</h2>
          <p class="hint">{t('savePageIntro')}</p>
          <label for="save-page-title">{t('savePageTitle')}</label>
          <input
            id="save-page-title"
            type="text"
            required
            maxLength={MAX_TITLE}
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
          <p class="save-page-preview">
            {t('savePagePreview', [String(step.preview.clauses), String(step.preview.characters), step.preview.first, step.preview.last])}
          </p>
          <button type="submit" id="save-page-save" disabled={busy || title.trim() === ''}>
            {t('savePageSave')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setStep({ kind: 'closed' })}>
            {t('savePageCancel')}
          </button>
        </form>
      )}
      <p role="status" aria-live="polite" id="save-page-result" class={result ? (result.ok ? 'result ok' : 'result failed') : 'result'}>
        {result?.text}
      </p>
    </section>
  );
}
