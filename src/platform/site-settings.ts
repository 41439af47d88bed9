/**
 * The per-site switch: sites where the user turned Yuanwen off. Stored in
 * `browser.storage.local` under one versioned key; read defensively (storage
 * is ours, but an older or damaged value must not break every page).
 *
 *   { "siteSettings": { "version": 1, "disabledSites": ["example.com", …] } }
 *
 * A site is a URL's hostname (`www.xinhuanet.com`).
 */
import { browser } from './browser';
import { onLocalStorageChanged } from './storage-changes';

export const SITE_SETTINGS_KEY = 'siteSettings';
export const SITE_SETTINGS_VERSION = 1;

export interface SiteSettings {
  version: typeof SITE_SETTINGS_VERSION;
  disabledSites: string[];
}

const EMPTY: SiteSettings = { version: SITE_SETTINGS_VERSION, disabledSites: [] };

/** The site of a URL, or undefined for URLs Yuanwen never reads (not http/https). */
export function siteOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : undefined;
  } catch {
    return undefined;
  }
}

/** A stored value as settings; anything unrecognised reads as "nothing disabled". */
export function parseSiteSettings(value: unknown): SiteSettings {
  if (typeof value !== 'object' || value === null) return EMPTY;
  const record = value as Record<string, unknown>;
  if (record.version !== SITE_SETTINGS_VERSION || !Array.isArray(record.disabledSites)) return EMPTY;
  const disabledSites = record.disabledSites.filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length <= 253);
  return { version: SITE_SETTINGS_VERSION, disabledSites };
}

export async function readSiteSettings(): Promise<SiteSettings> {
  const stored = await browser.storage.local.get(SITE_SETTINGS_KEY);
  return parseSiteSettings(stored[SITE_SETTINGS_KEY]);
}

export async function isSiteEnabled(site: string): Promise<boolean> {
  return !(await readSiteSettings()).disabledSites.includes(site);
}

export async function setSiteEnabled(site: string, enabled: boolean): Promise<void> {
  const settings = await readSiteSettings();
  const others = settings.disabledSites.filter((s) => s !== site);
  const disabledSites = enabled ? others : [...others, site].sort();
  await browser.storage.local.set({ [SITE_SETTINGS_KEY]: { version: SITE_SETTINGS_VERSION, disabledSites } });
}

/** Calls `listener` with the new settings whenever they change (in any context). */
export function onSiteSettingsChanged(listener: (settings: SiteSettings) => void): void {
  onLocalStorageChanged(SITE_SETTINGS_KEY, (value) => listener(parseSiteSettings(value)));
}
