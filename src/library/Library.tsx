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
import { t } from '../platform/browser';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../core/highlight/record';
import { colorDisplay } from '../ui/highlight-colors';
import { FilterSelect, filterOptions } from './filters';
import { HighlightCard } from './HighlightCard';
import { allHighlights, deleteHighlight, indexCandidates, restoreHighlight, updateHighlight } from './highlights-source';
import { NO_FILTERS, search, searchableText, type Filters } from './search';

/** Rows rendered per chunk. */
export const CHUNK = 50;

type Load = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready' };

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

  const options = useMemo(() => filterOptions(all, filters.documentId), [all, filters.documentId]);

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
