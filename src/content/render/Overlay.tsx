/**
 * Yuanwen's UI on a page, rendered by Preact inside our shadow root: badges
 * at clauses, carets at omissions, the card they open, and the page summary.
 * Every page- or corpus-derived string is rendered as text by Preact, never
 * as HTML.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../platform/browser';
import type { Deviation } from '../../core/check/report';
import type { ClauseMark, DocumentSummary, OmissionMark, RenderPlan } from './plan';
import { deviationKindName } from '../../ui/deviation-kind';
import { relationDetails, relationLine } from '../../ui/relation-summary';

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

export function clauseName(label: string): string {
  return label || t('clausePreamble');
}

function badgeLabel(mark: ClauseMark): string {
  const name = clauseName(mark.pageLabel ?? mark.label);
  if (mark.state === 'altered') return t('badgeAltered', name);
  if (mark.state === 'deviations') return t('badgeDeviations', [name, String(mark.deviations.length)]);
  return t('badgeFaithful', name);
}

/**
 * The open card and where it goes: above its badge when there is room for
 * it there (so that it does not cover the clause it describes, which runs
 * on below the badge), else on the side with more room; never taller than
 * that room.
 */
interface OpenCard {
  kind: 'clause' | 'omission';
  key: string;
  above: boolean;
  /** Room in the window on the chosen side, in CSS pixels. */
  room: number;
}

/** Height of a badge drawn above its line (at the left edge), and the gap between a badge's line and the card. */
const EDGE_BADGE_HEIGHT = 20;
const CARD_GAP = 6;
const MIN_CARD_ROOM = 160;
/** Room above a badge that is enough for most cards: they open above whenever there is this much. */
const PREFERRED_CARD_ROOM = 280;

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
              <td class="kind">{deviationKindName(d.kind)}</td>
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
      {mark.state === 'deviations' && <p class="status deviations">{t('popupDeviations', String(mark.deviations.length))}</p>}
      {mark.state !== 'faithful' && mark.deviations.length > 0 && <DeviationRows deviations={mark.deviations} />}
      {mark.knownVariants.map((v) => (
        <p class="note known-variant" key={`${v.pageStart}`}>
          {t('cardKnownVariant', [v.found, v.witnessName, v.adopted])}
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
  // Once the reader scrolls, the summary shrinks to its first line (hover or focus shows the rest): it sits over the page's text.
  const [compact, setCompact] = useState(false);
  useEffect(() => {
    if (compact) return;
    const onScroll = () => setCompact(true);
    window.addEventListener('scroll', onScroll, { passive: true, once: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, [compact]);
  if (dismissed || summaries.length === 0) return null;
  const altered = summaries.some((s) => s.heavilyAltered);
  const deviations = summaries.some((s) => s.deviations > 0);
  const tone = altered ? 'altered' : deviations ? 'deviations' : 'faithful';
  return (
    <section class={`summary ${tone}${compact ? ' compact' : ''}`} role="region" aria-label={t('uiRegionLabel')}>
      {summaries.map((s) => (
        <div class="document" key={s.documentId}>
          <p class="line" role="status">
            {relationLine(s.title, s.description, s.heavilyAltered)}
          </p>
          {s.traditional && <p class="detail traditional">{t('summaryTraditional')}</p>}
          {relationDetails(s.description).map((line) => (
            <p class="detail relation" key={line}>
              {line}
            </p>
          ))}
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

  const show = (kind: OpenCard['kind'], key: string) => {
    clearTimeout(closeTimer.current);
    const rect = anchors.current.get(key)?.getBoundingClientRect();
    const viewportHeight = window.innerHeight;
    const roomAbove = rect ? rect.top - CARD_GAP - 8 : 0;
    const roomBelow = rect ? viewportHeight - rect.bottom - CARD_GAP - 8 : viewportHeight;
    const above = roomAbove >= PREFERRED_CARD_ROOM || (roomAbove > roomBelow && roomAbove >= MIN_CARD_ROOM);
    setOpen({ kind, key, above, room: Math.max(MIN_CARD_ROOM, above ? roomAbove : roomBelow) });
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
  // Above: the card's bottom edge just over the badge's line (or over the badge, where it sits above the line).
  const overEdgeBadge = open?.kind === 'clause' && cardAt !== undefined && cardAt.x - layout.viewportLeft < 40;
  const cardTop = !cardAt
    ? 0
    : open?.above
      ? cardAt.y - CARD_GAP - (overEdgeBadge ? EDGE_BADGE_HEIGHT : 0)
      : cardAt.y + cardAt.h + CARD_GAP;

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
            onMouseEnter={() => show('clause', mark.key)}
            onMouseLeave={hideSoon}
            onFocus={() => show('clause', mark.key)}
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
            onMouseEnter={() => show('omission', mark.key)}
            onMouseLeave={hideSoon}
            onFocus={() => show('omission', mark.key)}
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
          role="tooltip"
          class={`card ${open!.above ? 'above' : 'below'}`}
          style={{ left: `${cardLeft}px`, top: `${cardTop}px`, maxHeight: `min(60vh, ${Math.round(open!.room)}px)` }}
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
