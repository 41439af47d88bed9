/**
 * `yuanwen`: the command-line face of the engine.
 *
 *   yuanwen corpus [--corpus PACK]… [--json]          the bundled documents (and the packs')
 *   yuanwen corpus show ID [--corpus PACK]… [--json]  one document's structure and full text
 *   yuanwen check FILE… [--corpus PACK]… [--json]     compare pages (.txt, .html, - for stdin)
 *   yuanwen check --format html FILE                  the evidence report, as the extension exports it
 *   yuanwen check --jsonl [--corpus PACK]…            records on stdin, one report per line
 *   yuanwen pack DIR -o FILE [--id ID] [--title T]    build a corpus pack
 *
 * Exit status like diff(1): 0 faithful or nothing found, 1 deviations found,
 * 2 trouble (bad usage, a file that could not be read).
 */
import { readFileSync } from 'node:fs';
import type { CanonicalDocument, Corpus } from '../core/corpus/corpus';
import { corpusView } from '../core/corpus/corpus-view';
import { PackError, parsePack, type CorpusPack } from '../core/corpus/pack';
import { createEngine } from '../core/check/engine';
import type { Report } from '../core/check/report';
import corpusData from '../../generated/corpus.json';
import { formatReport, styleFor } from './format-report';
import { evidenceFromFile, languageFromLocale } from './evidence';
import { checkJsonl } from './jsonl';
import { runPack } from './pack-command';
import { InputError, MAX_INPUT_BYTES, readPageFile, type PageFile } from './read-page';

const corpus = corpusData as unknown as Corpus;

const USAGE = `usage: yuanwen corpus [--corpus PACK]... [--json]
       yuanwen corpus show ID [--corpus PACK]... [--json]
       yuanwen check FILE... [--corpus PACK]... [--json | --format text|json] [--color|--no-color]
       yuanwen check --format html [--lang zh_CN|en] FILE > report.html
       yuanwen check --jsonl [--corpus PACK]...   (records {"url","text"} or {"path"} on stdin)
       yuanwen pack DIR -o FILE [--id ID] [--title TITLE]
FILE is a .txt, .html or .htm file (an evidence report is read as the page
text it keeps), or - for standard input, of at most ${MAX_INPUT_BYTES / 1024 / 1024} MiB (larger ones are
refused). PACK is a file made by yuanwen pack.
Exit status: 0 faithful or nothing found, 1 deviations found, 2 trouble.`;

class UsageError extends Error {}

const FORMATS = ['text', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];

interface Options {
  json: boolean;
  format: Format;
  language: 'zh_CN' | 'en';
  jsonl: boolean;
  colour: boolean;
  /** `--corpus PACK`, repeatable. */
  corpus: string[];
  output?: string;
  id?: string;
  title?: string;
  args: string[];
}

