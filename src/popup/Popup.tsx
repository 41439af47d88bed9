/**
 * The toolbar popup: what the current tab reprints, one line per document.
 * All strings through i18n; page-derived strings (titles come from our own
 * corpus, but still) are rendered as text by Preact, never as HTML.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../platform/browser';
import { hasPageAccess, openFirstRunPage } from '../platform/host-access';
import type { DocumentMatch, Report } from '../core/report';
import { currentTabReport } from './current-tab-report';

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

export function Popup() {
  const [state, setState] = useState<State>({ kind: 'checking' });

  useEffect(() => {
    (async () => {
      if (!(await hasPageAccess())) return setState({ kind: 'no-access' });
      try {
        setState({ kind: 'ready', report: await currentTabReport() });
      } catch {
        setState({ kind: 'unavailable' });
      }
    })();
  }, []);

  return (
    <>
      <h1>{t('popupHeading')}</h1>
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
