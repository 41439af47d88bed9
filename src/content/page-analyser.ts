/**
 * When and how the content script analyses its page: once on start, again
 * whenever the page's text settles after a change; each analysis reads the
 * page (./analysis.ts), has the background's engine check the text, renders
 * the report in steps that yield to the page, and hands the page to the
 * highlights. Only the newest analysis renders: an older one that finishes
 * late is dropped, and stopping (the site switched off) drops them all. A
 * page that keeps changing cannot keep cancelling: see MAX_CANCELLED_IN_A_ROW.
 *
 * The latest report is kept for `{type:'yuanwen/report'}`, its
 * `timings.totalMs` being the main-thread time this script spent on that
 * analysis (reading and rendering; the engine runs in the background).
 *
 * Everything that touches the browser or the page is passed in, so the
 * order of events can be tested with stand-ins (tests/unit/content/).
 */
import { emptyReport, type Report } from '../core/check/report';
import type { AnalyseResponse } from '../messages/analysis';
import type { ExtractedText } from '../page/extract-text';
import type { TextMap } from '../page/text-map';
import type { PageReading } from './analysis';
import type { MainThreadClock } from './main-thread';
import type { PageChanges } from './page-changes';
import type { WitnessNames } from './render/plan';

/** What the analyser drives, and how it reads, sends and times (in the extension: ./index.ts). */
export interface AnalyserParts {
  document: Document;
  renderer: {
    renderSteps(report: Report, canonicalTexts: Record<string, string>, map: TextMap, witnesses?: WitnessNames): (() => void)[];
    clear(): void;
  };
  highlights: {
    start(): void;
    stop(): void;
    pageAnalysed(extracted: ExtractedText | undefined, response: AnalyseResponse | undefined): void;
  };
  read(document: Document, clock: MainThreadClock, cancelled: () => boolean): Promise<PageReading>;
  /** Undefined when the background dropped the request for a newer one from this page. */
  analyse(text: string): Promise<AnalyseResponse | undefined>;
  watchChanges(document: Document, onSettled: () => void): PageChanges;
  newClock(): MainThreadClock;
  /** Marks for the benchmark (test builds only). */
  mark(name: string, detail?: unknown): void;
  warn(message: string, error: unknown): void;
}

/**
 * Analyses a page change may cancel in a row before one is let finish: a
 * page whose text changes faster than it can be read and checked (a 10 MB
 * page changed every 450 ms) would otherwise cancel every analysis and never
 * be checked. After that many, the running analysis finishes and the change
 * is analysed next.
 */
export const MAX_CANCELLED_IN_A_ROW = 2;

export class PageAnalyser {
  private on = false;
  /** Whether the newest analysis is still running. */
  private busy = false;
  /** Analyses cancelled by a newer one since an analysis last finished. */
  private cancelledInARow = 0;
  /** A page change came while an analysis was let finish: analyse again after it. */
  private changedMeanwhile = false;
  private changes: PageChanges | undefined;
  private latest: Report = emptyReport();
  /** The newest analysis started; older ones finish without rendering. */
  private generation = 0;
  private running: Promise<void> = Promise.resolve();
  /** The last text analysed and its answer: a page that re-renders the same text needs no new engine run. */
  private lastAnswer: { text: string; response: AnalyseResponse } | undefined;

  constructor(private readonly parts: AnalyserParts) {}

  /** Whether Yuanwen runs on this page now. */
  get enabled(): boolean {
    return this.on;
  }

  start(): void {
    if (this.on) return;
    this.on = true;
    this.parts.highlights.start();
    this.changes = this.parts.watchChanges(this.parts.document, () => this.pageChanged());
    void this.analyseNow();
  }

  stop(): void {
    if (!this.on) return;
    this.on = false;
    this.parts.highlights.stop();
    this.generation++;
    this.changes?.stop();
    this.changes = undefined;
    this.parts.renderer.clear();
    this.latest = emptyReport();
    this.lastAnswer = undefined;
    this.busy = false;
    this.cancelledInARow = 0;
    this.changedMeanwhile = false;
  }

  private pageChanged(): void {
    if (this.busy && this.cancelledInARow >= MAX_CANCELLED_IN_A_ROW) {
      this.changedMeanwhile = true;
      return;
    }
    void this.analyseNow();
  }

  /** The stored documents changed: analyse again, with no answer reused (it was the old corpus's). */
  corpusChanged(): void {
    this.lastAnswer = undefined;
    if (this.on) void this.analyseNow();
  }

