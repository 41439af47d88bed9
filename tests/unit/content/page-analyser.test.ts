/**
 * The content script's analysis loop (src/content/page-analyser.ts), with
 * stand-ins for the page, the background's engine and the renderer: what is
 * drawn, reported and handed to the highlights, in which order, and what an
 * analysis overtaken by a newer one (or by the site being switched off)
 * leaves behind — nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import { emptyReport, type DocumentMatch, type Report } from '../../../src/core/check/report';
import type { AnalyseResponse } from '../../../src/messages/analysis';
import type { PageReading } from '../../../src/content/analysis';
import { MainThreadClock } from '../../../src/content/main-thread';
import { MAX_CANCELLED_IN_A_ROW, PageAnalyser, type AnalyserParts } from '../../../src/content/page-analyser';
import type { PageChanges } from '../../../src/content/page-changes';
import type { TextMap } from '../../../src/page/text-map';

const MAP = {} as TextMap;

function reportOf(documentId: string): Report {
  return { ...emptyReport(), documents: [{ id: documentId, title: documentId } as DocumentMatch] };
}

function responseOf(documentId: string): AnalyseResponse {
  return { report: reportOf(documentId), canonicalTexts: { [documentId]: '一、总体要求' } };
}

function textReading(text: string): PageReading {
  return { kind: 'text', extracted: { text, map: MAP }, gateMs: 0 };
}

/** A promise to settle by hand: the engine still thinking. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setUp(options: { pages?: PageReading[]; analyse?: (text: string) => Promise<AnalyseResponse | undefined> } = {}) {
  const events: string[] = [];
  const pages = options.pages ?? [textReading('一、总体要求')];
  let pageIndex = 0;
  const changes = { stale: false, onSettled: () => {}, stopped: false };
  const watched: PageChanges = {
    get stale() {
      return changes.stale;
    },
    analysed: () => {
      changes.stale = false;
    },
    withoutObserving: (change) => change(),
    stop: () => {
      changes.stopped = true;
    },
  };
  const analyse = vi.fn(options.analyse ?? (async (text: string) => responseOf(text.includes('总体') ? 'opinion' : 'other')));
  const parts: AnalyserParts = {
    document: {} as Document,
    renderer: {
      renderSteps: (report) => [() => events.push(`marks ${report.documents.map((d) => d.id).join(',')}`), () => events.push('overlay')],
      clear: () => events.push('clear'),
    },
    highlights: {
      start: () => events.push('highlights start'),
      stop: () => events.push('highlights stop'),
      pageAnalysed: (extracted, response) =>
        events.push(`highlights ${extracted ? extracted.text : 'no text'} ${response ? 'report' : ''}`.trim()),
    },
    read: async () => pages[Math.min(pageIndex++, pages.length - 1)],
    analyse,
    watchChanges: (_document, onSettled) => {
      changes.onSettled = onSettled;
      return watched;
    },
    newClock: () => new MainThreadClock(),
    mark: () => {},
    warn: vi.fn(),
  };
  return { analyser: new PageAnalyser(parts), events, analyse, changes, parts };
}

describe('PageAnalyser', () => {
  it('renders the engine’s report in steps, then hands the page to the highlights; the report counts this script’s main-thread time', async () => {
    const { analyser, events, analyse } = setUp();
    analyser.start();
    const report = await analyser.currentReport();
    expect(analyse).toHaveBeenCalledWith('一、总体要求');
    expect(events).toEqual(['highlights start', 'marks opinion', 'overlay', 'highlights 一、总体要求 report']);
    expect(report.documents.map((d) => d.id)).toEqual(['opinion']);
    expect(report.timings.totalMs).toBeGreaterThan(0);
  });

  it('a page with nothing to check: what was drawn is cleared, the report is empty, and the highlights still get the page', async () => {
    const { analyser, events, analyse, changes } = setUp({
      pages: [textReading('一、总体要求'), { kind: 'nothing', reason: 'no-reprint', gateMs: 1 }],
    });
    analyser.start();
    await analyser.settled();
    changes.onSettled(); // the reprint was replaced by something else
    const report = await analyser.currentReport();
    expect(analyse).toHaveBeenCalledTimes(1);
    expect(events.slice(-2)).toEqual(['highlights no text', 'clear']);
    expect(report.documents).toEqual([]);
  });

  it('the same text again (a page re-rendering itself) is drawn again without asking the engine', async () => {
    const { analyser, events, analyse, changes } = setUp();
    analyser.start();
    await analyser.settled();
    changes.onSettled();
    await analyser.settled();
    expect(analyse).toHaveBeenCalledTimes(1);
    expect(events.filter((e) => e.startsWith('marks'))).toHaveLength(2);
  });

  it('a change to the stored documents asks the engine again about the same text, and draws its new answer', async () => {
    let saved = false;
    const { analyser, events, analyse } = setUp({ analyse: async () => responseOf(saved ? 'saved-document' : 'opinion') });
    analyser.start();
    await analyser.settled();
    saved = true;
    analyser.corpusChanged();
    const report = await analyser.currentReport();
    expect(analyse).toHaveBeenCalledTimes(2);
    expect(report.documents.map((d) => d.id)).toEqual(['saved-document']);
    expect(events.filter((e) => e.startsWith('marks'))).toEqual(['marks opinion', 'marks saved-document']);
  });

  it('switched off, a change to the stored documents analyses nothing', async () => {
    const { analyser, analyse } = setUp();
    analyser.corpusChanged();
    await analyser.settled();
    expect(analyse).not.toHaveBeenCalled();
  });

  it('a newer analysis overtakes one still waiting for the engine: only the newest is drawn and reported', async () => {
    const first = deferred<AnalyseResponse>();
    const { analyser, events, changes, analyse } = setUp({
      pages: [textReading('一、总体要求'), textReading('二、主要任务')],
      analyse: (text) => (text.includes('总体') ? first.promise : Promise.resolve(responseOf('other'))),
    });
    analyser.start();
    await vi.waitFor(() => expect(analyse).toHaveBeenCalledTimes(1)); // the first analysis waits for the engine
    changes.onSettled();
    first.resolve(responseOf('opinion'));
    const report = await analyser.currentReport();
    expect(report.documents.map((d) => d.id)).toEqual(['other']);
    expect(events.filter((e) => e.startsWith('marks'))).toEqual(['marks other']);
  });

  it('a request the background dropped for the newer one (undefined) is not drawn, and nothing is warned', async () => {
    const first = deferred<AnalyseResponse | undefined>();
    const { analyser, events, changes, analyse, parts } = setUp({
      pages: [textReading('一、总体要求'), textReading('二、主要任务')],
      analyse: (text) => (text.includes('总体') ? first.promise : Promise.resolve(responseOf('other'))),
    });
    analyser.start();
    await vi.waitFor(() => expect(analyse).toHaveBeenCalledTimes(1));
    changes.onSettled();
    await vi.waitFor(() => expect(analyse).toHaveBeenCalledTimes(2));
    first.resolve(undefined);
    const report = await analyser.currentReport();
    expect(report.documents.map((d) => d.id)).toEqual(['other']);
    expect(events.filter((e) => e.startsWith('marks'))).toEqual(['marks other']);
    expect(parts.warn).not.toHaveBeenCalled();
  });

  it('switched off while the engine runs: nothing is drawn, the report is empty, page changes are no longer watched', async () => {
    const engine = deferred<AnalyseResponse>();
    const { analyser, events, changes, analyse } = setUp({ analyse: () => engine.promise });
    analyser.start();
    await vi.waitFor(() => expect(analyse).toHaveBeenCalledTimes(1));
    analyser.stop();
    engine.resolve(responseOf('opinion'));
    expect(await analyser.settled()).toBe(false);
    expect(await analyser.currentReport()).toEqual(emptyReport());
    expect(events).toEqual(['highlights start', 'highlights stop', 'clear']);
    expect(changes.stopped).toBe(true);
  });

  it('an analysis that fails clears the page and reports nothing, with a warning (the report request is still answered)', async () => {
    const { analyser, events, parts } = setUp({ analyse: () => Promise.reject(new Error('background gone')) });
    analyser.start();
    expect(await analyser.currentReport()).toEqual(emptyReport());
    expect(events.at(-1)).toBe('clear');
    expect(parts.warn).toHaveBeenCalledWith('[原文 Yuanwen] analysis failed:', expect.any(Error));
  });

  it('a report asked for while a change waits out its settle delay is of the page as it is now', async () => {
    const { analyser, changes, analyse } = setUp({ pages: [textReading('一、总体要求'), textReading('二、主要任务')] });
    analyser.start();
    await analyser.settled();
    changes.stale = true; // mutated; the settle timer has not fired yet
    const report = await analyser.currentReport();
    expect(analyse).toHaveBeenLastCalledWith('二、主要任务');
    expect(report.documents.map((d) => d.id)).toEqual(['other']);
  });

  it('a page that changes faster than it can be checked is still checked: after a few cancelled analyses one finishes, then the change is read', async () => {
    const engine = [deferred<AnalyseResponse>(), deferred<AnalyseResponse>(), deferred<AnalyseResponse>(), deferred<AnalyseResponse>()];
    const pages = engine.map((_, i) => textReading(`一、总体要求 ${i}`));
    const { analyser, events, changes, analyse } = setUp({ pages, analyse: () => engine[analyse.mock.calls.length - 1].promise });
    analyser.start();
    for (let change = 1; change <= MAX_CANCELLED_IN_A_ROW + 3; change++) {
      await vi.waitFor(() => expect(analyse).toHaveBeenCalledTimes(Math.min(change, MAX_CANCELLED_IN_A_ROW + 1)));
      changes.onSettled(); // the page changed again while the engine was checking it
    }
    // The analysis let finish is drawn, and the change that came meanwhile is analysed after it.
    engine[MAX_CANCELLED_IN_A_ROW].resolve(responseOf('opinion'));
    await vi.waitFor(() => expect(events).toContain('marks opinion'));
    await vi.waitFor(() => expect(analyse).toHaveBeenCalledTimes(MAX_CANCELLED_IN_A_ROW + 2));
    engine[MAX_CANCELLED_IN_A_ROW + 1].resolve(responseOf('other'));
    const report = await analyser.currentReport();
    expect(report.documents.map((d) => d.id)).toEqual(['other']);
    expect(analyse).toHaveBeenCalledTimes(MAX_CANCELLED_IN_A_ROW + 2);
  });

  it('off: no analysis, an empty report, and settled() says so', async () => {
    const { analyser, events, analyse } = setUp();
    expect(await analyser.settled()).toBe(false);
    expect(await analyser.currentReport()).toEqual(emptyReport());
    expect(analyse).not.toHaveBeenCalled();
    expect(events).toEqual([]);
  });
});
