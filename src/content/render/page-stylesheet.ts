/**
 * `::highlight()` rules only style text when they live in the page's own
 * document, not in our shadow root. This adds such a stylesheet to the
 * document, once per stylesheet, for the deviation marks and the highlights.
 */
const adopted = new WeakMap<Document, Map<string, CSSStyleSheet | undefined>>();

/**
 * Adds the stylesheet, or adds it again if the page took it out of
 * `adoptedStyleSheets`; true if it was (re-)added now.
 */
export function adoptPageStylesheet(document: Document, css: string, fallbackParent?: Element): boolean {
  const done = adopted.get(document) ?? new Map<string, CSSStyleSheet | undefined>();
  adopted.set(document, done);
  if (done.has(css)) {
    const sheet = done.get(css);
    if (!sheet || document.adoptedStyleSheets.includes(sheet)) return false;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return true;
  }
  done.set(css, undefined);
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    done.set(css, sheet);
    return true;
  } catch {
    // Adopted sheets unavailable from this world: a <style> in our host's light DOM still styles the document.
    if (!fallbackParent) return false;
    const style = document.createElement('style');
    style.textContent = css;
    fallbackParent.append(style);
    return true;
  }
}
