/**
 * The evidence report: one self-contained HTML file that records what a page
 * said when it was checked and how it differs from the canonical document,
 * for a fact-checker to file, print or send. No scripts, nothing loaded from
 * the network; A4 print styles; summary first, then the deviations by
 * clause, the provenance of the canonical text, SHA-256 digests, the page
 * text as extracted and how to re-check it.
 *
 * Pure: the extension (popup, viewer) and the CLI (`--format html`) pass in
 * the report, the documents, the page and the clock; the same input gives
 * the same file. Every string from the page, the corpus or the user goes
 * through `escapeHtml`; markup is only ever this module's literals.
 */
import type { CanonicalDocument } from '../corpus/corpus';
import type { Deviation, DocumentMatch, Report } from '../check/report';
import type { Highlight } from '../highlight/record';
import { sha256 } from '../text/sha256';
import { describeCheckedAt, localIsoTime, type CheckedAt } from './checked-at';
import { escapeHtml } from './escape-html';
import { EVIDENCE_CSS } from './evidence-style';
import { evidenceStrings, type EvidenceStrings } from './evidence-strings';
import { EVIDENCE_FORMAT, EVIDENCE_GENERATOR, pageTextBlock } from './page-text-block';

export interface EvidencePage {
  /** The page's address (`''` when checked from a file). */
  url: string;
  title: string;
  /** The file checked, when the CLI made the report. */
  file?: string;
  /** The page text exactly as the engine checked it: the report's offsets index it. */
  text: string;
  checkedAt: CheckedAt;
}

export interface EvidenceInput {
  report: Report;
  /** The canonical documents, at least those in the report. */
  documents: readonly CanonicalDocument[];
  page: EvidencePage;
  versions: { yuanwen: string; corpus: string };
  /** A `data:image/png` or `data:image/jpeg` URL of the visible part of the page; anything else is left out. */
  screenshot?: string;
  /** The user's highlights and notes on this page: only when they ticked the box to include them. */
  highlights?: readonly Highlight[];
  /** `zh_CN` or `en` (other languages read simplified Chinese). */
  language: string;
}

/** Characters of context shown either side of a change, within its line. */
const CONTEXT = 12;

