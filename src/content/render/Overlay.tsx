/**
 * Yuanwen's UI on a page, rendered by Preact inside our shadow root: badges
 * at clauses, carets at omissions, the card they open, and the page summary.
 * Every page- or corpus-derived string is rendered as text by Preact, never
 * as HTML.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../platform/browser';
import type { Deviation, DeviationKind } from '../../core/report';
import type { ClauseMark, DocumentSummary, OmissionMark, RenderPlan } from './plan';

/** A place in the overlay's coordinates (document coordinates relative to our host). */
export interface Point {
  x: number;
  y: number;
  /** Line height at that place. */
  h: number;
}

export interface Layout {
  badges: Map<string, Point>;
  carets: Map<string, Point>;
  /** The visible part of the document, in overlay coordinates. */
  viewportLeft: number;
  viewportWidth: number;
}

export interface OverlayProps {
  plan: RenderPlan;
  layout: Layout;
  openViewer(documentId: string, clauseId: string): void;
}

/** Deviations listed in a card; the rest are counted and left to the viewer. */
const CARD_DEVIATIONS = 8;
const CARD_WIDTH = 460;
const CLOSE_DELAY_MS = 250;

const KIND_KEYS: Record<DeviationKind, MessageKey> = {
  substitution: 'kindSubstitution',
  insertion: 'kindInsertion',
  omission: 'kindOmission',
  reorder: 'kindReorder',
  marker: 'kindMarker',
};

export function clauseName(label: string): string {
  return label || t('clausePreamble');
}

function badgeLabel(mark: ClauseMark): string {
  const name = clauseName(mark.pageLabel ?? mark.label);
  if (mark.state === 'altered') return t('badgeAltered', name);
  if (mark.state === 'deviations') return t('badgeDeviations', [name, String(mark.deviations.length)]);
  return t('badgeFaithful', name);
}

type OpenCard = { kind: 'clause'; key: string } | { kind: 'omission'; key: string };