  /** Starts a new analysis (superseding any running one) and resolves when it is done. */
  analyseNow(): Promise<void> {
    if (this.busy) this.cancelledInARow++;
    this.busy = true;
    const mine = ++this.generation;
    this.running = this.analyse(mine)
      .catch((error: unknown) => {
        // A failure on some odd page must not leave the message contract unanswered or old marks standing.
        this.parts.warn('[原文 Yuanwen] analysis failed:', error);
        if (mine !== this.generation) return;
        this.changes?.withoutObserving(() => this.parts.renderer.clear());
        this.latest = emptyReport();
      })
      .then(() => this.finished(mine));
    return this.running;
  }

  /** The newest analysis ended (drawn, nothing to draw, or failed): a change it was let finish over is analysed now. */
  private finished(mine: number): Promise<void> | undefined {
    if (mine !== this.generation) return undefined;
    this.busy = false;
    this.cancelledInARow = 0;
    if (!this.changedMeanwhile || !this.on) return undefined;
    this.changedMeanwhile = false;
    return this.analyseNow();
  }

  /** Resolves when the newest analysis is done, however many started meanwhile: true if Yuanwen runs on this page. */
  async settled(): Promise<boolean> {
    if (!this.on) return false;
    await this.newest();
    return this.on;
  }

  /** The report of the page as it is now: analysed again first if it changed and the re-analysis is still waiting. */
  async currentReport(): Promise<Report> {
    return (await this.analysedNow()) ? this.latest : emptyReport();
  }

  /** The text that report was made from (for the evidence report, which hashes and keeps it); undefined when nothing was read. */
  async currentText(): Promise<string | undefined> {
    return (await this.analysedNow()) ? this.lastAnswer?.text : undefined;
  }

  private async analysedNow(): Promise<boolean> {
    if (!this.on) return false;
    // A request during the settle delay gets the page as it is now, not as it was.
    if (this.changes?.stale) await this.analyseNow();
    await this.newest();
    return this.on;
  }

  private async newest(): Promise<void> {
    for (let pending = this.running; ; pending = this.running) {
      await pending;
      if (pending === this.running) break;
    }
  }

  private async analyse(mine: number): Promise<void> {
    const { document, renderer, highlights, mark } = this.parts;
    this.changes?.analysed();
    mark('yuanwen:start');
    const clock = this.parts.newClock();
    const superseded = (): boolean => mine !== this.generation || !this.on;
    const reading = await this.parts.read(document, clock, superseded);
    if (reading.kind === 'cancelled' || superseded()) return;
    const readMs = clock.busyMs;

    if (reading.kind === 'nothing') {
      highlights.pageAnalysed(undefined, undefined);
      // Nothing to show (any more: the page may have changed since the last analysis).
      this.changes?.withoutObserving(() => renderer.clear());
      this.latest = emptyReport(clock.busyMs);
      this.lastAnswer = undefined;
      mark('yuanwen:done', {
        totalMs: this.latest.timings.totalMs,
        readMs,
        gateMs: reading.gateMs,
        longestSliceMs: clock.longestSliceMs,
        skipped: reading.reason,
        rendered: false,
      });
      return;
    }

    const extracted = reading.extracted;
    let response: AnalyseResponse;
    let sendMs = 0;
    if (this.lastAnswer?.text === extracted.text) {
      response = this.lastAnswer.response;
    } else {
      // Sending a large page is tens of milliseconds (the text is serialized now, on this thread): a task of its own.
      await clock.yieldToPage();
      if (superseded()) return;
      const sending = clock.busyMs;
      const answer = this.parts.analyse(extracted.text);
      sendMs = clock.busyMs - sending;
      clock.pause();
      const answered = await answer;
      clock.resume();
      if (!answered) {
        // Dropped by the background for our newer request, which this script must have sent.
        if (superseded()) return;
        throw new Error('the background dropped the request of the newest analysis');
      }
      response = answered;
      this.lastAnswer = { text: extracted.text, response };
    }
    if (superseded()) return; // superseded while the engine ran

    const rendering = clock.busyMs;
    const steps = renderer.renderSteps(response.report, response.canonicalTexts, extracted.map, response.witnesses);
    for (let i = 0; i < steps.length; i++) {
      if (i > 0 && clock.shouldYield()) {
        await clock.yieldToPage();
        if (superseded()) return;
      }
      this.changes?.withoutObserving(steps[i]);
    }
    highlights.pageAnalysed(extracted, response);
    const renderMs = clock.busyMs - rendering;
    const totalMs = clock.busyMs;
    this.latest = { ...response.report, timings: { ...response.report.timings, totalMs } };
    mark('yuanwen:done', {
      totalMs,
      readMs,
      gateMs: reading.gateMs,
      sendMs,
      renderMs,
      longestSliceMs: clock.longestSliceMs,
      rendered: response.report.documents.length > 0,
    });
  }
}