const SCREENSHOT_URL = /^data:image\/(?:png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/;

const text = escapeHtml;
const percent = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

export function renderEvidence(input: EvidenceInput): string {
  const s = evidenceStrings(input.language);
  const { report, page } = input;
  const documentOf = (id: string) => input.documents.find((d) => d.id === id);
  const pageHash = sha256(page.text);
  const body = [
    `<header><h1>${text(s.title)}</h1><p class="subtitle">${text(s.subtitle)}</p></header>`,
    '<main>',
    summarySection(s, input, pageHash),
    // From a file (the CLI) there is no browser view to capture.
    page.file !== undefined && input.screenshot === undefined ? '' : screenshotSection(s, input.screenshot),
    deviationsSection(s, report, documentOf, page.text),
    documentsSection(s, report, documentOf),
    pageSection(s, page, pageHash),
    input.highlights && input.highlights.length > 0 ? highlightsSection(s, input.highlights) : '',
    recheckSection(s, input),
    '</main>',
    `<footer><p>${text(s.footer)}</p></footer>`,
  ];
  return [
    '<!doctype html>',
    `<html lang="${text(s.htmlLang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta name="generator" content="${EVIDENCE_GENERATOR} ${EVIDENCE_FORMAT}">`,
    // No script runs and nothing is fetched, even if a string escaped our escaping.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${text(`${s.title}: ${page.title || page.url || page.file || ''}`)}</title>`,
    `<style>${EVIDENCE_CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A file name for the report: the time it was checked, in the checker's zone. */
export function evidenceFileName(checkedAt: CheckedAt): string {
  const local = localIsoTime(checkedAt);
  return `yuanwen-evidence-${local.slice(0, 10).replace(/-/g, '')}-${local.slice(11, 19).replace(/:/g, '')}.html`;
}

function facts(rows: [string, string][]): string {
  return `<dl class="facts">${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

function addressLink(url: string): string {
  // Only a web address becomes a link; anything else (javascript:, data:) stays text.
  return /^https?:\/\//i.test(url) ? `<a href="${text(url)}">${text(url)}</a>` : text(url);
}

function deviationsOf(report: Report, documentId: string): Deviation[] {
  return report.deviations
    .filter((d) => d.documentId === documentId)
    .sort((a, b) => a.canonicalStart - b.canonicalStart || a.pageStart - b.pageStart);
}

function summarySection(s: EvidenceStrings, input: EvidenceInput, pageHash: string): string {
  const { report, page } = input;
  const parts = [`<section class="summary" aria-labelledby="summary"><h2 id="summary">${text(s.summary)}</h2>`];
  const pageRows: [string, string][] = [];
  if (page.title) pageRows.push([text(s.pageTitle), text(page.title)]);
  if (page.url) pageRows.push([text(s.pageUrl), addressLink(page.url)]);
  if (page.file) pageRows.push([text(s.page), text(page.file)]);
  pageRows.push([
    text(s.checkedAt),
    `<time datetime="${text(localIsoTime(page.checkedAt))}">${text(describeCheckedAt(page.checkedAt))}</time>`,
  ]);
  pageRows.push([text(`SHA-256 (${s.pageTextHash})`), `<span class="hash">${pageHash}</span>`]);
  parts.push(facts(pageRows));
  if (report.traditional) parts.push(`<p role="note">${text(s.traditional)}</p>`);
  if (report.pageText) parts.push(`<p role="note">${text(s.partialCheck(report.pageText.analysed, report.pageText.total))}</p>`);
  if (report.documents.length === 0) parts.push(`<p class="verdict">${text(s.noDocument)}</p>`);
  for (const match of report.documents) {
    const count = deviationsOf(report, match.id).length;
    const verdict = match.heavilyAltered
      ? `<p class="verdict verdict-altered">${text(s.heavilyAlteredVerdict)}</p>`
      : count === 0
        ? `<p class="verdict verdict-faithful">${text(s.faithfulVerdict)}</p>`
        : `<p class="verdict verdict-deviations">${text(s.deviationsVerdict(count))}</p>`;
    const partName = (label: string) => label || s.preamble;
    const rows: [string, string][] = [[text(s.relation), text(s.relations[match.relation])]];
    if (match.parts.printed.length > 0) rows.push([text(s.partsPrinted), text(match.parts.printed.map(partName).join(' '))]);
    if (match.parts.leftOut.length > 0) rows.push([text(s.partsLeftOut), text(match.parts.leftOut.map(partName).join(' '))]);
    rows.push([text(s.coverage), text(percent(match.coverage))]);
    rows.push([text(s.matchRatio), text(percent(match.matchRatio))]);
    rows.push([text(s.deviationCount), text(kindCounts(s, match, count))]);
    rows.push([text(s.heavilyAltered), text(match.heavilyAltered ? s.yes : s.no)]);
    parts.push(`<h3>${text(s.reproduces(match.title))}</h3>`, verdict, facts(rows));
    if (match.heavilyAltered && match.topSubstitutions.length > 0) {
      const items = match.topSubstitutions.map(
        ([from, to, n]) => `<li><del>${text(from)}</del> → <ins>${text(to)}</ins> ${text(s.times(n))}</li>`,
      );
      parts.push(`<h4>${text(s.topSubstitutions)}</h4><ul>${items.join('')}</ul>`);
    }
  }
  parts.push('</section>');
  return parts.join('\n');
}

function kindCounts(s: EvidenceStrings, match: DocumentMatch, count: number): string {
  const byKind = Object.entries(match.deviationCounts)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${s.kinds[kind as Deviation['kind']]} ${n}`);
  return byKind.length > 0 ? `${count} (${byKind.join(', ')})` : String(count);
}

function screenshotSection(s: EvidenceStrings, screenshot: string | undefined): string {
  const usable = screenshot !== undefined && SCREENSHOT_URL.test(screenshot);
  const content = usable
    ? `<figure><img src="${text(screenshot)}" alt="${text(s.screenshotAlt)}"></figure>`
    : `<p class="empty">${text(s.noScreenshot)}</p>`;
  return `<section class="screenshot" aria-labelledby="screenshot"><h2 id="screenshot">${text(s.screenshot)}</h2>${content}</section>`;
}

function deviationsSection(
  s: EvidenceStrings,
  report: Report,
  documentOf: (id: string) => CanonicalDocument | undefined,
  pageText: string,
): string {
  if (report.documents.length === 0) return '';
  const parts = [`<section aria-labelledby="deviations"><h2 id="deviations">${text(s.deviations)}</h2>`];
  report.documents.forEach((match, i) => {
    const canonical = documentOf(match.id)?.text ?? '';
    const deviations = deviationsOf(report, match.id);
    const caption = `${s.deviationsIn(match.title)}`;
    parts.push(`<h3 id="deviations-${i}">${text(caption)}</h3>`);
    if (deviations.length === 0) {
      parts.push(`<p>${text(s.noDeviations)}</p>`);
    } else {
      const rows = deviations.map((d) => deviationRow(s, d, canonical, pageText));
      parts.push(
        `<table aria-labelledby="deviations-${i}"><colgroup><col class="clause"><col class="kind"><col><col></colgroup>`,
        `<thead><tr><th scope="col">${text(s.clause)}</th><th scope="col">${text(s.kind)}</th>` +
          `<th scope="col">${text(s.canonical)}</th><th scope="col">${text(s.pageText)}</th></tr></thead>`,
        `<tbody>${rows.join('\n')}</tbody></table>`,
      );
    }
    const variants = report.knownVariants.filter((v) => v.documentId === match.id);
    if (variants.length > 0) {
      const items = variants.map(
        (v) => `<li>${text(`${v.clause || s.preamble}: ${s.knownVariant(v.found, v.witness, v.adopted)} ${v.note}`)}</li>`,
      );
      parts.push(`<h4>${text(s.knownVariants)}</h4><ul>${items.join('')}</ul>`);
    }
  });
  parts.push('</section>');
  return parts.join('\n');
}

/** One deviation: canonical and page readings side by side, each in its own context, the change marked. */
function deviationRow(s: EvidenceStrings, d: Deviation, canonical: string, pageText: string): string {
  const kind = text(s.kinds[d.kind]) + (d.number ? `<br><span class="flag">${text(s.numberChanged)}</span>` : '');
  const clause = text(d.clause || s.preamble);
  let canonicalCell: string;
  let pageCell: string;
  if (d.kind === 'marker') {
    canonicalCell = `<del>${text(d.canonicalText)}</del>`;
    pageCell = d.pageText ? `<ins>${text(d.pageText)}</ins>` : `<span class="empty">${text(s.noLabel)}</span>`;
  } else if (d.kind === 'reorder') {
    // A moved clause is the same text in another place: quoted whole, nothing marked inside it.
    canonicalCell = text(d.canonicalText);
    pageCell = text(d.pageText);
  } else {
    canonicalCell = inContext(s, canonical, d.canonicalStart, d.canonicalEnd, d.canonicalText, 'del');
    pageCell = inContext(s, pageText, d.pageStart, d.pageEnd, d.pageText, 'ins');
  }
  return (
    `<tr data-kind="${d.kind}" data-page-start="${d.pageStart}" data-page-end="${d.pageEnd}">` +
    `<th scope="row">${clause}</th><td>${kind}</td><td>${canonicalCell}</td><td>${pageCell}</td></tr>`
  );
}

function inContext(s: EvidenceStrings, full: string, start: number, end: number, changed: string, mark: 'del' | 'ins'): string {
  const before = lineTail(full.slice(Math.max(0, start - CONTEXT), start));
  const after = lineHead(full.slice(end, end + CONTEXT));
  const middle = changed ? `<${mark}>${text(changed)}</${mark}>` : `<span class="empty">${text(s.nothing)}</span>`;
  return `<span class="context">${text(before)}</span>${middle}<span class="context">${text(after)}</span>`;
}

function lineTail(s: string): string {
  return s.slice(s.lastIndexOf('\n') + 1);
}

function lineHead(s: string): string {
  const i = s.indexOf('\n');
  return i >= 0 ? s.slice(0, i) : s;
}

function documentsSection(s: EvidenceStrings, report: Report, documentOf: (id: string) => CanonicalDocument | undefined): string {
  const docs = report.documents.map((m) => documentOf(m.id)).filter((d): d is CanonicalDocument => d !== undefined);
  if (docs.length === 0) return '';
  const parts = [`<section aria-labelledby="canonical"><h2 id="canonical">${text(s.canonicalDocument)}</h2>`];
  for (const doc of docs) {
    const rows: [string, string][] = [[text(s.issuer), text(doc.issuer)]];
    if (doc.number) rows.push([text(s.number), text(doc.number)]);
    rows.push([text(s.date), text(doc.date)], [text(s.publisher), text(doc.publisher)]);
    if (doc.source) rows.push([text(s.source), addressLink(doc.source)]);
    rows.push([text(`SHA-256 (${s.canonical})`), `<span class="hash">${sha256(doc.text)}</span>`]);
    parts.push(`<h3>${text(`《${doc.title}》`)}</h3>`, facts(rows));
    if (doc.witnesses.length > 0) {
      const items = doc.witnesses.map((w) => `<li><b>${text(w.id)}</b> ${text(w.description)}</li>`);
      parts.push(`<h4>${text(s.witnesses)}</h4><ul>${items.join('')}</ul>`);
    }
    if (doc.collation) parts.push(`<h4>${text(s.collation)}</h4><p>${text(doc.collation)}</p>`);
    if (doc.variants.length > 0) {
      const items = doc.variants.map((v) => `<li>${text(`${s.variant(v.clause, v.adopted, v.rejectedBy, v.rejected)} ${v.note}`)}</li>`);
      parts.push(`<h4>${text(s.variants)}</h4><ul>${items.join('')}</ul>`);
    }
  }
  parts.push('</section>');
  return parts.join('\n');
}

function pageSection(s: EvidenceStrings, page: EvidencePage, pageHash: string): string {
  return [
    `<section aria-labelledby="page-text"><h2 id="page-text">${text(s.extractedText)}</h2>`,
    facts([
      [text(`SHA-256 (${s.pageTextHash})`), `<span class="hash">${pageHash}</span>`],
      [text(s.extractedText), text(s.characters(page.text.length))],
    ]),
    `<details><summary>${text(s.showExtractedText(page.text.length))}</summary>${pageTextBlock(page.text, page.url, page.title)}</details>`,
    '</section>',
  ].join('\n');
}

function highlightsSection(s: EvidenceStrings, highlights: readonly Highlight[]): string {
  const items = [...highlights]
    .sort((a, b) => a.selectors.position.start - b.selectors.position.start)
    .map((h) => {
      const clause = h.canonical ? h.canonical.clause || s.preamble : '';
      const note = h.note ? `<p class="note">${text(`${s.highlightNote}: ${h.note}`)}</p>` : `<p class="note empty">${text(s.noNote)}</p>`;
      const tags = h.tags.length > 0 ? `<p class="note">${text(h.tags.map((t) => `#${t}`).join(' '))}</p>` : '';
      return `<li>${text(`${clause}「${h.selectors.quote.exact}」`)}${note}${tags}</li>`;
    });
  return [
    `<section aria-labelledby="highlights"><h2 id="highlights">${text(s.highlights)}</h2>`,
    `<p>${text(s.highlightsIncluded)}</p>`,
    `<ul>${items.join('\n')}</ul>`,
    '</section>',
  ].join('\n');
}

function recheckSection(s: EvidenceStrings, input: EvidenceInput): string {
  const command = (c: string) => `<p><code class="command">${text(c)}</code></p>`;
  return [
    `<section aria-labelledby="recheck"><h2 id="recheck">${text(s.recheck)}</h2>`,
    `<p>${text(s.recheckIntro)}</p>`,
    `<p>${text(s.recheckEvidence)}</p>`,
    command('yuanwen check --format html report.html > recheck.html'),
    `<p>${text(s.recheckSaved)}</p>`,
    command('sha256sum page.txt && yuanwen check page.txt'),
    `<p>${text(s.recheckSame)}</p>`,
    `<h3>${text(s.versions)}</h3>`,
    facts([
      [text(s.yuanwenVersion), text(input.versions.yuanwen)],
      [text(s.corpusVersion), `<span class="hash">${text(input.versions.corpus)}</span>`],
    ]),
    '</section>',
  ].join('\n');
}
