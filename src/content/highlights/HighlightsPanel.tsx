/**
 * The highlights' UI in our shadow root: the toolbar for a selection, the
 * card of a highlight (its note, tags, colour; for another page's canonical
 * highlight, where it comes from and what this page changed), and the list
 * of orphans. Every string from the page or the user is rendered as text by
 * Preact, never as HTML.
 */
import { useEffect, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../core/highlight/record';
import { t, type MessageKey } from '../../platform/browser';
import type { PageHighlight } from '../../messages/analysis';
import type { HighlightPatch } from '../../storage/highlight-store';

interface Placed {
  x: number;
  y: number;
  viewportLeft: number;
  viewportWidth: number;
}

export interface PanelState {
  toolbar?: Placed & { overlaps: string[] };
  card?: Placed & { item: PageHighlight; pinned: boolean };
  orphans: PageHighlight[];
  notice?: string;
  /** The quote of the highlight being re-attached: the toolbar offers "re-attach here". */
  reattaching?: string;
}

export interface PanelActions {
  highlight(color: HighlightColor, note: string): void;
  removeSelected(): void;
  reattachHere(): void;
  armReattach(id: string): void;
  cancelReattach(): void;
  deleteHighlight(id: string): void;
  save(id: string, patch: HighlightPatch): void;
  closeCard(): void;
  keepCard(): void;
  hideCardSoon(): void;
  pinCard(): void;
  openViewer(documentId: string, clauseId: string): void;
  dismissNotice(): void;
}

const COLOR_KEYS: Record<HighlightColor, MessageKey> = {
  yellow: 'hlColorYellow',
  green: 'hlColorGreen',
  blue: 'hlColorBlue',
  pink: 'hlColorPink',
  purple: 'hlColorPurple',
};

const TOOLBAR_WIDTH = 300;
const CARD_WIDTH = 380;

function clampLeft(at: Placed, width: number, x = at.x): number {
  return Math.max(at.viewportLeft + 8, Math.min(x, at.viewportLeft + at.viewportWidth - width - 12));
}

function short(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Keeps the page's selection when a button is pressed (the click acts on it). */
const keepSelection = (e: MouseEvent) => e.preventDefault();

function Toolbar({
  at,
  reattaching,
  actions,
}: {
  at: NonNullable<PanelState['toolbar']>;
  reattaching: string | undefined;
  actions: PanelActions;
}) {
  const [note, setNote] = useState('');
  return (
    <div
      class="hl-toolbar"
      role="toolbar"
      aria-label={t('hlToolbarLabel')}
      style={{ left: `${clampLeft(at, TOOLBAR_WIDTH, at.x - TOOLBAR_WIDTH / 2)}px`, top: `${at.y}px` }}
    >
      {reattaching !== undefined ? (
        <button type="button" class="reattach-here" onMouseDown={keepSelection} onClick={actions.reattachHere}>
          {t('hlReattachHere', short(reattaching, 24))}
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
                onMouseDown={keepSelection}
                onClick={() => actions.highlight(c, note)}
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
              if (e.key === 'Enter') actions.highlight('yellow', note);
            }}
          />
          {at.overlaps.length > 0 && (
            <button type="button" class="remove" onMouseDown={keepSelection} onClick={actions.removeSelected}>
              {t('hlRemove')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

function Card({ card, actions }: { card: NonNullable<PanelState['card']>; actions: PanelActions }) {
  const { item } = card;
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
    actions.save(h.id, {
      note,
      tags: tags
        .split(/[,，、]/)
        .map((s) => s.trim())
        .filter(Boolean),
    });
  return (
    <div
      class={`hl-card ${item.status}`}
      role="dialog"
      aria-label={t('hlCardLabel')}
      data-id={h.id}
      style={{ left: `${clampLeft(card, CARD_WIDTH)}px`, top: `${card.y}px` }}
      onMouseEnter={actions.keepCard}
      onMouseLeave={() => !card.pinned && actions.hideCardSoon()}
      onFocusIn={actions.pinCard}
    >
      <button type="button" class="close" aria-label={t('hlClose')} title={t('hlClose')} onClick={actions.closeCard}>
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
                onClick={() => c !== h.color && actions.save(h.id, { color: c })}
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
            <button type="button" class="delete" onClick={() => actions.deleteHighlight(h.id)}>
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
          <button type="button" class="open" onClick={() => actions.openViewer(h.canonical!.documentId, h.canonical!.clauseId)}>
            {t('hlOpenOriginal')}
          </button>
        </p>
      )}
    </div>
  );
}

function Orphans({ orphans, actions }: { orphans: PageHighlight[]; actions: PanelActions }) {
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
                  <button type="button" class="reattach" onMouseDown={keepSelection} onClick={() => actions.armReattach(h.id)}>
                    {t('hlReattach')}
                  </button>
                  <button type="button" class="delete" onClick={() => actions.deleteHighlight(h.id)}>
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

export function HighlightsPanel({ state, actions }: { state: PanelState; actions: PanelActions }) {
  return (
    <div class="hl-root">
      {state.toolbar && <Toolbar at={state.toolbar} reattaching={state.reattaching} actions={actions} />}
      {state.card && <Card key={state.card.item.highlight.id} card={state.card} actions={actions} />}
      {(state.orphans.length > 0 || state.reattaching !== undefined || state.notice) && (
        <div class="hl-dock">
          {state.notice && (
            <p class="notice" role="alert">
              {state.notice}
              <button type="button" class="dismiss" aria-label={t('hlClose')} onClick={actions.dismissNotice}>
                ×
              </button>
            </p>
          )}
          {state.reattaching !== undefined && (
            <p class="reattaching" role="status">
              {t('hlReattachArmed', short(state.reattaching, 40))}
              <button type="button" class="cancel" onClick={actions.cancelReattach}>
                {t('hlCancel')}
              </button>
            </p>
          )}
          {state.orphans.length > 0 && <Orphans orphans={state.orphans} actions={actions} />}
        </div>
      )}
    </div>
  );
}
