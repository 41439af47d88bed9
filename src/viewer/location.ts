/**
 * The viewer's address: `viewer.html#doc=ID&clause=ID&tab=ID`. `doc` names a
 * bundled document, `clause` one of its clauses (optional), `tab` the tab the
 * reader came from (optional: its page's deviations are shown on the text).
 */
export interface ViewerLocation {
  documentId: string;
  clauseId: string;
  tabId: number | undefined;
}

export function parseViewerHash(hash: string): ViewerLocation {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const tab = Number(params.get('tab'));
  return {
    documentId: params.get('doc') ?? '',
    clauseId: params.get('clause') ?? '',
    tabId: Number.isInteger(tab) && tab >= 0 && params.has('tab') ? tab : undefined,
  };
}

export function viewerHash(location: ViewerLocation): string {
  const params = new URLSearchParams({ doc: location.documentId });
  if (location.clauseId) params.set('clause', location.clauseId);
  if (location.tabId !== undefined) params.set('tab', String(location.tabId));
  return `#${params.toString()}`;
}
