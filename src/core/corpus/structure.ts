/**
 * The structure of a document's body, for texts that come from outside the
 * curated corpus (packs: the laws Markdown, plain text, HTML): paragraphs in,
 * sections and clauses out, leniently (a pack keeps a document whose
 * numbering skips, where the curated source parser refuses it).
 *
 * Two shapes:
 * - a statute: `第X编` / `第X分编` / `第X章` / `第X节` are sections and `第X条` the
 *   clauses; an article runs until the next article or heading, so its items
 *   `（一）…` and later paragraphs belong to it;
 * - a policy text: `一、` headings are sections and `（一）` the numbered clauses.
 *
 * Clause ids are ordinals (`c1`, `c2`, … in order; `s1h` the first heading),
 * so they are unique even where a document's own numbering repeats.
 */
import type { Clause, Section } from './corpus';
import { markerAtLineStart } from '../text/markers';

/** A paragraph of the body, and whether its source marks it as a heading (`## …`). */
export interface BodyParagraph {
  text: string;
  heading?: boolean;
}

export interface DocumentStructure {
  text: string;
  sections: Section[];
  clauses: Clause[];
}

const STATUTE_HEADING = /^第[零〇一二两三四五六七八九十百千]+(?:编|分编|章|节)(?=\s|$|[\u3000])/;
/** Fewest articles for a text to be read as a statute. */
const MIN_ARTICLES = 2;

function isShortHeading(paragraph: string): boolean {
  return paragraph.length <= 40 && !/[。；：！？]/.test(paragraph);
}

/** Collapses runs of whitespace (the collection spaces headings like `总 则`) to one space. */
export function cleanParagraph(line: string): string {
  return line
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

export function structureBody(paragraphs: BodyParagraph[]): DocumentStructure {
  const kept = paragraphs.map((p) => ({ ...p, text: cleanParagraph(p.text) })).filter((p) => p.text !== '');
  const articles = kept.filter((p) => markerAtLineStart(p.text)?.style === 'article').length;
  const statute = articles >= MIN_ARTICLES;

  const texts: string[] = [];
  const sections: Section[] = [{ id: 's0', label: '', heading: '', start: 0, end: 0, clauseIds: [] }];
  const clauses: Clause[] = [];
  let offset = 0;
  let section = sections[0];
  let open: Clause | undefined;
  let paragraphInSection = 0;
  let numbered = 0;

  for (const p of kept) {
    const start = offset + (texts.length > 0 ? 1 : 0);
    const end = start + p.text.length;
    texts.push(p.text);
    offset = end;
    const marker = markerAtLineStart(p.text);

    const chapterLike = statute && (STATUTE_HEADING.test(p.text) || (p.heading === true && isShortHeading(p.text)));
    const enumHeading = !statute && marker?.style === 'cn-enum' && marker.start === 0 && isShortHeading(p.text);
    if (chapterLike || enumHeading || (p.heading === true && isShortHeading(p.text))) {
      const label = enumHeading ? marker!.label : (STATUTE_HEADING.exec(p.text)?.[0] ?? p.text);
      if (label !== p.text) {
        // Headings are letter-spaced for layout (`第一章 总 则`): the words are `总则`.
        const words = p.text.slice(label.length).replace(/\s+/g, '');
        p.text = enumHeading ? label + words : `${label} ${words}`;
        texts[texts.length - 1] = p.text;
        offset = start + p.text.length;
      }
      const end = offset;
      section.end = start - 1;
      section = { id: `s${sections.length}`, label, heading: p.text.slice(label.length).trim(), start, end, clauseIds: [] };
      sections.push(section);
      const heading: Clause = {
        id: `${section.id}h`,
        kind: 'heading',
        label,
        section: label,
        start,
        bodyStart: start + label.length,
        end,
        text: p.text,
      };
      clauses.push(heading);
      section.clauseIds.push(heading.id);
      open = undefined;
      paragraphInSection = 0;
      continue;
    }

    // In a policy text a long `一、…` paragraph is itself a clause (a notice numbered only 一、二、).
    const opensClause =
      marker !== undefined &&
      marker.start === 0 &&
      (statute ? marker.style === 'article' : marker.style === 'cn-bracket' || marker.style === 'cn-enum');
    if (opensClause) {
      numbered++;
      open = {
        id: `c${numbered}`,
        kind: 'numbered',
        label: marker.label,
        section: section.label,
        start,
        bodyStart: start + marker.end,
        end,
        text: p.text,
      };
      clauses.push(open);
      section.clauseIds.push(open.id);
      continue;
    }
    if (open) {
      // An item `（一）…` or a further paragraph of the open article or clause.
      open.end = end;
      continue;
    }
    paragraphInSection++;
    const paragraph: Clause = {
      id: `${section.id}p${paragraphInSection}`,
      kind: 'paragraph',
      label: '',
      section: section.label,
      start,
      bodyStart: start,
      end,
      text: p.text,
    };
    clauses.push(paragraph);
    section.clauseIds.push(paragraph.id);
  }

  const text = texts.join('\n');
  section.end = text.length;
  for (const c of clauses) c.text = text.slice(c.start, c.end);
  // Headings with nothing under them (a 编 directly followed by its first 章) stay sections of their own.
  const withContent = sections.filter((s) => s.clauseIds.length > 0);
  return { text, sections: withContent, clauses };
}
