/**
 * A canonical document for our pages (viewer, popup): bundled ones from the
 * build, imported ones from the background, which owns the pack database.
 */
import { useEffect, useState } from 'preact/hooks';
import { bundledCorpus } from '../platform/bundled-corpus';
import { sendMessage } from '../platform/messaging';
import type { CanonicalDocument } from '../core/corpus/corpus';

export async function canonicalDocument(id: string): Promise<CanonicalDocument | undefined> {
  const bundled = bundledCorpus().documents.find((d) => d.id === id);
  if (bundled) return bundled;
  return (await sendMessage({ type: 'yuanwen/corpus-document', documentId: id }).catch(() => null)) ?? undefined;
}

/** The document with this id: `'loading'` until known, undefined when there is none. */
export function useCanonicalDocument(id: string): CanonicalDocument | undefined | 'loading' {
  const bundled = id ? bundledCorpus().documents.find((d) => d.id === id) : undefined;
  const [fetched, setFetched] = useState<{ id: string; doc: CanonicalDocument | undefined } | undefined>(undefined);
  useEffect(() => {
    if (!id || bundled) return;
    let current = true;
    void canonicalDocument(id).then((doc) => current && setFetched({ id, doc }));
    return () => {
      current = false;
    };
  }, [id, bundled]);
  if (!id) return undefined;
  if (bundled) return bundled;
  return fetched?.id === id ? fetched.doc : 'loading';
}
