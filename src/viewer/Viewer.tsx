/**
 * The canonical viewer: one bundled document in full (sections, clauses),
 * its metadata and provenance (witnesses, collation, variant readings); it
 * scrolls to and marks the clause named in the address, and, opened from a
 * page, shows that page's deviations on the canonical text. All text is
 * rendered by Preact as text, never as HTML.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../platform/browser';
import { useCanonicalDocument } from '../ui/canonical-document';
import type { CanonicalDocument, Clause } from '../core/corpus/corpus';
import type { Deviation, DeviationKind, Report } from '../core/check/report';
import { parseViewerHash, viewerHash, type ViewerLocation } from './location';
import { reportOfTab } from './page-report';
import { ExportEvidence } from '../ui/ExportEvidence';
import { highlightsOfDocument } from './highlights';
import type { Highlight } from '../core/highlight/record';
import { deviationKindName } from '../ui/deviation-kind';
import { DocumentMetadata, DocumentSources } from '../ui/DocumentProvenance';
import { VersionChanges } from './VersionChanges';

type PageState = { kind: 'none' } | { kind: 'loading' } | { kind: 'unavailable' } | { kind: 'ready'; report: Report };

function useLocationHash(): ViewerLocation {
  const [location, setLocation] = useState(() => parseViewerHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setLocation(parseViewerHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return location;
}

function clauseDomId(clauseId: string): string {
  return `clause-${clauseId}`;
}

/** Deviations drawn inside the text (the others are listed under their clause). */
const INLINE: ReadonlySet<DeviationKind> = new Set(['substitution', 'insertion', 'omission']);

function inClause(clause: Clause, d: Deviation): boolean {
  if (d.canonicalStart === d.canonicalEnd) return clause.start <= d.canonicalStart && d.canonicalStart < clause.end;
  return d.canonicalStart < clause.end && d.canonicalEnd > clause.start;
}

function ClauseText({ doc, clause, deviations }: { doc: CanonicalDocument; clause: Clause; deviations: Deviation[] }) {
  const inline = deviations.filter((d) => INLINE.has(d.kind)).sort((a, b) => a.canonicalStart - b.canonicalStart);
  const pieces = [];
  let at = clause.start;
  for (const d of inline) {
    const start = Math.max(d.canonicalStart, at);
    const end = Math.min(d.canonicalEnd, clause.end);
    if (start > at) pieces.push(doc.text.slice(at, start));
    const key = `${d.kind}-${d.canonicalStart}-${d.pageStart}`;
    if (d.kind === 'insertion') {
      pieces.push(
        <ins class="dev insertion" key={key} title={t('viewerPageInserts')}>
          {d.pageText}
        </ins>,
      );
    } else if (end > start) {
      pieces.push(
        <mark
          class={`dev ${d.kind}`}
          key={key}
          title={d.kind === 'omission' ? t('viewerPageOmits') : `${t('viewerPageReads')}${d.pageText}`}
        >
          {doc.text.slice(start, end)}
        </mark>,
      );
      if (d.kind === 'substitution') {
        pieces.push(
          <span class="page-reads" key={`${key}-page`}>
            {t('viewerPageReads')}
            {d.pageText}
          </span>,
        );
      }
    }
    at = Math.max(at, end);
  }
  if (at < clause.end) pieces.push(doc.text.slice(at, clause.end));
  return <>{pieces}</>;
}

