/**
 * The toolbar popup for the current tab (or tab ID with `?tab=ID`): the
 * documents the page reprints, with how much of each it reproduces word for
 * word and how much of it it covers; the deviations grouped by clause,
 * canonical and page readings side by side, each a button that scrolls the
 * page to it; this page's highlights (orphans called out); the site switch;
 * saving the page as a canonical document of the reader's own (./SavePage.tsx).
 * All strings through i18n; page-derived strings are rendered as text by
 * Preact, never as HTML.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser, t, type MessageKey, type Tabs } from '../platform/browser';
import { hasPageAccess, openFirstRunPage } from '../platform/host-access';
import { isSiteEnabled, setSiteEnabled, siteOf } from '../platform/site-settings';
import { useCanonicalDocument } from '../ui/canonical-document';
import { versionNote } from '../core/check/version-note';
import type { DocumentMatch, Report } from '../core/check/report';
import { sendMessage } from '../platform/messaging';
import { tabReport, targetTab } from './current-tab-report';
import { groupDeviations, clip, type DeviationItem } from './deviation-groups';
import { pageHighlights, type PageHighlight } from './page-highlights';
import { deviationKindName } from '../ui/deviation-kind';
import { ExportEvidence } from '../ui/ExportEvidence';
import { SavePage } from './SavePage';
import { relationDetails, relationLine } from '../ui/relation-summary';
import { describeRelation } from '../core/check/relation-description';

type State = { kind: 'checking' } | { kind: 'no-access' } | { kind: 'unavailable' } | { kind: 'ready'; report: Report };

export const pageUrl = (path: string) => browser.runtime.getURL(path);
export const CORPUS_PAGE = 'src/corpus-page/index.html';
export const LIBRARY_PAGE = 'src/library/index.html';
/**
 * Highlights the popup lists per list (on the page, not found): a page whose
 * clauses carry thousands of canonical highlights would otherwise make a
 * popup hundreds of thousands of pixels tall. The rest are in the library.
 */
export const POPUP_HIGHLIGHTS = 50;

function percent(x: number): string {
  return String(Math.round(x * 1000) / 10);
}

function Verdict({ match, deviations }: { match: DocumentMatch; deviations: number }) {
  if (match.heavilyAltered) return <p class="verdict verdict-altered">{t('popupHeavilyAltered')}</p>;
  if (deviations === 0) return <p class="verdict verdict-faithful">{t('popupFaithful')}</p>;
  return <p class="verdict verdict-deviations">{t('popupDeviations', String(deviations))}</p>;
}

function DeviationButton({ item, tabId, onResult }: { item: DeviationItem; tabId: number | undefined; onResult(found: boolean): void }) {
  const d = item.deviation;
  const kind = deviationKindName(d.kind);
  const scroll = async () => {
    if (tabId === undefined) return;
    const found = await sendMessage({ type: 'yuanwen/scroll-to', pageStart: d.pageStart, pageEnd: d.pageEnd }, { tabId }).then(
      (answer) => answer === true,
      () => false,
    );
    onResult(found);
  };
  return (
    <button type="button" class={`deviation ${d.kind}`} data-page-start={d.pageStart} onClick={() => void scroll()}>
      <span class="kind">{kind}</span>
      <span class="reading canonical">
        <span class="visually-hidden">{t('cardCanonical')}</span>
        {item.before && <span class="context">…{item.before}</span>}
        {item.canonical ? <del>{item.canonical}</del> : <span class="empty">{t('popupNothing')}</span>}
        {item.after && <span class="context">{item.after}…</span>}
      </span>
      <span class="reading page">
        <span class="visually-hidden">{t('cardPage')}</span>
        {item.before && <span class="context">…{item.before}</span>}
        {item.page ? <ins>{item.page}</ins> : <span class="empty">{t('popupNothing')}</span>}
        {item.after && <span class="context">{item.after}…</span>}
      </span>
    </button>
  );
}

