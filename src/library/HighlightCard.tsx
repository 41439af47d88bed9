/**
 * One highlight in the library: its quote and note with the query marked,
 * its source page and canonical clause as links, and editing of the note
 * and tags in place. Every string is rendered as text, never as HTML.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../platform/browser';
import type { Highlight } from '../core/highlight/record';
import { textFragmentUrl } from '../core/highlight/annotation-export';
import { colorDisplay } from '../ui/highlight-colors';
import { clauseLabel, documentTitle, formatDate, splitTags, viewerUrl } from './labels';
import { siteOfUrl } from './search';

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

export function HighlightCard(props: {
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
