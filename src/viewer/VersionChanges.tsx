/**
 * When the document in the viewer has a newer version in the corpus (same
 * series, a later date), which articles differ between this version and the
 * newest (src/core/corpus/version-diff.ts): changed, added and removed, each
 * linking to its article in the version that has it.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser, t } from '../platform/browser';
import { sendMessage } from '../platform/messaging';
import { canonicalDocument } from '../ui/canonical-document';
import type { CanonicalDocument } from '../core/corpus/corpus';
import { versionDiff, type ArticleRef, type VersionDiff } from '../core/corpus/version-diff';
import { viewerHash } from './location';

async function newestVersionOf(doc: CanonicalDocument): Promise<CanonicalDocument | undefined> {
  if (!doc.series) return undefined;
  const packs = (await sendMessage({ type: 'yuanwen/corpus-packs' }).catch(() => undefined)) ?? [];
  const [newest] = packs
    .flatMap((p) => p.documents)
    .filter((d) => d.series === doc.series && d.date > doc.date)
    .sort((a, b) => b.date.localeCompare(a.date));
  return newest ? canonicalDocument(newest.id) : undefined;
}

function ArticleLink({ documentId, article, inThisViewer }: { documentId: string; article: ArticleRef; inThisViewer: boolean }) {
  const hash = viewerHash({ documentId, clauseId: article.id, tabId: undefined });
  return (
    <a href={inThisViewer ? hash : browser.runtime.getURL(`viewer.html${hash}`)} data-clause={article.id}>
      {article.label}
    </a>
  );
}

/** One kind of difference as a folded list; nothing when there is none of that kind. */
function ArticleList({ kind, summary, children }: { kind: string; summary: string; children: JSX.Element[] }) {
  if (children.length === 0) return null;
  return (
    <details class={kind}>
      <summary>{summary}</summary>
      <ul>{children}</ul>
    </details>
  );
}

export function VersionChanges({ doc }: { doc: CanonicalDocument }) {
  const [found, setFound] = useState<{ of: string; newest: CanonicalDocument; diff: VersionDiff } | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void newestVersionOf(doc).then((newest) => {
      if (current && newest) setFound({ of: doc.id, newest, diff: versionDiff(doc, newest) });
    });
    return () => {
      current = false;
    };
  }, [doc]);
  if (!found || found.of !== doc.id) return null;
  const { newest, diff } = found;
  const here = (article: ArticleRef) => <ArticleLink documentId={doc.id} article={article} inThisViewer />;
  const there = (article: ArticleRef) => <ArticleLink documentId={newest.id} article={article} inThisViewer={false} />;
  return (
    <section class="versions" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('viewerVersionsTitle', newest.date)}</h2>
      <p>
        {t('viewerVersionsSummary', [
          String(diff.changed.length),
          String(diff.added.length),
          String(diff.removed.length),
          String(diff.unchanged),
        ])}
      </p>
      <ArticleList kind="changed" summary={t('viewerVersionsChanged')}>
        {diff.changed.map((c) => (
          <li key={c.newer.id}>
            {here(c.older)} → {there(c.newer)}
          </li>
        ))}
      </ArticleList>
      <ArticleList kind="added" summary={t('viewerVersionsAdded')}>
        {diff.added.map((a) => (
          <li key={a.id}>{there(a)}</li>
        ))}
      </ArticleList>
      <ArticleList kind="removed" summary={t('viewerVersionsRemoved')}>
        {diff.removed.map((r) => (
          <li key={r.id}>{here(r)}</li>
        ))}
      </ArticleList>
    </section>
  );
}
