/**
 * When a page was checked, as the evidence report states it: the reader's
 * local time with its UTC offset and time-zone name, and the same instant in
 * UTC. Pure: the caller reads the clock and the zone.
 */
export interface CheckedAt {
  /** Milliseconds since the epoch (`Date.now()`). */
  epochMs: number;
  /** Minutes east of UTC (`-new Date().getTimezoneOffset()`): +480 in Beijing. */
  utcOffsetMinutes: number;
  /** IANA name (`Asia/Shanghai`), `''` when unknown. */
  timeZone: string;
}

/** Now, in this machine's time zone. */
export function checkedNow(now = new Date()): CheckedAt {
  let timeZone = '';
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    // No Intl time zone data: the offset still says it all.
  }
  return { epochMs: now.getTime(), utcOffsetMinutes: -now.getTimezoneOffset(), timeZone };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 local time with offset, to the second: `2026-12-01T17:14:34+08:00`. */
export function localIsoTime(at: CheckedAt): string {
  const local = new Date(at.epochMs + at.utcOffsetMinutes * 60_000);
  const sign = at.utcOffsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(at.utcOffsetMinutes);
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  return `${date}T${time}${sign}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`;
}

/** For people: `2026-12-01 17:14:34 UTC+08:00 (Asia/Shanghai) = 2026-12-01 09:14:34 UTC`. */
export function describeCheckedAt(at: CheckedAt): string {
  const local = localIsoTime(at);
  const utc = new Date(at.epochMs).toISOString().slice(0, 19).replace('T', ' ');
  const zone = at.timeZone ? ` (${at.timeZone})` : '';
  return `${local.slice(0, 10)} ${local.slice(11, 19)} UTC${local.slice(19)}${zone} = ${utc} UTC`;
}