function ClauseBlock(props: {
  doc: CanonicalDocument;
  clause: Clause;
  current: boolean;
  deviations: Deviation[];
  highlights?: Highlight[];
}) {
  const { doc, clause, current, deviations, highlights = [] } = props;
  const notes = deviations.filter((d) => !INLINE.has(d.kind));
  const Tag = clause.kind === 'heading' ? 'h2' : 'div';
  return (
    <Tag
      id={clauseDomId(clause.id)}
      class={`clause ${clause.kind}${current ? ' current' : ''}${deviations.length > 0 ? ' deviates' : ''}`}
      data-clause={clause.id}
      aria-current={current ? 'location' : undefined}
      tabIndex={current ? -1 : undefined}
    >
      <ClauseText doc={doc} clause={clause} deviations={deviations} />
      {notes.map((d) => (
        <span class={`note ${d.kind}`} key={`${d.kind}-${d.pageStart}`}>
          {deviationKindName(d.kind)}
          {d.kind === 'marker' ? `：${d.pageText || '—'}` : ''}
        </span>
      ))}
      {highlights.length > 0 && (
        <ul class="highlights" aria-label={t('viewerHighlights')}>
          {highlights.map((h) => (
            <li key={h.id} class={`highlight ${h.color}`} data-id={h.id}>
              <mark>{h.canonical?.exact ?? h.selectors.quote.exact}</mark>
              {h.note && <span class="note-text">{h.note}</span>}
              <a class="source" href={h.url} target="_blank" rel="noopener noreferrer">
                {h.title || h.url}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Tag>
  );
}

function Provenance({ doc }: { doc: CanonicalDocument }) {
  return (
    <section class="provenance" aria-labelledby="provenance-heading">
      <h2 id="provenance-heading">{t('viewerProvenance')}</h2>
      <DocumentSources doc={doc} />
    </section>
  );
}

function PageStatus({ page, documentId }: { page: PageState; documentId: string }) {
  if (page.kind === 'none' || page.kind === 'loading') return null;
  if (page.kind === 'unavailable') return <p class="page-status unavailable">{t('viewerPageUnavailable')}</p>;
  const match = page.report.documents.find((d) => d.id === documentId);
  if (!match) return <p class="page-status unavailable">{t('viewerPageUnavailable')}</p>;
  const count = page.report.deviations.filter((d) => d.documentId === documentId).length;
  if (match.heavilyAltered) return <p class="page-status altered">{t('viewerPageAltered')}</p>;
  if (count === 0) return <p class="page-status faithful">{t('viewerPageFaithful')}</p>;
  return <p class="page-status deviations">{t('viewerPageDeviations', String(count))}</p>;
}

export function Viewer() {
  const location = useLocationHash();
  const [page, setPage] = useState<PageState>({ kind: 'none' });
  const [highlights, setHighlights] = useState<Highlight[]>([]);
  const found = useCanonicalDocument(location.documentId);
  const doc = found === 'loading' ? undefined : found;

  useEffect(() => {
    if (location.tabId === undefined) return setPage({ kind: 'none' });
    setPage({ kind: 'loading' });
    let current = true;
    void reportOfTab(location.tabId).then((report) => {
      if (current) setPage(report ? { kind: 'ready', report } : { kind: 'unavailable' });
    });
    return () => {
      current = false;
    };
  }, [location.tabId]);

  useEffect(() => {
    let current = true;
    void highlightsOfDocument(location.documentId).then((list) => current && setHighlights(list));
    return () => {
      current = false;
    };
  }, [location.documentId]);

  useEffect(() => {
    document.title = doc ? t('viewerDocumentTitle', doc.title) : t('extensionName');
  }, [doc]);

  // Scroll to the clause once the text is there (and again when the page's marks arrive and move it).
  useEffect(() => {
    if (!location.clauseId) return;
    const target = document.getElementById(clauseDomId(location.clauseId));
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  }, [location.documentId, location.clauseId, page.kind, doc]);

  if (!location.documentId) return <main class="empty">{t('viewerNoDocument')}</main>;
  if (found === 'loading') return <main class="empty" aria-busy="true" />;
  if (!doc) return <main class="empty">{t('viewerNotFound', location.documentId)}</main>;

  const deviations = page.kind === 'ready' ? page.report.deviations.filter((d) => d.documentId === doc.id) : [];
  const goTo = (clauseId: string) => {
    window.location.hash = viewerHash({ ...location, clauseId });
  };

  return (
    <div class="layout">
      <nav class="contents" aria-labelledby="contents-heading">
        <h2 id="contents-heading">{t('viewerContents')}</h2>
        <ul>
          {doc.sections.map((s) => (
            <li key={s.id}>
              <button type="button" onClick={() => goTo(s.clauseIds[0])}>
                {s.label ? `${s.label}${s.heading}` : t('clausePreamble')}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        <header>
          <h1>{doc.title}</h1>
          <DocumentMetadata doc={doc} />
          <PageStatus page={page} documentId={doc.id} />
          <VersionChanges doc={doc} />
          {page.kind === 'ready' && location.tabId !== undefined && <ExportEvidence tabId={location.tabId} />}
        </header>
        <article class="document">
          {doc.clauses.map((clause) => (
            <ClauseBlock
              key={clause.id}
              doc={doc}
              clause={clause}
              current={clause.id === location.clauseId}
              deviations={deviations.filter((d) => inClause(clause, d))}
              highlights={highlights.filter((h) => h.canonical?.clauseId === clause.id)}
            />
          ))}
        </article>
        <Provenance doc={doc} />
      </main>
    </div>
  );
}
