/**
 * The language override. By default every UI string comes from
 * `browser.i18n.getMessage`, i.e. in the browser's UI language (zh_CN when
 * it is neither Chinese nor English: the manifest's default locale; zh_TW,
 * zh_CN in traditional characters made by scripts/zh-tw-locale.ts, for a
 * browser in Taiwan or Hong Kong Chinese). The options page can pin one of
 * our languages instead; the choice is kept
 * in `browser.storage.local` and applies to every extension page, the
 * background (badge titles) and the content script (the page's cards).
 *
 *   { "uiLanguage": "browser" | "zh_CN" | "zh_TW" | "en" }
 *
 * `browser.i18n` cannot be told to use another locale, so this module bundles
 * the same `_locales/<lang>/messages.json` files the browser reads and
 * formats them the way `i18n.getMessage` does (named placeholders whose
 * content holds `$1`…`$9`; `$$` is a dollar sign).
 *
 * No import of ./browser (which imports this module): the API object is
 * passed in by `installLanguageOverride`.
 */
import type Browser from 'webextension-polyfill';
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import zhTW from '../../public/_locales/zh_TW/messages.json';

export const UI_LANGUAGES = ['zh_CN', 'zh_TW', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
/** What the user chose: follow the browser, or one of our languages. */
export type LanguageChoice = 'browser' | UiLanguage;

export const LANGUAGE_KEY = 'uiLanguage';
export const DEFAULT_LANGUAGE: UiLanguage = 'zh_CN';

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const CATALOGS: Record<UiLanguage, Record<string, MessageEntry | undefined>> = {
  zh_CN: zhCN as Record<string, MessageEntry>,
  zh_TW: zhTW as Record<string, MessageEntry>,
  en: en as Record<string, MessageEntry>,
};

export function parseLanguageChoice(value: unknown): LanguageChoice {
  return (UI_LANGUAGES as readonly unknown[]).includes(value) ? (value as UiLanguage) : 'browser';
}

/** A catalog entry filled in as `i18n.getMessage` would fill it. */
export function formatMessage(entry: MessageEntry, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  const numbered = (text: string) => text.replace(/\$([1-9])/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  // One pass, so a substitution that happens to contain `$NAME$` or `$1` is not expanded again.
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$([1-9])/g, (whole, name: string | undefined, digit: string | undefined) => {
    if (whole === '$$') return '$';
    if (digit !== undefined) return subs[Number(digit) - 1] ?? '';
    const content = placeholders.get(name!.toLowerCase());
    return content === undefined ? whole : numbered(content);
  });
}

let override: UiLanguage | undefined;
let loaded: Promise<void> = Promise.resolve();

/** The pinned language, or undefined when the browser's is used. */
export function languageOverride(): UiLanguage | undefined {
  return override;
}

export function setLanguageOverride(choice: LanguageChoice): void {
  override = choice === 'browser' ? undefined : choice;
}

/** The message in the pinned language, or undefined when nothing is pinned (the caller asks the browser). */
export function overriddenMessage(key: string, substitutions?: string | string[]): string | undefined {
  if (!override) return undefined;
  const entry = CATALOGS[override][key] ?? CATALOGS[DEFAULT_LANGUAGE][key];
  return entry ? formatMessage(entry, substitutions) : undefined;
}

/**
 * The language strings are shown in, as a BCP 47 tag for `<html lang>`:
 * the pinned one, else the one the browser picks from its UI language.
 */
export function effectiveLanguageTag(browserUiLanguage: string): string {
  const lang =
    override ??
    (/^en\b/i.test(browserUiLanguage)
      ? 'en'
      : /^zh[-_](TW|Hant)\b/i.test(browserUiLanguage)
        ? 'zh_TW'
        : /^zh\b/i.test(browserUiLanguage)
          ? 'zh_CN'
          : DEFAULT_LANGUAGE);
  return lang === 'en' ? 'en' : lang === 'zh_TW' ? 'zh-TW' : 'zh-CN';
}

/** Resolves once the stored choice has been read (extension pages wait for it before their first render). */
export function languageLoaded(): Promise<void> {
  return loaded;
}

type StorageApi = Pick<typeof Browser, 'storage'>;

/** Reads the stored choice and follows its changes. Called once, by ./browser. */
export function installLanguageOverride(api: StorageApi): void {
  const storage = api.storage as Partial<typeof Browser.storage> | undefined;
  if (!storage?.local) return;
  loaded = storage.local
    .get(LANGUAGE_KEY)
    .then((stored) => setLanguageOverride(parseLanguageChoice(stored[LANGUAGE_KEY])))
    .catch(() => undefined);
  storage.onChanged?.addListener((changes, area) => {
    if (area === 'local' && LANGUAGE_KEY in changes) setLanguageOverride(parseLanguageChoice(changes[LANGUAGE_KEY].newValue));
  });
}

export async function storeLanguageChoice(api: StorageApi, choice: LanguageChoice): Promise<void> {
  await api.storage.local.set({ [LANGUAGE_KEY]: choice });
  setLanguageOverride(choice);
}
