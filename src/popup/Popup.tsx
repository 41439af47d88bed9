/**
 * The toolbar popup: what the current tab reprints, one line per document.
 * All strings through i18n; page-derived strings (titles come from our own
 * corpus, but still) are rendered as text by Preact, never as HTML.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser, t, type Tabs } from '../platform/browser';
import { hasPageAccess, openFirstRunPage } from '../platform/host-access';
import { isSiteEnabled, setSiteEnabled, siteOf } from '../platform/site-settings';
import type { DocumentMatch, Report } from '../core/report';
import { tabReport, targetTab } from './current-tab-report';

type State =
  | { kind: 'checking' }
  | { kind: 'no-access' }
  | { kind: 'unavailable' }
  | { kind: 'ready'; report: Report };

function Verdict({ match, deviations }: { match: DocumentMatch; deviations: number }) {
  if (match.heavilyAltered) return <p class="verdict-altered">{t('popupHeavilyAltered')}</p>;
  if (deviations === 0) return <p class="verdict-faithful">{t('popupFaithful')}</p>;
  return <p class="verdict-deviations">{t('popupDeviations', String(deviations))}</p>;
}

function DocumentLine({ match, report }: { match: DocumentMatch; report: Report }) {
  const deviations = report.deviations.filter((d) => d.documentId === match.id).length;
  return (
    <li>
      <div class="title">《{match.title}》</div>
      <Verdict match={match} deviations={deviations} />
      <div class="coverage">{t('popupCoverage', String(Math.round(match.coverage * 100)))}</div>
    </li>
  );
}

/** The per-site switch: off means the content script reads nothing on this site. */
function SiteSwitch({ tab, onChange }: { tab: Tabs.Tab; onChange(enabled: boolean): void }) {
  const site = siteOf(tab.url ?? '');
  const [enabled, setEnabled] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    if (site) void isSiteEnabled(site).then(setEnabled);
  }, [site]);
  if (!site || enabled === undefined) return null;
  const toggle = async (next: boolean) => {
    await setSiteEnabled(site, next);
    setEnabled(next);
    // The page's badge described what Yuanwen read there; off, it reads nothing.
    if (!next && tab.id !== undefined) await browser.action.setBadgeText({ tabId: tab.id, text: '' });
    onChange(next);
  };
  return (
    <>
      <label class="site-switch">
        <input type="checkbox" checked={enabled} onChange={(e) => void toggle(e.currentTarget.checked)} />
        {t('popupSiteSwitch', site)}
      </label>
      {!enabled && <p class="site-off">{t('popupSiteOff')}</p>}
    </>
  );
}

export function Popup() {
  const [state, setState] = useState<State>({ kind: 'checking' });
  const [tab, setTab] = useState<Tabs.Tab | undefined>(undefined);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    (async () => {
      if (!(await hasPageAccess())) return setState({ kind: 'no-access' });
      const target = await targetTab();
      setTab(target);
      try {
        setState({ kind: 'ready', report: await tabReport(target) });
      } catch {
        setState({ kind: 'unavailable' });
      }
    })();
  }, [generation]);

  return (
    <>
      <h1>{t('popupHeading')}</h1>
      {tab && <SiteSwitch tab={tab} onChange={() => setTimeout(() => setGeneration((g) => g + 1), 100)} />}
      {state.kind === 'checking' && <p>{t('popupChecking')}</p>}
      {state.kind === 'unavailable' && <p>{t('popupUnavailable')}</p>}
      {state.kind === 'no-access' && (
        <>
          <p>{t('popupHostAccessMissing')}</p>
          {/* Asked from a tab, not here: Firefox closes the popup when its permission prompt opens. */}
          <button type="button" onClick={() => void openFirstRunPage().then(() => window.close())}>
            {t('popupGrantAccess')}
          </button>
        </>
      )}
      {state.kind === 'ready' && state.report.documents.length === 0 && <p>{t('popupNoDocument')}</p>}
      {state.kind === 'ready' && state.report.documents.length > 0 && (
        <ul>
          {state.report.documents.map((match) => (
            <DocumentLine key={match.id} match={match} report={state.report} />
          ))}
        </ul>
      )}
    </>
  );
}
