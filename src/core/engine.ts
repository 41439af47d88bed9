/**
 * The engine's entry point: page text in, report out. Pure: no browser API.
 * (Stub until the pipeline lands: identifies nothing.)
 */
import type { Corpus } from './corpus';
import { emptyReport, type Report } from './report';

export interface Engine {
  check(pageText: string): Report;
}

export function createEngine(_corpus: Corpus): Engine {
  return {
    check(_pageText: string): Report {
      return emptyReport();
    },
  };
}
