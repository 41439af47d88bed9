/**
 * The options page: language, sites where Yuanwen is off, canonical
 * anchoring of highlights, what the colours mean, export and import of
 * highlights (with a progress bar), and the storage used. Every setting is
 * stored in `browser.storage.local`; content scripts follow the changes
 * (site switch, language) without a reload of this page.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser, t, type MessageKey } from '../platform/browser';
import { languageOverride, storeLanguageChoice, type LanguageChoice } from '../platform/i18n';
import { onSiteSettingsChanged, readSiteSettings, setSiteEnabled } from '../platform/site-settings';
import { readHighlightSettings, setCanonicalAnchoring } from '../platform/highlight-settings';
import { colorName } from '../ui/highlight-colors';
import { HIGHLIGHT_COLORS, readColorLabels, setColorLabel, type ColorLabels } from '../platform/color-labels';
import type { ExportFormat } from '../core/highlight/annotation-export';
import { countHighlights, download, exportHighlights, importFile, type ImportProgress } from './transfer';

const LANGUAGE_TAGS: Record<LanguageChoice, string | undefined> = { browser: undefined, zh_CN: 'zh-CN', zh_TW: 'zh-TW', en: 'en' };

function LanguageSection() {
  const [choice, setChoice] = useState<LanguageChoice>(languageOverride() ?? 'browser');
  const options: [LanguageChoice, string][] = [
    ['browser', t('optionsLanguageBrowser')],
    ['zh_CN', '中文（简体）'],
    ['zh_TW', '中文（繁體）'],
    ['en', 'English'],
  ];
  return (
    <section aria-labelledby="language-heading">
      <h2 id="language-heading">{t('optionsLanguage')}</h2>
      <div role="radiogroup" aria-labelledby="language-heading" class="choices">
        {options.map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="language"
              value={value}
              checked={choice === value}
              lang={LANGUAGE_TAGS[value]}
              onChange={() => {
                setChoice(value);
                void storeLanguageChoice(browser, value);
              }}
            />
            <span lang={LANGUAGE_TAGS[value]}>{label}</span>
          </label>
        ))}
      </div>
      <p class="hint">{t('optionsLanguageHint')}</p>
    </section>
  );
}

function SitesSection() {
  const [sites, setSites] = useState<string[] | undefined>(undefined);
  useEffect(() => {
    void readSiteSettings().then((s) => setSites(s.disabledSites));
    onSiteSettingsChanged((s) => setSites(s.disabledSites));
  }, []);
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('optionsSites')}</h2>
      {sites !== undefined && sites.length === 0 && <p class="muted">{t('optionsNoSitesOff')}</p>}
      {sites !== undefined && sites.length > 0 && (
        <ul class="sites">
          {sites.map((site) => (
            <li key={site}>
              <span class="site">{site}</span>
              <button type="button" onClick={() => void setSiteEnabled(site, true)} aria-label={t('optionsSiteEnableLabel', site)}>
                {t('optionsSiteEnable')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="hint">{t('optionsSitesHint')}</p>
    </section>
  );
}

function HighlightsSection() {
  const [anchoring, setAnchoring] = useState<boolean | undefined>(undefined);
  const [labels, setLabels] = useState<ColorLabels>({});
  useEffect(() => {
    void readHighlightSettings().then((s) => setAnchoring(s.canonicalAnchoring));
    void readColorLabels().then(setLabels);
  }, []);
  return (
    <section aria-labelledby="highlights-heading">
      <h2 id="highlights-heading">{t('optionsHighlights')}</h2>
      {anchoring !== undefined && (
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            id="canonical-anchoring"
            checked={anchoring}
            aria-describedby="canonical-anchoring-hint"
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setAnchoring(on);
              void setCanonicalAnchoring(on);
            }}
          />
          {t('optionsCanonicalAnchoring')}
        </label>
      )}
      <p class="hint" id="canonical-anchoring-hint">
        {t('optionsCanonicalAnchoringHint')}
      </p>
      <h3>{t('optionsColors')}</h3>
      <p class="hint">{t('optionsColorsHint')}</p>
      <ul class="colors">
        {HIGHLIGHT_COLORS.map((color) => (
          <li key={color}>
            <span class={`swatch color-${color}`} aria-hidden="true" />
            <label for={`color-${color}`}>{colorName(color)}</label>
            <input
              id={`color-${color}`}
              type="text"
              maxLength={40}
              value={labels[color] ?? ''}
              placeholder={t('optionsColorPlaceholder')}
              onChange={(e) => {
                const value = e.currentTarget.value;
                void setColorLabel(color, value).then(readColorLabels).then(setLabels);
              }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

const PHASE_KEYS: Record<ImportProgress['phase'], MessageKey> = {
  reading: 'optionsImportReading',
  checking: 'optionsImportChecking',
  writing: 'optionsImportWriting',
};

function TransferSection({ onChanged }: { onChanged(): void }) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | undefined>(undefined);
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [replace, setReplace] = useState(false);

  const doExport = async (format: ExportFormat) => {
    try {
      const file = await exportHighlights(format);
      download(file);
      setResult({ ok: true, text: t('optionsExported', [String(file.count), file.filename]) });
    } catch (e) {
      setResult({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };

  const doImport = async (file: File) => {
    setBusy(true);
    setResult(undefined);
    setProgress({ phase: 'reading', fraction: 0 });
    const outcome = await importFile(file, replace, setProgress, (question) => window.confirm(question));
    setBusy(false);
    setProgress(undefined);
    if (outcome.ok) {
      setResult({ ok: true, text: t('optionsImported', String(outcome.count)) });
      onChanged();
    } else {
      setResult({ ok: false, text: outcome.cancelled ? outcome.message : `${t('optionsImportFailed')} ${outcome.message}` });
    }
  };

  return (
    <section aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{t('optionsTransfer')}</h2>
      <div class="row">
        <button type="button" onClick={() => void doExport('web-annotation')}>
          {t('optionsExportWebAnnotation')}
        </button>
        <button type="button" onClick={() => void doExport('markdown')}>
          {t('optionsExportMarkdown')}
        </button>
        <button type="button" onClick={() => void doExport('backup')}>
          {t('optionsExportBackup')}
        </button>
      </div>
      <h3>{t('optionsImport')}</h3>
      <p class="hint">{t('optionsImportHint')}</p>
      <label class="switch">
        <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.currentTarget.checked)} />
        {t('optionsImportReplace')}
      </label>
      <div class="row">
        <label for="import-file">{t('optionsImportFile')}</label>
        <input
          id="import-file"
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          disabled={busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void doImport(file);
          }}
        />
      </div>
      {progress && (
        <div class="progress">
          <label for="import-progress">{t(PHASE_KEYS[progress.phase])}</label>
          <progress id="import-progress" max={1} value={progress.fraction} />
        </div>
      )}
      <div role="status" aria-live="polite" class={result ? (result.ok ? 'result ok' : 'result failed') : 'result'} id="transfer-result">
        {result?.text}
      </div>
    </section>
  );
}

function StorageSection({ generation }: { generation: number }) {
  const [estimate, setEstimate] = useState<{ usage?: number; quota?: number; persisted?: boolean; count?: number } | undefined>(undefined);
  useEffect(() => {
    void (async () => {
      const e = await navigator.storage?.estimate?.().catch(() => undefined);
      const persisted = await navigator.storage?.persisted?.().catch(() => undefined);
      const count = await countHighlights().catch(() => undefined);
      setEstimate({ usage: e?.usage, quota: e?.quota, persisted, count });
    })();
  }, [generation]);
  const mb = (n: number) => (n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 2 : 0);
  return (
    <section aria-labelledby="storage-heading">
      <h2 id="storage-heading">{t('optionsStorage')}</h2>
      {estimate && (
        <dl class="storage">
          <dt>{t('optionsStorageHighlights')}</dt>
          <dd id="storage-count">{estimate.count ?? '—'}</dd>
          <dt>{t('optionsStorageUsed')}</dt>
          <dd id="storage-used">
            {estimate.usage !== undefined && estimate.quota !== undefined
              ? t('optionsStorageUsage', [mb(estimate.usage), mb(estimate.quota)])
              : '—'}
          </dd>
          <dt>{t('optionsStoragePersistent')}</dt>
          <dd>{estimate.persisted ? t('optionsYes') : t('optionsNo')}</dd>
        </dl>
      )}
    </section>
  );
}

export function Options() {
  const [generation, setGeneration] = useState(0);
  return (
    <>
      <h1>{t('optionsTitle')}</h1>
      <LanguageSection />
      <SitesSection />
      <HighlightsSection />
      <TransferSection onChanged={() => setGeneration((g) => g + 1)} />
      <StorageSection generation={generation} />
      <p class="links">
        <a href={browser.runtime.getURL('src/library/index.html')}>{t('libraryTitle')}</a>
        <a href={browser.runtime.getURL('src/corpus-page/index.html')}>{t('corpusTitle')}</a>
      </p>
    </>
  );
}
