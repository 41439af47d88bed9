/**
 * The corpus page: every document bundled with this build, with its
 * metadata and provenance (the witnesses it was collated from, how they
 * were collated, the variant readings and how each was settled), each
 * linking into the canonical viewer: the document, its sections, and the
 * clause of each variant reading; then the reader's own documents
 * (./SavedDocuments.tsx) and the imported packs (./ImportedPacks.tsx).
 */
import { t, browser } from '../platform/browser';
import { bundledCorpus } from '../platform/bundled-corpus';
import type { CanonicalDocument } from '../core/corpus/corpus';
import { DocumentMetadata, DocumentSources } from '../ui/DocumentProvenance';
import { ImportedPacks } from './ImportedPacks';
import { SavedDocuments } from './SavedDocuments';

function viewerUrl(documentId: string, clauseId = ''): string {
  const params = new URLSearchParams({ doc: documentId });
  if (clauseId) params.set('clause', clauseId);
  return browser.runtime.getURL(`viewer.html#${params.toString()}`);
}

function Document({ doc }: { doc: CanonicalDocument }) {
  const numbered = doc.clauses.filter((c) => c.kind === 'numbered').length;
  const sections = doc.sections.filter((s) => s.label !== '').length;
  const headingId = `doc-${doc.id}`;
  const clauseIdOf = (label: string) => doc.clauses.find((c) => c.label === label)?.id ?? '';
  return (
    <article class="document" aria-labelledby={headingId} data-document={doc.id}>
      <h2 id={headingId}>
        <a href={viewerUrl(doc.id)}>《{doc.title}》</a>
      </h2>
      <DocumentMetadata doc={doc}>
        <dt>{t('corpusId')}</dt>
        <dd>
          <code>{doc.id}</code>
        </dd>
        <dt>{t('corpusStructure')}</dt>
        <dd>{t('corpusStructureValue', [String(sections), String(numbered), String(doc.text.length)])}</dd>
      </DocumentMetadata>
      <details>
        <summary>{t('viewerContents')}</summary>
        <ul class="contents">
          {doc.sections.map((s) => (
            <li key={s.id}>
              <a href={viewerUrl(doc.id, s.clauseIds[0])}>{s.label ? `${s.label}${s.heading}` : t('clausePreamble')}</a>
            </li>
          ))}
        </ul>
      </details>
      <DocumentSources doc={doc} variantLink={(v) => viewerUrl(doc.id, clauseIdOf(v.clause))} />
      <p>
        <a class="open" href={viewerUrl(doc.id)}>
          {t('corpusOpenViewer')}
        </a>
      </p>
    </article>
  );
}

export function CorpusPage() {
  const documents = [...bundledCorpus().documents].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <>
      <h1>{t('corpusTitle')}</h1>
      <p class="intro">{t('corpusIntro', String(documents.length))}</p>
      {documents.map((doc) => (
        <Document key={doc.id} doc={doc} />
      ))}
      <SavedDocuments />
      <ImportedPacks />
    </>
  );
}
