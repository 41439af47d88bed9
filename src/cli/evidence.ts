/**
 * `yuanwen check --format html FILE`: the evidence report the extension
 * exports (src/core/evidence), made from a file. No screenshot: there is no
 * browser view. Checking an evidence report this way reads the page text it
 * keeps, so the new report has the same digests and the same deviations.
 */
import type { Corpus } from '../core/corpus/corpus';
import type { Report } from '../core/check/report';
import { checkedNow } from '../core/evidence/checked-at';
import { corpusDigest } from '../core/evidence/corpus-digest';
import { renderEvidence } from '../core/evidence/evidence-report';
import type { EvidenceLanguage } from '../core/evidence/evidence-strings';
import { version } from '../../package.json';
import type { PageFile } from './read-page';

/** The report's language from the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`): Chinese for zh*, otherwise English. */
export function languageFromLocale(env: NodeJS.ProcessEnv): EvidenceLanguage {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh_CN' : 'en';
}

export function evidenceFromFile(file: string, page: PageFile, report: Report, corpus: Corpus, language: EvidenceLanguage): string {
  return renderEvidence({
    report,
    documents: corpus.documents,
    page: { url: page.url, title: page.title, file: file === '-' ? '(standard input)' : file, text: page.text, checkedAt: checkedNow() },
    versions: { yuanwen: version, corpus: corpusDigest(corpus) },
    language,
  });
}
