/**
 * What each highlight colour means to the user ("yellow: to quote", "pink:
 * changed in reprints"): optional labels set on the options page, shown
 * wherever colours are named (library filters and cards). Kept in
 * `browser.storage.local`, read defensively:
 *
 *   { "colorLabels": { "version": 1, "labels": { "yellow": "要引用", … } } }
 */
import { browser } from './browser';
import { HIGHLIGHT_COLORS, isHighlightColor, type HighlightColor } from '../core/highlight/record';

export const COLOR_LABELS_KEY = 'colorLabels';
export const MAX_LABEL = 40;

export type ColorLabels = Partial<Record<HighlightColor, string>>;

export function parseColorLabels(value: unknown): ColorLabels {
  if (typeof value !== 'object' || value === null) return {};
  const record = value as { version?: unknown; labels?: unknown };
  if (record.version !== 1 || typeof record.labels !== 'object' || record.labels === null) return {};
  const out: ColorLabels = {};
  for (const [color, label] of Object.entries(record.labels as Record<string, unknown>)) {
    if (isHighlightColor(color) && typeof label === 'string' && label.trim() !== '') out[color] = label.trim().slice(0, MAX_LABEL);
  }
  return out;
}

export async function readColorLabels(): Promise<ColorLabels> {
  const stored = await browser.storage.local.get(COLOR_LABELS_KEY);
  return parseColorLabels(stored[COLOR_LABELS_KEY]);
}

export async function setColorLabel(color: HighlightColor, label: string): Promise<void> {
  const labels = await readColorLabels();
  const clean = label.trim().slice(0, MAX_LABEL);
  if (clean) labels[color] = clean;
  else delete labels[color];
  await browser.storage.local.set({ [COLOR_LABELS_KEY]: { version: 1, labels } });
}

export { HIGHLIGHT_COLORS };
