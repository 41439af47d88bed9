/**
 * The laws collection (../shared/corpora/laws, next to the repository; CI has
 * it there) for tests: a pack built in memory from one of its folders, and
 * reprint pages made the way sites make them (a site header, the title, some
 * articles, a footer) from a law's Markdown.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Corpus } from '../../src/core/corpus/corpus';
import { buildPack, serializePack, type CorpusPack } from '../../src/core/corpus/pack';
import { packFolder } from '../../src/cli/pack-command';
import { sourceFileDocument } from '../../src/core/corpus/pack-source';
import { parseLawsMarkdown } from '../../src/core/corpus/laws-markdown';

export const LAWS = resolve(import.meta.dirname, '../../../shared/corpora/laws');
/** A folder of 13 laws, three of them in two versions (行政复议法 2017 and 2023 among them). */
export const PROCEDURE = '诉讼与非诉讼程序法';
export const REVIEW_2017 = `${PROCEDURE}/行政复议法(2017-09-01).md`;
export const REVIEW_2023 = `${PROCEDURE}/行政复议法(2023-09-01).md`;

export function lawText(file: string): string {
  return readFileSync(join(LAWS, file), 'utf8');
}

let pack: CorpusPack | undefined;

/** The procedure-law folder as a pack (built once per test file). */
export function procedurePack(): CorpusPack {
  pack ??= buildPack(
    { id: 'procedure', title: PROCEDURE, created: '2026-12-01T00:00:00.000Z' },
    readdirSync(join(LAWS, PROCEDURE))
      .sort()
      .map((f) => sourceFileDocument(`${PROCEDURE}/${f}`, lawText(`${PROCEDURE}/${f}`))),
  );
  return pack;
}

/**
 * The whole laws folder packed as `yuanwen pack` packs it (pack id `laws`,
 * 1,512 documents, about 54 MB), written to `file`; about 40 s. Needs
 * generated/corpus.json (npm run build).
 */
export function writeLawsPack(file: string): CorpusPack {
  const bundled = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../generated/corpus.json'), 'utf8')) as Corpus;
  const { pack } = packFolder(LAWS, { id: 'laws', title: 'laws' }, bundled);
  writeFileSync(file, serializePack(pack));
  return pack;
}

/**
 * A reprint of articles `[from, to]` (1-based) of a law, as a site prints
 * it: chrome around it, the title, the chapter headings that fall inside.
 * `edit` may rewrite each printed line (article lines start with their label).
 */
export function reprintPage(file: string, from: number, to: number, edit: (line: string) => string = (l) => l): string {
  const doc = parseLawsMarkdown(file, lawText(file));
  const lines = ['首页 > 法律法规 > 正文', doc.title, '发布时间：2019-05-06 来源：某某普法网'];
  const articles = doc.clauses.filter((c) => c.kind === 'numbered');
  const first = articles[from - 1];
  const last = articles[Math.min(to, articles.length) - 1];
  for (const c of doc.clauses) {
    if (c.start < first.start || c.end > last.end) continue;
    lines.push(...c.text.split('\n').map(edit));
  }
  lines.push('【打印本页】【关闭窗口】', '责任编辑：李明');
  return lines.join('\n');
}
