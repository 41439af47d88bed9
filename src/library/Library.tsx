/**
 * The library: every highlight across pages, newest first, with full-text
 * search (./search.ts: the `*words` index, Chinese included), filters by
 * document, clause, colour, tag and site, editing of notes and tags,
 * deletion with undo, and a link back to the source page at the highlight.
 *
 * The page asks the background for the records (./highlights-source.ts:
 * the background owns the database) and holds them in memory; the list
 * renders in chunks as the reader scrolls, so 10,000 highlights cost the
 * first chunk's rendering, not all of them.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, browser } from '../platform/browser';
import { bundledCorpus } from '../platform/bundled-corpus';
import { cleanTags, HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../core/highlight/record';
import { textFragmentUrl } from '../core/highlight/annotation-export';
import { allHighlights, deleteHighlight, indexCandidates, restoreHighlight, updateHighlight } from './highlights-source';
import { colorDisplay } from '../ui/highlight-colors';
import { NO_FILTERS, search, searchableText, siteOfUrl, type Filters } from './search';

/** Rows rendered per chunk. */
export const CHUNK = 50;

type Load = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready' };

function documentTitle(id: string): string {
  return bundledCorpus().documents.find((d) => d.id === id)?.title ?? id;
}

function clauseLabel(h: Highlight): string {
  return h.canonical ? h.canonical.clause || t('clausePreamble') : '';
}

function formatDate(iso: string): string {
  return iso.slice(0, 10);
}

function viewerUrl(h: Highlight): string {
  const c = h.canonical!;
  return browser.runtime.getURL(`viewer.html#${new URLSearchParams({ doc: c.documentId, clause: c.clauseId }).toString()}`);
}

function splitTags(text: string): string[] {
  return cleanTags(text.split(/[,，、;；\n]/));
}

/** `text` with the query's pieces marked where they occur as typed (search itself also matches across layout differences). */
function Marked({ text, pieces }: { text: string; pieces: string[] }) {
  const wanted = pieces.filter((p) => p.length > 0);
  if (wanted.length === 0) return <>{text}</>;
  const pattern = new RegExp(wanted.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  const out = [];
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push(<mark key={m.index}>{m[0]}</mark>);
    at = m.index + m[0].length;
  }
  out.push(text.slice(at));
  return <>{out}</>;
}

