/**
 * `yuanwen check --jsonl`: the map step of a batch job over a crawl. Reads
 * one JSON record a line on standard input, `{"url", "text"}` (the page's
 * text) or `{"path"}` (a .txt/.html file to read), and writes one line per
 * record, in order: the record's `url`/`path` (and `id`, if it has one) with
 * the `report` (schema 2), or with an `error` saying why it was not checked.
 * Exit status as `check`: 0, 1 when any page deviates, 2 when any record was
 * trouble.
 */
import { createInterface } from 'node:readline';
import type { Engine } from '../core/check/engine';
import { InputError, readPage } from './read-page';

type Record_ = Record<string, unknown>;

interface Outcome {
  line: Record_;
  status: number;
}

/** One input line's output. */
export function checkRecord(engine: Engine, line: string, lineNo: number): Outcome {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return { line: { line: lineNo, error: `line ${lineNo}: not JSON` }, status: 2 };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { line: { line: lineNo, error: `line ${lineNo}: expected an object {"url","text"} or {"path"}` }, status: 2 };
  }
  const r = record as Record_;
  const echo: Record_ = {};
  for (const key of ['id', 'url', 'path']) if (typeof r[key] === 'string' || typeof r[key] === 'number') echo[key] = r[key];
  let text: string;
  if (typeof r.text === 'string') {
    text = r.text;
  } else if (typeof r.path === 'string') {
    try {
      text = readPage(r.path);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return { line: { ...echo, error: e.message }, status: 2 };
    }
  } else {
    return { line: { ...echo, line: lineNo, error: `line ${lineNo}: a record needs "text" or "path"` }, status: 2 };
  }
  const report = engine.check(text);
  return { line: { ...echo, report }, status: report.deviations.length > 0 ? 1 : 0 };
}

export async function checkJsonl(engine: Engine, input: NodeJS.ReadableStream, write: (line: string) => void): Promise<number> {
  let status = 0;
  let lineNo = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() === '') continue;
    const outcome = checkRecord(engine, line, lineNo);
    write(JSON.stringify(outcome.line));
    status = Math.max(status, outcome.status);
  }
  return status;
}
