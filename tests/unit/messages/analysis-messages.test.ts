/** The content script's notice that the page interfered (src/messages/analysis.ts): validated like every message. */
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/messages/analysis';

describe('yuanwen/page-interference', () => {
  it('is accepted with a positive whole count', () => {
    expect(parseMessage({ type: 'yuanwen/page-interference', restored: 3 })).toEqual({ type: 'yuanwen/page-interference', restored: 3 });
  });

  it('is refused with no count, a count that is not a positive integer, or extra fields', () => {
    for (const restored of [0, -1, 2.5, '3', Infinity, undefined])
      expect(parseMessage({ type: 'yuanwen/page-interference', restored })).toBeUndefined();
    expect(parseMessage({ type: 'yuanwen/page-interference', restored: 1, title: '<b>' })).toBeUndefined();
  });
});