function parseOptions(argv: string[], allowed: string[]): Options {
  const options: Options = {
    json: false,
    format: 'text',
    language: languageFromLocale(process.env),
    jsonl: false,
    colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    corpus: [],
    args: [],
  };
  let onlyArgs = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (onlyArgs || arg === '-' || !arg.startsWith('-')) {
      options.args.push(arg);
    } else if (arg === '--') {
      onlyArgs = true;
    } else if (!allowed.includes(name)) {
      throw new UsageError(`unknown option ${name}`);
    } else if (name === '--format') {
      const format = value();
      if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be text, json or html (got "${format}")`);
      options.format = format as Format;
      options.json = format === 'json';
    } else if (name === '--lang') {
      const language = value();
      if (language !== 'zh_CN' && language !== 'en') throw new UsageError(`--lang must be zh_CN or en (got "${language}")`);
      options.language = language;
    } else if (name === '--corpus') {
      options.corpus.push(value());
    } else if (name === '-o' || name === '--output') {
      options.output = value();
    } else if (name === '--id') {
      options.id = value();
    } else if (name === '--title') {
      options.title = value();
    } else if (arg === '--jsonl') {
      options.jsonl = true;
    } else if (arg === '--json') {
      options.json = true;
      options.format = 'json';
    } else if (arg === '--color' || arg === '--colour') {
      options.colour = true;
    } else if (arg === '--no-color' || arg === '--no-colour') {
      options.colour = false;
    }
  }
  return options;
}

/** The packs named by `--corpus`; a missing or bad pack is trouble (exit 2), named in one line. */
function loadPacks(paths: string[]): CorpusPack[] {
  return paths.map((path) => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
    }
    try {
      return parsePack(text);
    } catch (e) {
      if (e instanceof PackError) throw new InputError(`${path}: ${e.message}`);
      throw e;
    }
  });
}

/** Every document: the bundled ones, then each pack's. */
function allDocuments(packs: CorpusPack[]): CanonicalDocument[] {
  return [...corpus.documents, ...packs.flatMap((p) => p.documents)];
}

function write(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

function documentSummary(d: CanonicalDocument) {
  return {
    id: d.id,
    title: d.title,
    issuer: d.issuer,
    number: d.number,
    date: d.date,
    series: d.series ?? d.id,
    ...(d.source ? { source: d.source, sha256: d.sha256 } : {}),
    sections: d.sections.filter((s) => s.label !== '').length,
    numberedClauses: d.clauses.filter((c) => c.kind === 'numbered').length,
    characters: d.text.length,
  };
}

function corpusCommand(argv: string[]): number {
  const options = parseOptions(argv, ['--json', '--corpus']);
  const [sub, id, ...extra] = options.args;
  const packs = loadPacks(options.corpus);
  const documents = allDocuments(packs);
  if (sub === undefined) {
    const rows = documents.map(documentSummary);
    if (options.json) write(JSON.stringify({ documents: rows }, null, 2));
    else
      for (const r of rows) write(`${r.id}\t${r.title}\t${r.date || '-'}\t${r.sections} sections\t${r.numberedClauses} numbered clauses`);
    return 0;
  }
  if (sub !== 'show') throw new UsageError(`unknown corpus command "${sub}"`);
  if (id === undefined) throw new UsageError('corpus show needs a document ID (see yuanwen corpus)');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const doc = documents.find((d) => d.id === id);
  if (!doc) {
    const known = documents.length > 10 ? 'see yuanwen corpus' : `known: ${documents.map((d) => d.id).join(', ')}`;
    throw new UsageError(`no document "${id}"${packs.length ? '' : ' bundled'}; ${known}`);
  }
  if (options.json) {
    write(JSON.stringify(doc, null, 2));
    return 0;
  }
  write(`${doc.title}\n${doc.issuer}${doc.number ? ' ' + doc.number : ''} · ${doc.date} · ${doc.publisher}`);
  if (doc.source) write(`source: ${doc.source} · sha256 ${doc.sha256 ?? '-'} · series ${doc.series ?? doc.id}`);
  write(`witnesses: ${doc.witnesses.map((w) => `${w.id} (${w.description})`).join('; ')}`);
  write(`collation: ${doc.collation}`);
  for (const v of doc.variants) write(`variant ${v.clause}: ${v.adopted} (witness ${v.rejectedBy}: ${v.rejected}) — ${v.note}`);
  write('');
  for (const section of doc.sections) {
    write(section.label ? `${section.label}${section.heading}` : '(preamble)');
    for (const id of section.clauseIds) {
      const c = doc.clauses.find((x) => x.id === id)!;
      if (c.kind !== 'heading') write(`  ${c.id.padEnd(6)} ${c.label || '¶'}  [${c.start}–${c.end}]`);
    }
  }
  write('');
  write(doc.text);
  return 0;
}

function checkCommand(argv: string[]): number | Promise<number> {
  const options = parseOptions(argv, [
    '--json',
    '--jsonl',
    '--corpus',
    '--format',
    '--lang',
    '--color',
    '--colour',
    '--no-color',
    '--no-colour',
  ]);
  const packs = loadPacks(options.corpus);
  const engine = createEngine(corpusView(corpus, packs));
  if (options.jsonl) {
    if (options.args.length > 0 || options.json || options.format !== 'text') {
      throw new UsageError('check --jsonl reads records on standard input: no FILE, no --json or --format');
    }
    return checkJsonl(engine, process.stdin, (line) => process.stdout.write(line + '\n'));
  }
  if (options.args.length === 0) throw new UsageError('check needs at least one FILE (or - for standard input)');
  if (options.format === 'html' && options.args.length > 1) throw new UsageError('--format html writes one report: give one FILE');
  const style = styleFor(options.colour);
  const byId = new Map(allDocuments(packs).map((d) => [d.id, d]));
  const canonicalText = (id: string) => byId.get(id)?.text ?? '';
  const results: { file: string; report?: Report; error?: string }[] = [];
  let status = 0;
  for (const file of options.args) {
    let page: PageFile;
    try {
      page = readPageFile(file);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      process.stderr.write(`yuanwen: ${e.message}\n`);
      results.push({ file, error: e.message });
      status = 2;
      continue;
    }
    const report = engine.check(page.text);
    if (report.deviations.length > 0 && status === 0) status = 1;
    results.push({ file, report });
    if (options.format === 'html') {
      write(evidenceFromFile(file, page, report, packs.length ? { ...corpus, documents: allDocuments(packs) } : corpus, options.language));
    } else if (!options.json) {
      write(style.bold(file === '-' ? '(standard input)' : file));
      write(formatReport(report, page.text, canonicalText, style));
    }
  }
  if (options.json) {
    // One file: the report itself (schema 2). Several: one entry per file.
    write(JSON.stringify(results.length === 1 && results[0].report ? results[0].report : results, null, 2));
  }
  return status;
}

function packCommand(argv: string[]): number {
  const options = parseOptions(argv, ['-o', '--output', '--id', '--title']);
  const [dir, ...extra] = options.args;
  if (dir === undefined) throw new UsageError('pack needs a folder (yuanwen pack DIR -o FILE)');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (!options.output) throw new UsageError('pack needs -o FILE');
  return runPack(dir, options.output, { id: options.id, title: options.title }, corpus);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'corpus':
        return corpusCommand(rest);
      case 'check':
        return await checkCommand(rest);
      case 'pack':
        return packCommand(rest);
      case '--help':
      case '-h':
      case 'help':
        write(USAGE);
        return 0;
      case undefined:
        throw new UsageError('missing command');
      default:
        throw new UsageError(command.startsWith('-') ? `unknown option ${command}` : `unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`yuanwen: ${e.message} (yuanwen --help for usage)\n`);
      return 2;
    }
    if (e instanceof InputError || e instanceof PackError) {
      process.stderr.write(`yuanwen: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

// A reader that stops early (`yuanwen check … | head`) closes the pipe: stop quietly, no stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2));
