/**
 * The highlights' UI, in our extension-origin frames (./main.tsx): the
 * toolbar for a selection, the card of a highlight (its note, tags, colour;
 * for another page's canonical highlight, where it comes from and what this
 * page changed), and the dock with the list of orphans. Every string from the
 * page or the user is rendered as text by Preact, never as HTML.
 */
import { useEffect, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../core/highlight/record';
import { t, type MessageKey } from '../platform/browser';
import type { PageHighlight } from '../messages/analysis';
import type { DockView, FloatView, FrameAction } from '../messages/frame';

/** The reader's actions, sent to the content script (which holds the page's selection and the highlights). */
export type Act = (action: FrameAction) => void;

const COLOR_KEYS: Record<HighlightColor, MessageKey> = {
  yellow: 'hlColorYellow',
  green: 'hlColorGreen',
  blue: 'hlColorBlue',
  pink: 'hlColorPink',
  purple: 'hlColorPurple',
};

function short(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function Toolbar({ view, act }: { view: Extract<FloatView, { kind: 'toolbar' }>; act: Act }) {
  const [note, setNote] = useState('');
  return (
    <div class="hl-toolbar" role="toolbar" aria-label={t('hlToolbarLabel')}>
      {view.reattaching !== undefined ? (
        <button type="button" class="reattach-here" onClick={() => act({ name: 'reattachHere' })}>
          {t('hlReattachHere', short(view.reattaching, 24))}
        </button>
      ) : (
        <>
          <div class="swatches">
            {HIGHLIGHT_COLORS.map((c) => (
              <button
                key={c}
                type="button"
                class={`swatch ${c}`}
                data-color={c}
                aria-label={t(COLOR_KEYS[c])}
                title={t(COLOR_KEYS[c])}
                onClick={() => act({ name: 'highlight', color: c, note })}
              />
            ))}
          </div>
          <input
            class="note"
            type="text"
            value={note}
            placeholder={t('hlNotePlaceholder')}
            aria-label={t('hlNoteLabel')}
            onInput={(e) => setNote((e.target as HTMLInputElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && e.isTrusted) act({ name: 'highlight', color: 'yellow', note });
            }}
          />
          {view.overlaps.length > 0 && (
            <button type="button" class="remove" onClick={() => act({ name: 'removeSelected' })}>
              {t('hlRemove')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

export function Card({ view, act }: { view: Extract<FloatView, { kind: 'card' }>; act: Act }) {
  const { item } = view;
  const h = item.highlight;
  const own = item.status !== 'canonical';
  const [note, setNote] = useState(h.note);
  const [tags, setTags] = useState(h.tags.join(', '));
  useEffect(() => {
    setNote(h.note);
    setTags(h.tags.join(', '));
  }, [h.id, h.modified]);
  const dirty = note !== h.note || tags !== h.tags.join(', ');
  const save = () =>
    act({
      name: 'save',
      id: h.id,
      patch: {
        note,
        tags: tags
          .split(/[,，、]/)
          .map((s) => s.trim())
          .filter(Boolean),
      },
    });
  return (
    <div
      class={`hl-card ${item.status}`}
      role="dialog"
      aria-label={t('hlCardLabel')}
      data-id={h.id}
      onMouseEnter={() => act({ name: 'keepCard' })}
      onMouseLeave={() => !view.pinned && act({ name: 'hideCardSoon' })}
      onFocusIn={() => act({ name: 'pinCard' })}
    >
      <button type="button" class="close" aria-label={t('hlClose')} title={t('hlClose')} onClick={() => act({ name: 'closeCard' })}>
        ×
      </button>
      {item.status === 'canonical' && h.canonical && (
        <>
          <p class="from">{t('hlCanonicalFrom', h.title || h.url)}</p>
          {item.changed && (
            <div class="changed" role="note">
              <p class="changed-line">{item.pageText ? t('hlChangedHere') : t('hlOmittedHere')}</p>
              <table>
                <tbody>
                  <tr>
                    <th>{t('cardCanonical')}</th>
                    <td>
                      <del class="canonical-words">{item.canonicalText}</del>
                    </td>
                  </tr>
                  <tr>
                    <th>{t('cardPage')}</th>
                    <td>
                      <ins class="page-words">{item.pageText || '—'}</ins>
                    </td>
                  </tr>
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <blockquote class="quote">{h.selectors.quote.exact}</blockquote>
      {own ? (
        <>
          <div class="swatches" role="group" aria-label={t('hlColorLabel')}>
            {HIGHLIGHT_COLORS.map((c) => (
              <button
                key={c}
                type="button"
                class={`swatch ${c}${c === h.color ? ' current' : ''}`}
                data-color={c}
                aria-label={t(COLOR_KEYS[c])}
                aria-pressed={c === h.color}
                onClick={() => c !== h.color && act({ name: 'save', id: h.id, patch: { color: c } })}
              />
            ))}
          </div>
          <label class="field">
            {t('hlNoteLabel')}
            <textarea class="note-edit" rows={3} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
          </label>
          <label class="field">
            {t('hlTagsLabel')}
            <input class="tags-edit" type="text" value={tags} onInput={(e) => setTags((e.target as HTMLInputElement).value)} />
          </label>
          <p class="actions">
            <button type="button" class="save" disabled={!dirty} onClick={save}>
              {t('hlSave')}
            </button>
            <button type="button" class="delete" onClick={() => act({ name: 'deleteHighlight', id: h.id })}>
              {t('hlDelete')}
            </button>
          </p>
        </>
      ) : (
        <>
          {h.note && <p class="note-text">{h.note}</p>}
          {h.tags.length > 0 && <p class="tags">{h.tags.map((tag) => `#${tag}`).join(' ')}</p>}
        </>
      )}
      {h.canonical && (
        <p class="actions">
          <button
            type="button"
            class="open"
            onClick={() => act({ name: 'openViewer', documentId: h.canonical!.documentId, clauseId: h.canonical!.clauseId })}
          >
            {t('hlOpenOriginal')}
          </button>
        </p>
      )}
    </div>
  );
}

function Orphans({ orphans, act }: { orphans: PageHighlight[]; act: Act }) {
  const [open, setOpen] = useState(true);
  return (
    <section class="hl-orphans" role="region" aria-label={t('hlOrphansTitle', String(orphans.length))}>
      <button type="button" class="toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('hlOrphansTitle', String(orphans.length))}
      </button>
      {open && (
        <>
          <p class="hint">{t('hlOrphansHint')}</p>
          <ul>
            {orphans.map(({ highlight: h }) => (
              <li key={h.id} data-id={h.id}>
                <q class="quote">{short(h.selectors.quote.exact, 80)}</q>
                {h.note && <span class="note-text">{short(h.note, 80)}</span>}
                <span class="buttons">
                  <button type="button" class="reattach" onClick={() => act({ name: 'armReattach', id: h.id })}>
                    {t('hlReattach')}
                  </button>
                  <button type="button" class="delete" onClick={() => act({ name: 'deleteHighlight', id: h.id })}>
                    {t('hlDelete')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function Dock({ view, act }: { view: DockView; act: Act }) {
  if (view.orphans.length === 0 && view.reattaching === undefined && !view.notice && !view.undo) return null;
  return (
    <div class="hl-root">
      <div class="hl-dock">
        {view.notice && (
          <p class="notice" role="alert">
            {view.notice}
            <button type="button" class="dismiss" aria-label={t('hlClose')} onClick={() => act({ name: 'dismissNotice' })}>
              ×
            </button>
          </p>
        )}
        {view.undo && (
          <p class="undo" role="status">
            {t('hlDeleted', short(view.undo.quote, 40))}
            <button type="button" class="undo-delete" onClick={() => act({ name: 'undoDelete' })}>
              {t('hlUndo')}
            </button>
          </p>
        )}
        {view.reattaching !== undefined && (
          <p class="reattaching" role="status">
            {t('hlReattachArmed', short(view.reattaching, 40))}
            <button type="button" class="cancel" onClick={() => act({ name: 'cancelReattach' })}>
              {t('hlCancel')}
            </button>
          </p>
        )}
        {view.orphans.length > 0 && <Orphans orphans={view.orphans} act={act} />}
      </div>
    </div>
  );
}

export function Float({ view, act }: { view: FloatView; act: Act }) {
  return (
    <div class="hl-root">
      {view.kind === 'toolbar' && <Toolbar view={view} act={act} />}
      {view.kind === 'card' && <Card key={view.item.highlight.id} view={view} act={act} />}
    </div>
  );
}
