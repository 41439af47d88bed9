/**
 * A canonical document's metadata and provenance (witnesses, collation,
 * variant readings), as the viewer and the corpus page both show them.
 */
import type { ComponentChildren } from 'preact';
import type { CanonicalDocument, Variant } from '../core/corpus/corpus';
import { t } from '../platform/browser';

/** Issuer, number, date and publisher; `children` adds further `<dt>/<dd>` pairs. */
export function DocumentMetadata({ doc, children }: { doc: CanonicalDocument; children?: ComponentChildren }) {
  return (
    <dl class="metadata">
      <dt>{t('viewerIssuer')}</dt>
      <dd>{doc.issuer}</dd>
      {doc.number && (
        <>
          <dt>{t('viewerNumber')}</dt>
          <dd>{doc.number}</dd>
        </>
      )}
      <dt>{t('viewerDate')}</dt>
      <dd>{doc.date}</dd>
      <dt>{t('viewerPublisher')}</dt>
      <dd>{doc.publisher}</dd>
      {children}
    </dl>
  );
}

/** Witnesses, collation and variant readings; `variantLink` turns a variant into a link to its clause. */
export function DocumentSources({ doc, variantLink }: { doc: CanonicalDocument; variantLink?: (v: Variant) => string }) {
  return (
    <>
      <h3>{t('viewerWitnesses')}</h3>
      <ul class="witnesses">
        {doc.witnesses.map((w) => (
          <li key={w.id}>
            <b>{w.id}</b> {w.description}
          </li>
        ))}
      </ul>
      <h3>{t('viewerCollation')}</h3>
      <p>{doc.collation}</p>
      {doc.variants.length > 0 && (
        <>
          <h3>{t('viewerVariants')}</h3>
          <ul class="variants">
            {doc.variants.map((v) => {
              const reading = t('viewerVariant', [v.clause, v.adopted, v.rejectedBy, v.rejected]);
              return (
                <li key={`${v.clause}-${v.rejected}`}>
                  {variantLink ? <a href={variantLink(v)}>{reading}</a> : reading} {v.note}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
