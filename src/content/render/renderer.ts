/**
 * Draws a report on the page: highlights in the text, badges, carets, cards
 * and the summary in our overlay. Everything is replaced on each render.
 */
import { sendMessage } from '../../platform/messaging';
import type { Report } from '../../core/check/report';
import type { TextMap } from '../../page/text-map';
import { DeviationMarks } from './deviation-marks';
import { OverlayHost } from './overlay-host';
import { UiGuard } from './ui-guard';
import { planRendering, type RenderPlan, type WitnessNames } from './plan';

export function openViewer(documentId: string, clauseId: string): void {
  // The background opens the tab; if it is gone (extension reloaded) there is nothing to do.
  sendMessage({ type: 'yuanwen/open-viewer', documentId, clauseId }).catch(() => undefined);
}

export class PageRenderer {
  private readonly overlay: OverlayHost;
  private highlights: DeviationMarks | undefined;
  /** Puts our UI and marks back when the page takes them away (issue 14). */
  private readonly guard: UiGuard;

  /** `onInterference`: told the total each time the page's removal of our UI or marks was undone. */
  constructor(
    private readonly document: Document,
    onInterference?: (restored: number) => void,
  ) {
    this.overlay = new OverlayHost(document, openViewer);
    this.guard = new UiGuard(
      document,
      {
        restoreHost: () => this.overlay.restoreHost(),
        restoreMarks: () => this.highlights?.restore() ?? 0,
      },
      onInterference,
    );
  }

  /** How many times the page removed or altered our UI or marks (each time put back). */
  get interference(): number {
    return this.guard.interference;
  }

  /** Our UI host and shadow root, shared with the highlights' UI (src/content/highlights). */
  get overlayHost(): OverlayHost {
    return this.overlay;
  }

  render(report: Report, canonicalTexts: Record<string, string>, map: TextMap, witnesses: WitnessNames = {}): void {
    for (const step of this.renderSteps(report, canonicalTexts, map, witnesses)) step();
  }

  /**
   * `render` as steps to run in order, each fit for a task of its own: the
   * marks in the text, then the overlay (badges, summary). On a long page
   * each is a few tens of milliseconds before the JIT warms up; run apart,
   * neither makes a long task.
   */
  renderSteps(report: Report, canonicalTexts: Record<string, string>, map: TextMap, witnesses: WitnessNames = {}): (() => void)[] {
    if (report.documents.length === 0) return [() => this.clear()];
    let plan: RenderPlan | undefined;
    return [
      () =>
        this.guard.ours(() => {
          plan = planRendering(report, canonicalTexts, map, witnesses);
          this.highlights ??= new DeviationMarks(this.document, this.overlay.element);
          this.highlights.show(plan.highlights);
        }),
      () =>
        this.guard.ours(() => {
          if (plan) this.overlay.show(plan);
          this.guard.watch();
        }),
    ];
  }

  clear(): void {
    this.guard.ours(() => {
      this.highlights?.clear();
      this.overlay.clear();
    });
    this.guard.stop();
  }
}