function DeviationRows({ deviations }: { deviations: Deviation[] }) {
  const shown = deviations.slice(0, CARD_DEVIATIONS);
  return (
    <>
      <table>
        <thead>
          <tr>
            <th />
            <th>{t('cardCanonical')}</th>
            <th>{t('cardPage')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((d) => (
            <tr key={`${d.canonicalStart}-${d.pageStart}-${d.kind}`}>
              <td class="kind">{t(KIND_KEYS[d.kind])}</td>
              <td>
                <del>{d.canonicalText}</del>
              </td>
              <td>
                <ins>{d.pageText}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {deviations.length > shown.length && <p class="note">{t('cardMore', String(deviations.length - shown.length))}</p>}
    </>
  );
}

function ClauseCard({ mark }: { mark: ClauseMark }) {
  return (
    <>
      <h2>
        《{mark.documentTitle}》 {clauseName(mark.label)}
      </h2>
      <p class="clause">{mark.canonicalText}</p>
      {mark.state === 'faithful' && <p class="status faithful">{t('cardFaithful')}</p>}
      {mark.state === 'altered' && <p class="status altered">{t('cardAltered')}</p>}
      {mark.state === 'deviations' && (
        <p class="status deviations">{t('popupDeviations', String(mark.deviations.length))}</p>
      )}
      {mark.state !== 'faithful' && mark.deviations.length > 0 && <DeviationRows deviations={mark.deviations} />}
      {mark.knownVariants.map((v) => (
        <p class="note known-variant" key={`${v.pageStart}`}>
          {t('cardKnownVariant', [v.found, v.witness, v.adopted])}
        </p>
      ))}
      <p class="hint">{t('cardOpenHint')}</p>
    </>
  );
}

function OmissionCard({ mark }: { mark: OmissionMark }) {
  return (
    <>
      <h2>
        《{mark.documentTitle}》 {clauseName(mark.label)}
      </h2>
      <p class="status deviations">{t('cardOmitted')}</p>
      <p class="clause">
        <del>{mark.deviation.canonicalText}</del>
      </p>
      <p class="hint">{t('cardOpenHint')}</p>
    </>
  );
}

function Summary({ summaries, openViewer }: { summaries: DocumentSummary[]; openViewer: OverlayProps['openViewer'] }) {
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || summaries.length === 0) return null;
  const altered = summaries.some((s) => s.heavilyAltered);
  const deviations = summaries.some((s) => s.deviations > 0);
  const tone = altered ? 'altered' : deviations ? 'deviations' : 'faithful';
  return (
    <section class={`summary ${tone}`} role="region" aria-label={t('uiRegionLabel')}>
      {summaries.map((s) => (
        <div class="document" key={s.documentId}>
          <p class="line" role="status">
            {s.heavilyAltered
              ? t('summaryHeavilyAltered', s.title)
              : s.deviations > 0
                ? t('summaryDeviations', [s.title, String(s.deviations)])
                : t('summaryFaithful', s.title)}
          </p>
          {s.heavilyAltered && (
            <>
              <p class="detail">{t('summaryAlteredDetail')}</p>
              {s.topSubstitutions.length > 0 && (
                <p class="detail">
                  {s.topSubstitutions
                    .slice(0, 3)
                    .map(([from, to, count]) => t('summaryTopSubstitution', [from, to, String(count)]))
                    .join('　')}
                </p>
              )}
            </>
          )}
          <p class="detail">{t('summaryCoverage', String(Math.round(s.coverage * 100)))}</p>
          <p class="actions">
            <button type="button" class="open" onClick={() => openViewer(s.documentId, s.firstClauseId)}>
              {t('summaryOpenViewer')}
            </button>
          </p>
        </div>
      ))}
      <button type="button" class="dismiss" aria-label={t('summaryDismiss')} title={t('summaryDismiss')} onClick={() => setDismissed(true)}>
        ×
      </button>
    </section>
  );
}

export function Overlay({ plan, layout, openViewer }: OverlayProps) {
  const [open, setOpen] = useState<OpenCard | undefined>(undefined);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const anchors = useRef(new Map<string, HTMLButtonElement>());

  const show = (card: OpenCard) => {
    clearTimeout(closeTimer.current);
    setOpen(card);
  };
  const hideSoon = () => {
    clearTimeout(closeTimer.current);
    closeTimer.current = setTimeout(() => setOpen(undefined), CLOSE_DELAY_MS);
  };
  const keepOpen = () => clearTimeout(closeTimer.current);

  // A new analysis may remove the clause whose card is open.
  useEffect(() => {
    if (open?.kind === 'clause' && !plan.clauses.some((c) => c.key === open.key)) setOpen(undefined);
    if (open?.kind === 'omission' && !plan.omissions.some((c) => c.key === open.key)) setOpen(undefined);
  }, [plan]);
  useEffect(() => () => clearTimeout(closeTimer.current), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(undefined);
    anchors.current.get(open.key)?.focus();
  };

  const openClause = open?.kind === 'clause' ? plan.clauses.find((c) => c.key === open.key) : undefined;
  const openOmission = open?.kind === 'omission' ? plan.omissions.find((c) => c.key === open.key) : undefined;
  const cardAt = open ? (open.kind === 'clause' ? layout.badges : layout.carets).get(open.key) : undefined;
  const cardLeft = cardAt
    ? Math.max(layout.viewportLeft + 8, Math.min(cardAt.x - 24, layout.viewportLeft + layout.viewportWidth - CARD_WIDTH - 12))
    : 0;

  return (
    <div class="root" onKeyDown={onKeyDown}>
      {plan.clauses.map((mark) => {
        const at = layout.badges.get(mark.key);
        if (!at) return null;
        const atEdge = at.x - layout.viewportLeft < 40;
        const expanded = open?.key === mark.key;
        return (
          <button
            key={mark.key}
            type="button"
            class={`badge ${mark.state}${atEdge ? ' at-edge' : ''}`}
            style={{ left: `${at.x}px`, top: `${atEdge ? at.y : at.y + at.h / 2}px` }}
            aria-label={badgeLabel(mark)}
            aria-expanded={expanded}
            aria-controls={expanded ? 'yuanwen-card' : undefined}
            data-clause={mark.clauseId}
            data-document={mark.documentId}
            ref={(el) => void (el ? anchors.current.set(mark.key, el) : anchors.current.delete(mark.key))}
            onMouseEnter={() => show({ kind: 'clause', key: mark.key })}
            onMouseLeave={hideSoon}
            onFocus={() => show({ kind: 'clause', key: mark.key })}
            onBlur={hideSoon}
            onClick={() => openViewer(mark.documentId, mark.clauseId)}
          >
            {t('badgeGlyph')}
            {mark.state === 'deviations' && <span class="count">{mark.deviations.length}</span>}
          </button>
        );
      })}
      {plan.omissions.map((mark) => {
        const at = layout.carets.get(mark.key);
        if (!at) return null;
        return (
          <button
            key={mark.key}
            type="button"
            class="caret"
            style={{ left: `${at.x}px`, top: `${at.y + at.h * 0.55}px` }}
            aria-label={t('omissionLabel', clauseName(mark.label))}
            data-clause={mark.clauseId}
            ref={(el) => void (el ? anchors.current.set(mark.key, el) : anchors.current.delete(mark.key))}
            onMouseEnter={() => show({ kind: 'omission', key: mark.key })}
            onMouseLeave={hideSoon}
            onFocus={() => show({ kind: 'omission', key: mark.key })}
            onBlur={hideSoon}
            onClick={() => openViewer(mark.documentId, mark.clauseId)}
          >
            ‸
          </button>
        );
      })}
      {cardAt && (openClause || openOmission) && (
        <div
          id="yuanwen-card"
          class="card"
          role="tooltip"
          style={{ left: `${cardLeft}px`, top: `${cardAt.y + cardAt.h + 6}px` }}
          onMouseEnter={keepOpen}
          onMouseLeave={hideSoon}
        >
          {openClause && <ClauseCard mark={openClause} />}
          {openOmission && <OmissionCard mark={openOmission} />}
        </div>
      )}
      <Summary summaries={plan.summaries} openViewer={openViewer} />
    </div>
  );
}
