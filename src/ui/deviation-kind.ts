/** The name of each kind of deviation, as every UI shows it (popup, page cards, viewer). */
import type { DeviationKind } from '../core/check/report';
import { t, type MessageKey } from '../platform/browser';

const KIND_KEYS: Record<DeviationKind, MessageKey> = {
  substitution: 'kindSubstitution',
  insertion: 'kindInsertion',
  omission: 'kindOmission',
  reorder: 'kindReorder',
  marker: 'kindMarker',
};

export function deviationKindName(kind: DeviationKind): string {
  return t(KIND_KEYS[kind]);
}