function DocumentSection({
  match,
  report,
  tabId,
  index,
}: {
  match: DocumentMatch;
  report: Report;
  tabId: number | undefined;
  index: number;
}) {
  const [scrollNote, setScrollNote] = useState<string>('');
  const canonical = useCanonicalDocument(match.id);
  const canonicalText = canonical && canonical !== 'loading' ? canonical.text : undefined;
  const version = versionNote(match);
  const groups = groupDeviations(report, match.id, canonicalText);
  const description = describeRelation(match, report.deviations);
  const firstClause = match.clauses[0]?.clauseId ?? '';
  const viewer = pageUrl(
    `viewer.html#doc=${encodeURIComponent(match.id)}${firstClause ? `&clause=${firstClause}` : ''}${tabId !== undefined ? `&tab=${tabId}` : ''}`,
  );
  const headingId = `doc-${index}`;
  return (
    <section class="document" aria-labelledby={headingId}>
      <h2 id={headingId} class="title">
        《{match.title}》
      </h2>
      <p class="relation">{relationLine(match.title, description, match.heavilyAltered)}</p>
      {relationDetails(description).map((line) => (
        <p class="relation-detail" key={line}>
          {line}
        </p>
      ))}
      {version && (
        <p class="version-note" role="note">
          {t(version.years ? 'versionNoteYears' : 'versionNoteDates', [version.reprinted, version.newest])}
        </p>
      )}
      <Verdict match={match} deviations={description.changes} />
      <p class="figures">
        <span class="figure match-ratio">{t('popupMatchRatio', percent(match.matchRatio))}</span>
        <span class="figure coverage">{t('popupCoverage', percent(match.coverage))}</span>
        {report.traditional && <span class="figure traditional">{t('summaryTraditional')}</span>}
      </p>
      <p>
        <a href={viewer} target="_blank" rel="noopener">
          {t('summaryOpenViewer')}
        </a>
      </p>
      {groups.length > 0 && (
        <>
          <h3 class="deviations-heading">{t('popupDeviationsHeading')}</h3>
          <p class="hint" id={`${headingId}-hint`}>
            {t('popupDeviationsHint')}
          </p>
          <div class="columns" aria-hidden="true">
            <span />
            <span>{t('cardCanonical')}</span>
            <span>{t('cardPage')}</span>
          </div>
          {groups.map((group) => (
            <section class="clause-group" key={group.clause} aria-label={group.clause || t('clausePreamble')}>
              <h4 class="clause-label">{group.clause || t('clausePreamble')}</h4>
              <ul>
                {group.items.map((item) => (
                  <li key={`${item.deviation.kind}-${item.deviation.pageStart}-${item.deviation.canonicalStart}`}>
                    <DeviationButton item={item} tabId={tabId} onResult={(found) => setScrollNote(found ? '' : t('popupScrollFailed'))} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <p class="scroll-note" role="status">
            {scrollNote}
          </p>
        </>
      )}
    </section>
  );
}

const STATUS_KEYS: Record<PageHighlight['status'], MessageKey | undefined> = {
  anchored: undefined,
  stored: undefined,
  orphan: 'highlightOrphan',
  canonical: 'highlightCanonical',
};

function HighlightsSection({ tab }: { tab: Tabs.Tab | undefined }) {
  const [items, setItems] = useState<PageHighlight[] | undefined>(undefined);
  useEffect(() => {
    void pageHighlights(tab).then(setItems);
  }, [tab]);
  if (!tab || items === undefined) return null;
  const orphans = items.filter((i) => i.status === 'orphan');
  const others = items.filter((i) => i.status !== 'orphan');
  const row = (item: PageHighlight) => {
    const h = item.highlight;
    const status = STATUS_KEYS[item.status];
    const scroll = () => {
      if (tab.id === undefined) return;
      const request = { type: 'yuanwen/scroll-to', pageStart: h.selectors.position.start, pageEnd: h.selectors.position.end } as const;
      void sendMessage(request, { tabId: tab.id }).catch(() => undefined);
    };
    const quote = clip(h.selectors.quote.exact, 60);
    return (
      <li key={h.id} class={`highlight ${item.status}`}>
        <span class={`swatch color-${h.color}`} aria-hidden="true" />
        <div class="highlight-body">
          {item.status === 'anchored' || item.status === 'stored' ? (
            <button type="button" class="link-button quote" onClick={scroll}>
              「{quote}」<span class="visually-hidden">{t('popupShowHighlight')}</span>
            </button>
          ) : (
            <span class="quote">「{quote}」</span>
          )}
          {status && <span class={`status ${item.status}`}>{t(status)}</span>}
          {h.note && <p class="note">{clip(h.note, 140)}</p>}
        </div>
      </li>
    );
  };
  /** The first POPUP_HIGHLIGHTS of a list, and a link to the library for the rest. */
  const list = (shown: PageHighlight[]) => (
    <>
      <ul>{shown.slice(0, POPUP_HIGHLIGHTS).map(row)}</ul>
      {shown.length > POPUP_HIGHLIGHTS && (
        <p class="more-highlights">
          <a href={pageUrl(LIBRARY_PAGE)} target="_blank" rel="noopener">
            {t('popupMoreHighlights', String(shown.length - POPUP_HIGHLIGHTS))}
          </a>
        </p>
      )}
    </>
  );
  return (
    <section class="highlights" aria-labelledby="highlights-heading">
      <h2 id="highlights-heading">{t('popupHighlightsHeading')}</h2>
      {items.length === 0 && <p class="muted">{t('popupNoHighlights')}</p>}
      {others.length > 0 && list(others)}
      {orphans.length > 0 && (
        <>
          <h3>{t('popupOrphansHeading', String(orphans.length))}</h3>
          <p class="hint">{t('popupOrphansHint')}</p>
          {list(orphans)}
        </>
      )}
    </section>
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
        <input type="checkbox" role="switch" checked={enabled} onChange={(e) => void toggle(e.currentTarget.checked)} />
        {t('popupSiteSwitch', site)}
      </label>
      {!enabled && <p class="site-off">{t('popupSiteOff')}</p>}
    </>
  );
}

function Links() {
  return (
    <nav class="links" aria-label={t('popupLinksLabel')}>
      <a href={pageUrl(LIBRARY_PAGE)} target="_blank" rel="noopener">
        {t('libraryTitle')}
      </a>
      <a href={pageUrl(CORPUS_PAGE)} target="_blank" rel="noopener">
        {t('corpusTitle')}
      </a>
      <a
        href={pageUrl('src/options/index.html')}
        target="_blank"
        rel="noopener"
        onClick={(e) => {
          e.preventDefault();
          void browser.runtime.openOptionsPage();
        }}
      >
        {t('optionsTitle')}
      </a>
    </nav>
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
      <header>
        <h1>{t('popupHeading')}</h1>
        <Links />
      </header>
      {tab && <SiteSwitch tab={tab} onChange={() => setTimeout(() => setGeneration((g) => g + 1), 100)} />}
      <div aria-live="polite">
        {state.kind === 'checking' && <p>{t('popupChecking')}</p>}
        {state.kind === 'unavailable' && <p>{t('popupUnavailable')}</p>}
      </div>
      {state.kind === 'no-access' && (
        <>
          <p>{t('popupHostAccessMissing')}</p>
          {/* Asked from a tab, not here: Firefox closes the popup when its permission prompt opens. */}
          <button type="button" onClick={() => void openFirstRunPage().then(() => window.close())}>
            {t('popupGrantAccess')}
          </button>
        </>
      )}
      {state.kind === 'ready' && state.report.pageText && (
        <p class="partial-check" role="note">
          {t('popupPartialCheck', [String(state.report.pageText.analysed), String(state.report.pageText.total)])}
        </p>
      )}
      {state.kind === 'ready' && state.report.pageInterference && (
        <p class="interference" role="alert">
          {t('popupPageInterfered', String(state.report.pageInterference.restored))}
        </p>
      )}
      {state.kind === 'ready' && state.report.documents.length === 0 && (
        <div class="nothing">
          <p class="no-document">{t('popupNoDocument')}</p>
          <a class="corpus-link" href={pageUrl(CORPUS_PAGE)} target="_blank" rel="noopener">
            {t('popupCorpusLink')}
          </a>
        </div>
      )}
      {state.kind === 'ready' &&
        state.report.documents.map((match, i) => (
          <DocumentSection key={match.id} match={match} report={state.report} tabId={tab?.id} index={i} />
        ))}
      {state.kind === 'ready' && tab?.id !== undefined && <ExportEvidence tabId={tab.id} />}
      {state.kind === 'ready' && tab?.id !== undefined && <SavePage tab={tab} />}
      {state.kind !== 'checking' && state.kind !== 'no-access' && <HighlightsSection tab={tab} />}
    </>
  );
}
