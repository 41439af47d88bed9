/**
 * What the page is, in the reader's language: 「本文引用《…》第（三十二）条，与原文一致」,
 * 「节选《…》」 with 「刊载……，略去……」, 「本页全文转载《…》：3 处与原文不符」.
 * Shared by the in-page summary and the popup.
 */
import type { ClauseName, RelationDescription } from '../core/check/relation-description';
import { t, type MessageKey } from '../platform/browser';

const LINE_KEYS: Record<RelationDescription['relation'], Record<'faithful' | 'deviations' | 'altered', MessageKey>> = {
  reprint: { faithful: 'summaryFaithful', deviations: 'summaryDeviations', altered: 'summaryHeavilyAltered' },
  excerpt: { faithful: 'summaryExcerptFaithful', deviations: 'summaryExcerptDeviations', altered: 'summaryExcerptAltered' },
  quotation: { faithful: 'summaryQuotationFaithful', deviations: 'summaryQuotationDeviations', altered: 'summaryQuotationAltered' },
};

/** A clause or part as the reader names it: 第（三十二）条, 第二部分, 序言 (labels that already say 第… are kept). */
export function clauseNameText(name: ClauseName): string {
  if (name.kind === 'preamble') return t('clausePreamble');
  if (name.label.startsWith('第')) return name.label;
  return name.kind === 'clause' ? t('nameClause', name.label) : t('namePart', name.label.replace(/[、．.]$/, ''));
}

export function nameList(names: ClauseName[]): string {
  return names.map(clauseNameText).join(t('listSeparator'));
}

/** The summary's first line: the relation and the verdict. */
export function relationLine(title: string, d: RelationDescription, heavilyAltered: boolean): string {
  const verdict = heavilyAltered ? 'altered' : d.changes > 0 ? 'deviations' : 'faithful';
  const key = LINE_KEYS[d.relation][verdict];
  if (d.relation === 'quotation') return t(key, [title, nameList(d.reproduced), String(d.changes)]);
  return t(key, [title, String(d.changes)]);
}

/** The lines after it: the parts an excerpt prints and leaves out, the parts printed out of order. */
export function relationDetails(d: RelationDescription): string[] {
  const lines: string[] = [];
  if (d.relation === 'excerpt' && d.leftOut.length > 0) lines.push(t('summaryExcerptParts', [nameList(d.printed), nameList(d.leftOut)]));
  if (d.movedParts.length > 0) lines.push(t('summaryMovedParts', nameList(d.movedParts)));
  return lines;
}
