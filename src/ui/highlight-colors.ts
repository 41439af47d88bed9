import { t, type MessageKey } from '../platform/browser';
import type { HighlightColor } from '../core/highlight/record';
import { readColorLabels, type ColorLabels } from '../platform/color-labels';

const COLOR_KEYS: Record<HighlightColor, MessageKey> = {
  yellow: 'colorYellow',
  green: 'colorGreen',
  blue: 'colorBlue',
  pink: 'colorPink',
  purple: 'colorPurple',
};

/** A highlight colour's name in the UI language. */
export function colorName(color: HighlightColor): string {
  return t(COLOR_KEYS[color]);
}

let labels: ColorLabels = {};

/** Reads what the user said each colour means (options page), for `colorDisplay`. */
export async function loadColorLabels(): Promise<void> {
  labels = await readColorLabels().catch(() => ({}));
}

/** A colour's name and, when the user gave one, its meaning: `黄色（待引用）`. */
export function colorDisplay(color: HighlightColor): string {
  const label = labels[color];
  return label ? `${colorName(color)}（${label}）` : colorName(color);
}
