/** The library's filter menus: one select per field, its choices taken from the highlights there are. */
import { t } from '../platform/browser';
import type { Highlight } from '../core/highlight/record';
import { clauseLabel, documentTitle } from './labels';
import { siteOfUrl } from './search';

export interface FilterChoices {
  documents: [string, string][];
  clauses: [string, string][];
  tags: [string, string][];
  sites: [string, string][];
}

/** The choices of each menu as [value, label], sorted; clauses only of `documentId` when one is chosen. */
export function filterOptions(all: readonly Highlight[], documentId: string): FilterChoices {
  const documents = new Map<string, string>();
  const clauses = new Map<string, string>();
  const tags = new Set<string>();
  const sites = new Set<string>();
  for (const h of all) {
    if (h.canonical) {
      documents.set(h.canonical.documentId, documentTitle(h.canonical.documentId));
      if (!documentId || h.canonical.documentId === documentId) {
        clauses.set(
          `${h.canonical.clauseId}`,
          `${clauseLabel(h)}${documentId ? '' : ` · ${documentTitle(h.canonical.documentId).slice(0, 12)}`}`,
        );
      }
    }
    h.tags.forEach((tag) => tags.add(tag));
    const site = siteOfUrl(h.url);
    if (site) sites.add(site);
  }
  const sorted = (m: Map<string, string>) => [...m.entries()].sort((a, b) => a[1].localeCompare(b[1], 'zh-CN'));
  return {
    documents: sorted(documents),
    clauses: sorted(clauses),
    tags: [...tags].sort().map((x) => [x, x] as [string, string]),
    sites: [...sites].sort().map((x) => [x, x] as [string, string]),
  };
}

export function FilterSelect(props: { id: string; label: string; value: string; options: [string, string][]; onChange(v: string): void }) {
  return (
    <label class="filter" for={props.id}>
      <span>{props.label}</span>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{t('libraryAll')}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
