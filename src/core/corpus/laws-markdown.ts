/**
 * Reads one file of the laws collection's Markdown layout:
 *
 *     # 中华人民共和国行政复议法            title
 *     1999年4月29日 …通过                   info block: one event a line…
 *     <!-- INFO END -->                     …up to this line
 *     ## 第一章 总则                         chapter (## ) / section (### 第一节)
 *     第一条 为了……                          article; items （一）… on their own lines
 *     <!-- FORCE BREAK -->                   the collection's paragraph marker: not text
 *
 * The version date is in the file name, `名称(YYYY-MM-DD).md`; without one
 * it is the latest date of the info block.
 */
import { structureBody, type BodyParagraph, type DocumentStructure } from './structure';

export interface SourceDocument extends DocumentStructure {
  title: string;
  issuer: string;
  number: string;
  /** `YYYY-MM-DD`, `''` when unknown. */
  date: string;
  /** The info block's lines (dates of passing, amendment, entry into force). */
  info: string[];
}

export class SourceFormatError extends Error {}

const INFO_END = '<!-- INFO END -->';
const FORCE_BREAK = /^<!--\s*FORCE BREAK\s*-->$/;

/** `行政复议法(2017-09-01).md` → `2017-09-01`. */
export function dateFromFileName(name: string): string {
  const m = /[(（](\d{4}-\d{2}-\d{2})[)）]\.[a-z]+$/i.exec(name);
  return m ? m[1] : '';
}

/** The latest `YYYY年M月D日` among the lines, as `YYYY-MM-DD`. */
export function latestDate(lines: string[]): string {
  let latest = '';
  for (const line of lines) {
    for (const m of line.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)) {
      const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
      if (date > latest) latest = date;
    }
  }
  return latest;
}

const ISSUERS = ['全国人民代表大会常务委员会', '全国人民代表大会', '最高人民法院', '最高人民检察院', '国务院'];

/** The body named in the info block as passing or issuing the text, `''` when none is named. */
export function issuerFromInfo(info: string[]): string {
  const joined = info.join('\n');
  let best = '';
  let at = Infinity;
  for (const name of ISSUERS) {
    const i = joined.indexOf(name);
    // The earliest mention names who passed it; the longer name wins at the same place.
    if (i >= 0 && (i < at || (i === at && name.length > best.length))) {
      best = name;
      at = i;
    }
  }
  return best;
}

/** An order or document number such as `中华人民共和国主席令第九号` or `国发〔2020〕5号`. */
export function numberFromInfo(info: string[]): string {
  for (const line of info) {
    const m = /[\u4e00-\u9fff]*令(?:第[零〇一二三四五六七八九十百千0-9]+号|〔\d{4}〕第?\d+号)|[\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号/.exec(line);
    if (m) return m[0];
  }
  return '';
}

export function parseLawsMarkdown(fileName: string, source: string): SourceDocument {
  const lines = source.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
  const titleAt = lines.findIndex((l) => /^#\s+\S/.test(l));
  if (titleAt < 0) throw new SourceFormatError('no "# title" line');
  const title = lines[titleAt].replace(/^#\s+/, '').trim();
  const infoEnd = lines.indexOf(INFO_END, titleAt);
  const info = (infoEnd < 0 ? [] : lines.slice(titleAt + 1, infoEnd)).map((l) => l.trim()).filter((l) => l !== '');
  const body: BodyParagraph[] = [];
  for (const line of lines.slice(infoEnd < 0 ? titleAt + 1 : infoEnd + 1)) {
    const trimmed = line.trim();
    if (trimmed === '' || FORCE_BREAK.test(trimmed) || /^<!--.*-->$/.test(trimmed)) continue;
    const heading = /^#{1,6}\s+/.exec(trimmed);
    body.push(heading ? { text: trimmed.slice(heading[0].length), heading: true } : { text: trimmed });
  }
  const structure = structureBody(body);
  if (structure.text.length === 0) throw new SourceFormatError('the document has no text after its info block');
  return {
    title,
    issuer: issuerFromInfo(info),
    number: numberFromInfo(info),
    date: dateFromFileName(fileName) || latestDate(info),
    info,
    ...structure,
  };
}
