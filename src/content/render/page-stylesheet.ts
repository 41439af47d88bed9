/**
 * `::highlight()` rules only style text when they live in the page's own
 * document, not in our shadow root. This adds such a stylesheet to the
 * document, once per stylesheet, for the deviation marks and the highlights.
 */
const adopted = new WeakMap<Document, Set<string>>();

export function adoptPageStylesheet(document: Document, css: string, fallbackParent?: Element): void {
  const done = adopted.get(document) ?? new Set<string>();
  adopted.set(document, done);
  if (done.has(css)) return;
  done.add(css);
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    // Adopted sheets unavailable from this world: a <style> in our host's light DOM still styles the document.
    if (!fallbackParent) return;
    const style = document.createElement('style');
    style.textContent = css;
    fallbackParent.append(style);
  }
}
