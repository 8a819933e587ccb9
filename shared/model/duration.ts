import {InputError} from './errors.js';
import {quoteOutside} from './outside-text.js';

const UNIT_SECONDS: Record<string, number> = {s: 1, m: 60, h: 3600, d: 86400, w: 604800};

/** Parse `24h`, `90m`, `7d`, `1h30m` or a bare number of seconds into milliseconds. */
export function parseDuration(value: string, field: string): number {
  const text = value.trim();
  if (/^[0-9]+$/.test(text)) return Number(text) * 1000;
  const parts = [...text.matchAll(/([0-9]+)([smhdw])/g)];
  if (parts.length === 0 || parts.map(p => p[0]).join('') !== text) {
    throw new InputError(
      field,
      `${quoteOutside(value)} is not a duration like "24h", "90m", "7d" or "1h30m"`
    );
  }
  return parts.reduce((ms, p) => ms + Number(p[1]) * UNIT_SECONDS[p[2]] * 1000, 0);
}
