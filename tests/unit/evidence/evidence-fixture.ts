/** Evidence reports made from seed pages and hostile pages, and read back with linkedom as a browser would parse them. */
import { parseHTML } from 'linkedom';
import { renderEvidence, type EvidenceInput } from '../../../src/core/evidence/evidence-report';
import { corpusDigest } from '../../../src/core/evidence/corpus-digest';
import { check, testCorpus } from '../corpus-fixture';

/** 2026-12-01 17:14:34 in Beijing. */
export const CHECKED_AT = { epochMs: Date.UTC(2026, 11, 1, 9, 14, 34), utcOffsetMinutes: 480, timeZone: 'Asia/Shanghai' };

export function evidenceInput(text: string, extra: Partial<EvidenceInput> = {}): EvidenceInput {
  return {
    report: check(text),
    documents: testCorpus().documents,
    page: { url: 'https://news.example.cn/2025/08/opinion.html', title: '关于推动城市高质量发展的意见', text, checkedAt: CHECKED_AT },
    versions: { yuanwen: '0.1.0', corpus: corpusDigest(testCorpus()) },
    language: 'zh_CN',
    ...extra,
  };
}

export function evidenceOf(text: string, extra: Partial<EvidenceInput> = {}): { html: string; document: Document } {
  const html = renderEvidence(evidenceInput(text, extra));
  return { html, document: parseHTML(html).document as unknown as Document };
}
