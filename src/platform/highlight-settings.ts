/**
 * Highlight settings, in `browser.storage.local` under one versioned key
 * (read defensively, like the per-site switch):
 *
 *   { "highlightSettings": { "version": 1, "canonicalAnchoring": true } }
 *
 * `canonicalAnchoring`: a highlight made inside a canonical clause also
 * shows on every other page that reprints the clause, and in the canonical
 * viewer. Off: highlights show only on the page they were made on (the
 * canonical anchor is still stored, so turning it on again brings them back).
 *
 * For the options page: `readHighlightSettings()`, `setCanonicalAnchoring(on)`.
 */
import { browser } from './browser';
import { onLocalStorageChanged } from './storage-changes';

export const HIGHLIGHT_SETTINGS_KEY = 'highlightSettings';
export const HIGHLIGHT_SETTINGS_VERSION = 1;

export interface HighlightSettings {
  version: typeof HIGHLIGHT_SETTINGS_VERSION;
  canonicalAnchoring: boolean;
}

export const DEFAULT_HIGHLIGHT_SETTINGS: HighlightSettings = { version: HIGHLIGHT_SETTINGS_VERSION, canonicalAnchoring: true };

/** A stored value as settings; anything unrecognised reads as the defaults. */
export function parseHighlightSettings(value: unknown): HighlightSettings {
  if (typeof value !== 'object' || value === null) return DEFAULT_HIGHLIGHT_SETTINGS;
  const record = value as Record<string, unknown>;
  if (record.version !== HIGHLIGHT_SETTINGS_VERSION) return DEFAULT_HIGHLIGHT_SETTINGS;
  return {
    version: HIGHLIGHT_SETTINGS_VERSION,
    canonicalAnchoring:
      typeof record.canonicalAnchoring === 'boolean' ? record.canonicalAnchoring : DEFAULT_HIGHLIGHT_SETTINGS.canonicalAnchoring,
  };
}

export async function readHighlightSettings(): Promise<HighlightSettings> {
  const stored = await browser.storage.local.get(HIGHLIGHT_SETTINGS_KEY);
  return parseHighlightSettings(stored[HIGHLIGHT_SETTINGS_KEY]);
}

export async function setCanonicalAnchoring(canonicalAnchoring: boolean): Promise<void> {
  const settings = await readHighlightSettings();
  await browser.storage.local.set({ [HIGHLIGHT_SETTINGS_KEY]: { ...settings, canonicalAnchoring } });
}

/** Calls `listener` with the new settings whenever they change (in any context). */
export function onHighlightSettingsChanged(listener: (settings: HighlightSettings) => void): void {
  onLocalStorageChanged(HIGHLIGHT_SETTINGS_KEY, (value) => listener(parseHighlightSettings(value)));
}
