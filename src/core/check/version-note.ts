/**
 * What the summary says when a page reprints a superseded version:
 * 「本页转载的是2017年版本，现行版本为2023年版本。」 Years where they tell the
 * versions apart, full dates where two versions share a year.
 */
import type { DocumentMatch } from './report';

export interface VersionNote {
  /** The version the page reprints and the newest one: years (`2017`), or dates where they share a year. */
  reprinted: string;
  newest: string;
  /** True when `reprinted` and `newest` are years. */
  years: boolean;
  newestId: string;
}

export function versionNote(match: Pick<DocumentMatch, 'date' | 'newerVersions'>): VersionNote | undefined {
  const newest = match.newerVersions.at(-1);
  if (!newest || !match.date) return undefined;
  const sameYear = newest.date.slice(0, 4) === match.date.slice(0, 4);
  const shown = (date: string) => (sameYear ? date : date.slice(0, 4));
  return { reprinted: shown(match.date), newest: shown(newest.date), years: !sameYear, newestId: newest.id };
}

/** The note in Chinese, as the CLI prints it (the extension's pages use their locale's message). */
export function versionNoteText(note: VersionNote): string {
  const unit = note.years ? '年' : '';
  return `本页转载的是${note.reprinted}${unit}版本，现行版本为${note.newest}${unit}版本。`;
}
