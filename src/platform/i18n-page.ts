/**
 * Rendering an extension page in the user's language: waits for the stored
 * language choice (./i18n.ts) before the first render, sets `<html lang>`
 * and the document title, and renders again when the choice changes (the
 * options page switches language without a reload).
 */
import { render, type ComponentChild } from 'preact';
import { browser, t, type MessageKey } from './browser';
import { effectiveLanguageTag, languageLoaded, LANGUAGE_KEY } from './i18n';

export async function renderPage(app: () => ComponentChild, titleKey?: MessageKey): Promise<void> {
  await languageLoaded();
  const root = document.getElementById('root')!;
  const draw = () => {
    document.documentElement.lang = effectiveLanguageTag(browser.i18n.getUILanguage());
    if (titleKey) document.title = t(titleKey);
    // A fresh tree: every string is looked up again in the new language.
    render(null, root);
    render(app(), root);
  };
  draw();
  browser.storage.onChanged.addListener((changes, area) => {
    // ./i18n's own listener was registered first, so the new language is already in effect.
    if (area === 'local' && LANGUAGE_KEY in changes) draw();
  });
}
