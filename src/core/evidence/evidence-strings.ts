/**
 * The evidence report's wording, in the two UI languages. The report is a
 * document that leaves the extension (a file, a print-out), so its words
 * live with it in core, shared by the extension and the CLI, rather than in
 * the browser's message catalogs.
 */
import type { DeviationKind, Relation } from '../check/report';

export const EVIDENCE_LANGUAGES = ['zh_CN', 'en'] as const;
export type EvidenceLanguage = (typeof EVIDENCE_LANGUAGES)[number];

export interface EvidenceStrings {
  htmlLang: string;
  title: string;
  subtitle: string;
  summary: string;
  page: string;
  pageUrl: string;
  pageTitle: string;
  checkedAt: string;
  noDocument: string;
  reproduces: (title: string) => string;
  relation: string;
  relations: Record<Relation, string>;
  partsPrinted: string;
  partsLeftOut: string;
  traditional: string;
  coverage: string;
  matchRatio: string;
  deviationCount: string;
  heavilyAltered: string;
  yes: string;
  no: string;
  heavilyAlteredVerdict: string;
  faithfulVerdict: string;
  deviationsVerdict: (n: number) => string;
  partialCheck: (analysed: number, total: number) => string;
  topSubstitutions: string;
  times: (n: number) => string;
  screenshot: string;
  screenshotAlt: string;
  noScreenshot: string;
  deviations: string;
  deviationsIn: (title: string) => string;
  noDeviations: string;
  clause: string;
  kind: string;
  canonical: string;
  pageText: string;
  preamble: string;
  kinds: Record<DeviationKind, string>;
  numberChanged: string;
  nothing: string;
  noLabel: string;
  knownVariants: string;
  knownVariant: (found: string, witness: string, adopted: string) => string;
  canonicalDocument: string;
  issuer: string;
  number: string;
  date: string;
  publisher: string;
  source: string;
  witnesses: string;
  collation: string;
  variants: string;
  variant: (clause: string, adopted: string, witness: string, rejected: string) => string;
  hashes: string;
  pageTextHash: string;
  canonicalTextHash: (title: string) => string;
  characters: (n: number) => string;
  extractedText: string;
  showExtractedText: (n: number) => string;
  highlights: string;
  highlightsIncluded: string;
  highlightNote: string;
  noNote: string;
  recheck: string;
  recheckIntro: string;
  recheckEvidence: string;
  recheckSaved: string;
  recheckSame: string;
  versions: string;
  yuanwenVersion: string;
  corpusVersion: string;
  footer: string;
}

const zhCN: EvidenceStrings = {
  htmlLang: 'zh-CN',
  title: '原文核查记录',
  subtitle: '原文 Yuanwen 生成：网页转载内容与原文的比对结果',
  summary: '摘要',
  page: '网页',
  pageUrl: '网址',
  pageTitle: '网页标题',
  checkedAt: '核查时间',
  noDocument: '本页未发现已收录的文件。',
  reproduces: (title) => `本页转载《${title}》`,
  relation: '转载方式',
  relations: { reprint: '全文转载', excerpt: '节选', quotation: '引用' },
  partsPrinted: '转载的部分',
  partsLeftOut: '未转载的部分',
  traditional: '本页为繁体字，已按简体字核查；引文与位置均按本页原字。',
  coverage: '覆盖原文',
  matchRatio: '逐字一致',
  deviationCount: '与原文不符',
  heavilyAltered: '大量改写',
  yes: '是',
  no: '否',
  heavilyAlteredVerdict: '大量改写：与原文出入很大。',
  faithfulVerdict: '与原文一致。',
  deviationsVerdict: (n) => `${n} 处与原文不符。`,
  partialCheck: (analysed, total) => `本页文字过长，只核查了开头 ${analysed} 字（共 ${total} 字）。`,
  topSubstitutions: '最常见的改动',
  times: (n) => `${n} 次`,
  screenshot: '网页截图（核查时可见部分）',
  screenshotAlt: '核查时浏览器中可见的网页部分',
  noScreenshot: '没有截图（核查时无法截取网页）。',
  deviations: '与原文不符之处（按条款）',
  deviationsIn: (title) => `《${title}》`,
  noDeviations: '没有与原文不符之处。',
  clause: '条款',
  kind: '类型',
  canonical: '原文',
  pageText: '本页',
  preamble: '序言',
  kinds: { substitution: '改动', insertion: '增加', omission: '删减', reorder: '顺序变动', marker: '序号不符' },
  numberChanged: '数字不同',
  nothing: '（无）',
  noLabel: '（无序号）',
  knownVariants: '已知异文（不计为不符）',
  knownVariant: (found, witness, adopted) => `本页作「${found}」，与底本 ${witness} 相同；原文作「${adopted}」。`,
  canonicalDocument: '原文文件',
  issuer: '发文机关',
  number: '文号',
  date: '日期',
  publisher: '发布',
  source: '文本来源',
  witnesses: '底本',
  collation: '校勘说明',
  variants: '异文',
  variant: (clause, adopted, witness, rejected) => `${clause}：采用「${adopted}」（${witness} 作「${rejected}」）`,
  hashes: 'SHA-256 校验值',
  pageTextHash: '本页提取的文字',
  canonicalTextHash: (title) => `《${title}》原文`,
  characters: (n) => `${n} 字`,
  extractedText: '本页提取的文字',
  showExtractedText: (n) => `显示本页提取的文字（${n} 字）`,
  highlights: '我的划线与笔记',
  highlightsIncluded: '以下划线与笔记由用户选择附入本记录。',
  highlightNote: '笔记',
  noNote: '（无笔记）',
  recheck: '如何复核',
  recheckIntro: '同样的文字总会得出同样的结果。复核方法：',
  recheckEvidence: '用原文 Yuanwen 命令行工具核查本文件（它读取本文件中保存的网页文字）：',
  recheckSaved: '或把上面“本页提取的文字”原样存为 UTF-8 文本文件 page.txt，再核查：',
  recheckSame: '文字的 SHA-256 应与上面的校验值相同，不符之处也应完全相同。',
  versions: '版本',
  yuanwenVersion: '原文 Yuanwen 版本',
  corpusVersion: '文库版本',
  footer: '本记录不含脚本，也不从网络加载任何内容。',
};

