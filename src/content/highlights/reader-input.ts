/**
 * The reader's pointer and keyboard on the page, as the highlights need them
 * (issue 14: only the reader acts). Every listener ignores events the page
 * made up (`isTrusted` false): a synthetic `mouseup` or `mousemove` opens no
 * toolbar and no card. A selection is offered for highlighting only when
 * the reader's own gesture ended on it (the pointer released over the
 * selected text, or a selecting key).
 */

export interface ReaderInputHandlers {
  /** The reader pressed the primary button on the page (outside our UI). */
  pressed(): void;
  /** The reader released the primary button at (x, y), maybe ending a selection. */
  released(x: number, y: number): void;
  /** The reader extended the selection with the keyboard. */
  selectedByKeyboard(): void;
  /** The pointer is at (x, y) over the page. */
  moved(x: number, y: number): void;
  escape(): void;
}

export function listenToReader(document: Document, isOurs: (event: Event) => boolean, handlers: ReaderInputHandlers): () => void {
  const listeners: [string, EventListener, AddEventListenerOptions][] = [
    [
      'mousedown',
      (e) => {
        // Only the primary button starts a new gesture: a right-click on the selection opens the context menu for it.
        if (e.isTrusted && (e as MouseEvent).button === 0 && !isOurs(e)) handlers.pressed();
      },
      { capture: true, passive: true },
    ],
    [
      'mouseup',
      (e) => {
        const m = e as MouseEvent;
        if (m.isTrusted && m.button === 0 && !isOurs(m)) handlers.released(m.clientX, m.clientY);
      },
      { capture: true, passive: true },
    ],
    [
      'keyup',
      (e) => {
        const k = e as KeyboardEvent;
        if (!k.isTrusted || isOurs(k)) return;
        if (k.shiftKey || k.key.startsWith('Arrow') || k.key === 'Shift') handlers.selectedByKeyboard();
      },
      { capture: true, passive: true },
    ],
    [
      'mousemove',
      (e) => {
        const m = e as MouseEvent;
        if (m.isTrusted && !isOurs(m)) handlers.moved(m.clientX, m.clientY);
      },
      { capture: true, passive: true },
    ],
    [
      'keydown',
      (e) => {
        const k = e as KeyboardEvent;
        if (k.isTrusted && k.key === 'Escape') handlers.escape();
      },
      { capture: true },
    ],
  ];
  for (const [type, listener, options] of listeners) document.addEventListener(type, listener, options);
  return () => {
    for (const [type, listener, options] of listeners) document.removeEventListener(type, listener, options);
  };
}

/** Whether (x, y) lies on the selected text (within a few pixels: the pointer ends a drag at the text's edge). */
export function pointOnRange(range: Range, x: number, y: number, slack = 4): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack) return true;
  }
  return false;
}
