/**
 * Warnings that stay (issue 14): a page that removes or moves our UI host,
 * or takes our deviation marks out of `CSS.highlights` (or empties them),
 * gets them back, and the restorations are counted so that the popup can
 * say the page interfered. (Hiding the host by CSS needs no guard: the
 * shadow root's `:host { all: initial !important }` wins over any page rule,
 * inline `!important` included.)
 *
 * A page that keeps undoing us would make this a fight loop: after
 * MAX_RESTORES the guard stops restoring and only the count says what happened.
 */

/** Which of our own nodes the page may have taken away. */
export interface Guarded {
  /** Puts the UI host back as the last child of the root element; true if it was missing or elsewhere. */
  restoreHost(): boolean;
  /** Sets our deviation marks again where the registry lost or changed them; the number restored. */
  restoreMarks(): number;
}

const CHECK_EVERY_MS = 1_000;
const MAX_RESTORES = 200;

export class UiGuard {
  private observer: MutationObserver | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private restored = 0;
  private paused = 0;

  constructor(
    private readonly document: Document,
    private readonly guarded: Guarded,
    /** Told the new total after each restoration (the toolbar button says the page interfered). */
    private readonly onRestored: (total: number) => void = () => {},
  ) {}

  /** How many times the page removed or altered our UI or marks since the page loaded. */
  get interference(): number {
    return this.restored;
  }

  /** Starts watching (idempotent): while there is something on the page to keep. */
  watch(): void {
    if (this.observer) return;
    this.observer = new MutationObserver(() => this.check());
    this.observer.observe(this.document.documentElement, { childList: true });
    this.timer = setInterval(() => this.check(), CHECK_EVERY_MS);
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Runs `change` (ours: clearing or re-rendering) without counting it as the page's doing. */
  ours(change: () => void): void {
    this.paused++;
    try {
      change();
    } finally {
      this.paused--;
      this.observer?.takeRecords();
    }
  }

  private check(): void {
    if (this.paused > 0 || this.restored >= MAX_RESTORES) return;
    const host = this.guarded.restoreHost() ? 1 : 0;
    const marks = this.guarded.restoreMarks();
    this.restored += host + marks;
    this.observer?.takeRecords();
    if (host + marks > 0) this.onRestored(this.restored);
  }
}