function HighlightCard(props: {
  h: Highlight;
  pieces: string[];
  onSave(id: string, note: string, tags: string[]): Promise<void>;
  onDelete(h: Highlight): void;
}) {
  const { h } = props;
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(h.note);
  const [tags, setTags] = useState(h.tags.join('，'));
  const [error, setError] = useState('');
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (editing) noteRef.current?.focus();
    else if (wasEditing.current) editRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      await props.onSave(h.id, note, splitTags(tags));
      setError('');
      setEditing(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const headingId = `h-${h.id}`;
  return (
    <li class="card" aria-labelledby={headingId} data-id={h.id}>
      <div class="card-head">
        <span class={`swatch color-${h.color}`} role="img" aria-label={colorDisplay(h.color)} />
        <h2 id={headingId} class="source">
          <a href={textFragmentUrl(h)} target="_blank" rel="noopener" title={t('libraryOpenSource')}>
            {h.title || h.url}
          </a>
        </h2>
        <span class="date">{formatDate(h.created)}</span>
      </div>
      <blockquote class="quote">
        <Marked text={h.selectors.quote.exact} pieces={props.pieces} />
      </blockquote>
      {h.canonical && (
        <p class="canonical">
          <a href={viewerUrl(h)} target="_blank" rel="noopener">
            《{documentTitle(h.canonical.documentId)}》 {clauseLabel(h)}
          </a>
        </p>
      )}
      {!editing && (
        <>
          {h.note && (
            <p class="note">
              <Marked text={h.note} pieces={props.pieces} />
            </p>
          )}
          {h.tags.length > 0 && (
            <ul class="tags" aria-label={t('libraryTags')}>
              {h.tags.map((tag) => (
                <li key={tag}>#{tag}</li>
              ))}
            </ul>
          )}
          <div class="actions">
            <button
              type="button"
              ref={editRef}
              onClick={() => setEditing(true)}
              aria-label={t('libraryEditLabel', h.selectors.quote.exact.slice(0, 20))}
            >
              {t('libraryEdit')}
            </button>
            <button
              type="button"
              class="danger"
              onClick={() => props.onDelete(h)}
              aria-label={t('libraryDeleteLabel', h.selectors.quote.exact.slice(0, 20))}
            >
              {t('libraryDelete')}
            </button>
            <span class="site">{siteOfUrl(h.url)}</span>
          </div>
        </>
      )}
      {editing && (
        <form class="edit" onSubmit={(e) => void save(e)}>
          <label>
            {t('libraryNote')}
            <textarea ref={noteRef} value={note} rows={3} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <label>
            {t('libraryTagsInput')}
            <input type="text" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
          </label>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <div class="actions">
            <button type="submit">{t('librarySave')}</button>
            <button
              type="button"
              onClick={() => {
                setNote(h.note);
                setTags(h.tags.join('，'));
                setEditing(false);
              }}
            >
              {t('libraryCancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

function FilterSelect(props: { id: string; label: string; value: string; options: [string, string][]; onChange(v: string): void }) {
  return (
    <label class="filter" for={props.id}>
      <span>{props.label}</span>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{t('libraryAll')}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Library() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [all, setAll] = useState<Highlight[]>([]);
  const texts = useRef(new Map<string, string>());
  const [query, setQuery] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [results, setResults] = useState<Highlight[]>([]);
  const [searchMs, setSearchMs] = useState<number | undefined>(undefined);
  const [shown, setShown] = useState(CHUNK);
  const [deleted, setDeleted] = useState<Highlight | undefined>(undefined);
  const [message, setMessage] = useState('');
  const sentinel = useRef<HTMLLIElement>(null);

  const reload = async () => {
    try {
      const rows = await allHighlights();
      rows.reverse(); // newest first
      texts.current = new Map(rows.map((h) => [h.id, searchableText(h)]));
      setAll(rows);
      setLoad({ kind: 'ready' });
    } catch (e) {
      setLoad({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };
  useEffect(() => void reload(), []);

  // Search on every change of query or filters; a slower earlier search never overwrites a later one.
  const generation = useRef(0);
  useEffect(() => {
    if (load.kind !== 'ready') return;
    const mine = ++generation.current;
    void search(indexCandidates, all, texts.current, query, filters).then((outcome) => {
      if (mine !== generation.current) return;
      setResults(outcome.results);
      setSearchMs(outcome.ms);
      setShown(CHUNK);
    });
  }, [all, query, filters, load.kind]);

  // Progressive rendering: the next chunk when the end of the list comes into view.
  useEffect(() => {
    const target = sentinel.current;
    if (!target || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setShown((n) => n + CHUNK);
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [results, shown]);

  const options = useMemo(() => {
    const documents = new Map<string, string>();
    const clauses = new Map<string, string>();
    const tags = new Set<string>();
    const sites = new Set<string>();
    for (const h of all) {
      if (h.canonical) {
        documents.set(h.canonical.documentId, documentTitle(h.canonical.documentId));
        if (!filters.documentId || h.canonical.documentId === filters.documentId) {
          clauses.set(
            `${h.canonical.clauseId}`,
            `${clauseLabel(h)}${filters.documentId ? '' : ` · ${documentTitle(h.canonical.documentId).slice(0, 12)}`}`,
          );
        }
      }
      h.tags.forEach((tag) => tags.add(tag));
      const site = siteOfUrl(h.url);
      if (site) sites.add(site);
    }
    const sorted = (m: Map<string, string>) => [...m.entries()].sort((a, b) => a[1].localeCompare(b[1], 'zh-CN'));
    return {
      documents: sorted(documents),
      clauses: sorted(clauses),
      tags: [...tags].sort().map((x) => [x, x] as [string, string]),
      sites: [...sites].sort().map((x) => [x, x] as [string, string]),
    };
  }, [all, filters.documentId]);

  const onSave = async (id: string, note: string, tags: string[]) => {
    const updated = await updateHighlight(id, { note, tags });
    texts.current.set(id, searchableText(updated));
    setAll((list) => list.map((h) => (h.id === id ? updated : h)));
    setMessage(t('librarySaved'));
  };

  const onDelete = async (h: Highlight) => {
    try {
      await deleteHighlight(h.id);
      setDeleted(h);
      setMessage(t('libraryDeleted'));
      setResults((list) => list.filter((x) => x.id !== h.id));
      setAll((list) => list.filter((x) => x.id !== h.id));
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  const undo = async () => {
    if (!deleted) return;
    try {
      await restoreHighlight(deleted);
      setDeleted(undefined);
      setMessage(t('libraryRestored'));
      await reload();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  const pieces = query.split(/\s+/).filter((p) => p !== '');
  const setFilter = (key: keyof Filters) => (value: string) =>
    setFilters((f) => ({ ...f, [key]: value, ...(key === 'documentId' ? { clauseId: '' } : {}) }));

  return (
    <>
      <header class="page-header">
        <h1>{t('libraryTitle')}</h1>
        {load.kind === 'ready' && <p class="muted">{t('libraryCount', String(all.length))}</p>}
      </header>
      <div role="search" class="controls" aria-label={t('librarySearchLabel')}>
        <label class="search" for="q">
          <span>{t('librarySearch')}</span>
          <input
            id="q"
            type="search"
            value={query}
            placeholder={t('librarySearchPlaceholder')}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </label>
        <div class="filters">
          <FilterSelect
            id="f-doc"
            label={t('libraryFilterDocument')}
            value={filters.documentId}
            options={options.documents}
            onChange={setFilter('documentId')}
          />
          <FilterSelect
            id="f-clause"
            label={t('libraryFilterClause')}
            value={filters.clauseId}
            options={options.clauses}
            onChange={setFilter('clauseId')}
          />
          <FilterSelect
            id="f-color"
            label={t('libraryFilterColor')}
            value={filters.color}
            options={HIGHLIGHT_COLORS.map((c) => [c, colorDisplay(c)] as [HighlightColor, string])}
            onChange={setFilter('color')}
          />
          <FilterSelect id="f-tag" label={t('libraryFilterTag')} value={filters.tag} options={options.tags} onChange={setFilter('tag')} />
          <FilterSelect
            id="f-site"
            label={t('libraryFilterSite')}
            value={filters.site}
            options={options.sites}
            onChange={setFilter('site')}
          />
        </div>
      </div>
      <div class="status-line">
        <p role="status" id="result-count" data-search-ms={searchMs === undefined ? undefined : searchMs.toFixed(1)}>
          {load.kind === 'loading' && t('libraryLoading')}
          {load.kind === 'ready' && t('libraryResults', String(results.length))}
        </p>
        <div class="toast" role="status" aria-live="polite">
          {message}
          {deleted && (
            <button type="button" class="undo" onClick={() => void undo()}>
              {t('libraryUndo')}
            </button>
          )}
        </div>
      </div>
      {load.kind === 'failed' && (
        <p class="error" role="alert">
          {load.message}
        </p>
      )}
      {load.kind === 'ready' && all.length === 0 && <p class="empty">{t('libraryEmpty')}</p>}
      <ul class="cards" aria-label={t('libraryListLabel')}>
        {results.slice(0, shown).map((h) => (
          <HighlightCard key={`${h.id}-${h.modified}`} h={h} pieces={pieces} onSave={onSave} onDelete={(x) => void onDelete(x)} />
        ))}
        {shown < results.length && (
          <li ref={sentinel} class="more">
            <button type="button" onClick={() => setShown((n) => n + CHUNK)}>
              {t('libraryShowMore', String(results.length - shown))}
            </button>
          </li>
        )}
      </ul>
    </>
  );
}
