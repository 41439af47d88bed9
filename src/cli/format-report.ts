/**
 * The report for people: which document the page reprints, how much of it
 * and how faithfully, then each deviation at its clause with the canonical
 * and page text side by side, in context.
 */
import type { Deviation, Report } from '../core/check/report';
import { describeRelation, type ClauseName, type RelationDescription } from '../core/check/relation-description';
import { versionNote, versionNoteText } from '../core/check/version-note';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  canonical(s: string): string;
  page(s: string): string;
  warn(s: string): string;
}

const plain: Style = { bold: (s) => s, dim: (s) => s, canonical: (s) => s, page: (s) => s, warn: (s) => s };
const sgr = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
const coloured: Style = { bold: sgr('1'), dim: sgr('2'), canonical: sgr('31'), page: sgr('32'), warn: sgr('33;1') };

export function styleFor(colour: boolean): Style {
  return colour ? coloured : plain;
}

const KIND_NAMES: Record<Deviation['kind'], string> = {
  substitution: 'substitution 改动',
  insertion: 'insertion 增加',
  omission: 'omission 删减',
  reorder: 'reorder 顺序变动',
  marker: 'marker 序号',
};

/** How many characters of context to show around a change. */
const CONTEXT = 8;
/** Longer texts (moved or omitted clauses) are shortened in the listing. */
const MAX_SHOWN = 40;

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

function shorten(s: string): string {
  const oneLine = s.replace(/\s+/g, ' ');
  return oneLine.length > MAX_SHOWN ? oneLine.slice(0, MAX_SHOWN) + '…' : oneLine;
}

function inContext(full: string, start: number, end: number, mark: (s: string) => string): string {
  const before = full.slice(Math.max(0, start - CONTEXT), start).replace(/\s+/g, '');
  const after = full.slice(end, end + CONTEXT).replace(/\s+/g, '');
  const changed = end > start ? full.slice(start, end) : '';
  return `…${before}[${mark(shorten(changed))}]${after}…`;
}

/** A moved clause by its label, or its opening words when it has none (a section's paragraph). */
function labelOfMoved(d: Deviation): string {
  const text = d.canonicalText.replace(/\s+/g, '');
  return /^(?:[一二三四五六七八九十百]+、|（[一二三四五六七八九十百]+）)/.test(text)
    ? text.match(/^\S+?[、）]/)![0]
    : `${d.clause}「${text.slice(0, 6)}…」`;
}

const labelOf = (n: ClauseName) => (n.kind === 'preamble' ? '序言' : n.label);

/** What the page is: reprint, excerpt (the parts it prints and leaves out) or quotation (the clauses it quotes). */
function relationText(d: RelationDescription): string {
  if (d.relation === 'quotation') return `quotation (引用): ${d.reproduced.map(labelOf).join(' ')}`;
  if (d.relation === 'excerpt') {
    return `excerpt (节选): prints ${d.printed.map(labelOf).join(' ')}; leaves out ${d.leftOut.map(labelOf).join(' ') || 'nothing'}`;
  }
  return 'reprint (全文转载)';
}

export function formatReport(report: Report, pageText: string, canonicalText: (documentId: string) => string, style: Style): string {
  const lines: string[] = [];
  if (report.documents.length === 0) {
    lines.push('  no bundled document found on this page (未发现已收录的文件)');
    return lines.join('\n');
  }
  for (const doc of report.documents) {
    const deviations = report.deviations.filter((d) => d.documentId === doc.id);
    lines.push(`  ${style.bold(`《${doc.title}》`)} ${style.dim(`(${doc.id})`)}`);
    lines.push(`  identified ${percent(doc.score)} · coverage ${percent(doc.coverage)} · word for word ${percent(doc.matchRatio)}`);
    lines.push(`  ${relationText(describeRelation(doc, deviations))}`);
    const note = versionNote(doc);
    if (note) lines.push(style.warn(`  superseded version (旧版本): ${versionNoteText(note)} (${note.newestId})`));
    if (report.traditional) lines.push('  in traditional characters (繁体字版本): compared as converted to simplified');
    if (doc.heavilyAltered) {
      lines.push(
        style.warn(
          `  heavily altered (大量改写): ${doc.deviationCounts.substitution} substitutions, ${deviations.length} deviations in all; most frequent:`,
        ),
      );
      for (const [from, to, n] of doc.topSubstitutions) lines.push(`    ${style.canonical(from)} → ${style.page(to)}  ×${n}`);
    } else if (deviations.length === 0) {
      lines.push('  faithful to the canonical text (与原文一致)');
    } else {
      const counts = new Map<string, number>();
      for (const d of deviations) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
      const summary = [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
      lines.push(style.warn(`  ${deviations.length} deviations (处与原文不符): ${summary}`));
    }
    const canonical = canonicalText(doc.id);
    const moved = deviations.filter((d) => d.kind === 'reorder');
    if (moved.length > 0) {
      // One line for people; the JSON report keeps one deviation per moved clause.
      const labels = moved.map((d) => labelOfMoved(d)).join(' ');
      lines.push(`  ${style.bold(KIND_NAMES.reorder)}: ${moved.length} clauses printed out of canonical order: ${labels}`);
    }
    for (const d of deviations) {
      if (d.kind === 'reorder') continue;
      const label = d.clause || '(preamble 序言)';
      const flag = d.number ? style.warn(' [number 数字]') : '';
      lines.push(`  ${style.bold(label)}  ${KIND_NAMES[d.kind]}${flag}`);
      if (d.kind === 'marker') {
        lines.push(
          `      canonical ${style.canonical(d.canonicalText)}   page ${d.pageText ? style.page(d.pageText) : style.dim('(no label)')}`,
        );
        continue;
      }
      lines.push(`      canonical ${inContext(canonical, d.canonicalStart, d.canonicalEnd, style.canonical)}`);
      lines.push(`      page      ${inContext(pageText, d.pageStart, d.pageEnd, style.page)}`);
    }
  }
  for (const v of report.knownVariants) {
    lines.push(
      style.dim(`  ${v.clause}  known variant: page reads ${v.found} (as witness ${v.witness}); canonical ${v.adopted}: ${v.note}`),
    );
  }
  return lines.join('\n');
}