const en: EvidenceStrings = {
  htmlLang: 'en',
  title: 'Yuanwen evidence report',
  subtitle: 'Made by 原文 Yuanwen: how a web page’s reprint compares with the original document',
  summary: 'Summary',
  page: 'Page',
  pageUrl: 'Address',
  pageTitle: 'Page title',
  checkedAt: 'Checked at',
  noDocument: 'No bundled document was found on this page.',
  reproduces: (title) => `The page reproduces 《${title}》`,
  relation: 'Relation',
  relations: {
    reprint: 'reprint (the whole document)',
    excerpt: 'excerpt (selected parts)',
    quotation: 'quotation (passages quoted in the page’s own text)',
  },
  partsPrinted: 'Parts reproduced',
  partsLeftOut: 'Parts left out',
  traditional:
    'The page is in traditional characters: it was checked as simplified text; quotes and places are in the page’s own characters.',
  coverage: 'Coverage of the document',
  matchRatio: 'Word for word',
  deviationCount: 'Deviations',
  heavilyAltered: 'Heavily altered',
  yes: 'yes',
  no: 'no',
  heavilyAlteredVerdict: 'Heavily altered: far from the original.',
  faithfulVerdict: 'Matches the original.',
  deviationsVerdict: (n) => (n === 1 ? '1 deviation from the original.' : `${n} deviations from the original.`),
  partialCheck: (analysed, total) => `The page is very long: only its first ${analysed} of ${total} characters were checked.`,
  topSubstitutions: 'Most frequent substitutions',
  times: (n) => `×${n}`,
  screenshot: 'Screenshot (the part of the page visible when checked)',
  screenshotAlt: 'The part of the page visible in the browser when it was checked',
  noScreenshot: 'No screenshot (the page could not be captured when it was checked).',
  deviations: 'Deviations, by clause',
  deviationsIn: (title) => `《${title}》`,
  noDeviations: 'No deviations from the original.',
  clause: 'Clause',
  kind: 'Kind',
  canonical: 'Original',
  pageText: 'This page',
  preamble: 'preamble',
  kinds: { substitution: 'changed', insertion: 'added', omission: 'omitted', reorder: 'moved', marker: 'numbering differs' },
  numberChanged: 'a number differs',
  nothing: '(nothing)',
  noLabel: '(no label)',
  knownVariants: 'Known variant readings (not counted as deviations)',
  knownVariant: (found, witness, adopted) => `The page reads “${found}”, as witness ${witness} does; the original reads “${adopted}”.`,
  canonicalDocument: 'The original document',
  issuer: 'Issuer',
  number: 'Number',
  date: 'Date',
  publisher: 'Published by',
  source: 'Text from',
  witnesses: 'Witnesses',
  collation: 'Collation',
  variants: 'Variant readings',
  variant: (clause, adopted, witness, rejected) => `${clause}: “${adopted}” adopted (${witness} reads “${rejected}”)`,
  hashes: 'SHA-256 digests',
  pageTextHash: 'Page text as extracted',
  canonicalTextHash: (title) => `Original text of 《${title}》`,
  characters: (n) => `${n} characters`,
  extractedText: 'Page text as extracted',
  showExtractedText: (n) => `Show the page text as extracted (${n} characters)`,
  highlights: 'My highlights and notes',
  highlightsIncluded: 'The user chose to include these highlights and notes in this report.',
  highlightNote: 'Note',
  noNote: '(no note)',
  recheck: 'How to re-check',
  recheckIntro: 'The same text always gives the same finding. To re-check:',
  recheckEvidence: 'Run the Yuanwen command-line tool on this file (it reads the page text kept in it):',
  recheckSaved: 'Or save the “page text as extracted” above, exactly, as a UTF-8 file page.txt and check it:',
  recheckSame: 'The text’s SHA-256 must equal the digest above, and the deviations must be the same.',
  versions: 'Versions',
  yuanwenVersion: 'Yuanwen version',
  corpusVersion: 'Corpus version',
  footer: 'This report contains no scripts and loads nothing from the network.',
};

const STRINGS: Record<EvidenceLanguage, EvidenceStrings> = { zh_CN: zhCN, en };

/** The report's wording in `language`; any other language (zh_TW…) falls back to simplified Chinese. */
export function evidenceStrings(language: string): EvidenceStrings {
  return language === 'en' ? STRINGS.en : STRINGS.zh_CN;
}
