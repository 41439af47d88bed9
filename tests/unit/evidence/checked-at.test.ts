import { describe, expect, it } from 'vitest';
import { checkedNow, describeCheckedAt, localIsoTime } from '../../../src/core/evidence/checked-at';

const instant = Date.UTC(2026, 11, 1, 9, 14, 34, 567);

describe('checked-at: the local time with its offset and zone, and UTC', () => {
  it('states Beijing time with +08:00 and the same instant in UTC', () => {
    const at = { epochMs: instant, utcOffsetMinutes: 480, timeZone: 'Asia/Shanghai' };
    expect(localIsoTime(at)).toBe('2026-12-01T17:14:34+08:00');
    expect(describeCheckedAt(at)).toBe('2026-12-01 17:14:34 UTC+08:00 (Asia/Shanghai) = 2026-12-01 09:14:34 UTC');
  });

  it('handles zones west of UTC and half-hour offsets, across the date line', () => {
    expect(localIsoTime({ epochMs: instant, utcOffsetMinutes: -600, timeZone: '' })).toBe('2026-11-30T23:14:34-10:00');
    expect(localIsoTime({ epochMs: instant, utcOffsetMinutes: 330, timeZone: 'Asia/Kolkata' })).toBe('2026-12-01T14:44:34+05:30');
    expect(describeCheckedAt({ epochMs: instant, utcOffsetMinutes: 0, timeZone: '' })).toBe(
      '2026-12-01 09:14:34 UTC+00:00 = 2026-12-01 09:14:34 UTC',
    );
  });

  it('reads the clock and this machine’s zone', () => {
    const now = new Date(instant);
    const at = checkedNow(now);
    expect(at.epochMs).toBe(instant);
    expect(at.utcOffsetMinutes).toBe(-now.getTimezoneOffset());
    expect(new Date(localIsoTime(at)).getTime()).toBe(Math.floor(instant / 1000) * 1000);
  });
});
