/**
 * An instant as callers write it: ISO-8601 with a real date, a time and an explicit offset (`Z` or
 * `±hh:mm`), e.g. 2026-03-02T10:00:00+08:00. A time without an offset is refused rather than read
 * in the server's time zone: 10:00 in Yunfu and 10:00 UTC are eight hours apart, and a query or a
 * 24-hour rule must mean the same instant on every machine.
 *
 * Parsed field by field rather than by `Date.parse`, which rolls 2026-02-30 over to March and
 * accepts 24:00. Seconds are optional; a fraction may have up to nine digits and is cut to the
 * millisecond the stored form keeps. 24:00 and leap seconds (:60) are refused: write 00:00 of the
 * next day, or :59.
 */
import { badInput } from './errors';
import { MS_PER_DAY, civilDateOfText, epochDayOf, isSupportedYear } from './epoch-day';

const INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

const MS_PER_MINUTE = 60_000;

/** The UTC ISO-8601 form (`toISOString`, as every event stores it) of `text`, or undefined when it is not a real instant with its offset. */
export const utcInstantOf = (text: unknown): string | undefined => {
  if (typeof text !== 'string') return undefined;
  const match = INSTANT_PATTERN.exec(text);
  const date = match ? civilDateOfText(match[1]) : undefined;
  if (!match || !date) return undefined;
  const [hour, minute, second] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  const [offsetHours, offsetMinutes] = [Number(match[7] ?? 0), Number(match[8] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const millisecond = Number((match[5] ?? '').padEnd(3, '0').slice(0, 3));
  const offsetMs = (match[6] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * MS_PER_MINUTE;
  const wallClockMs = epochDayOf(date) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
  const instant = new Date(wallClockMs - offsetMs);
  // An offset can push 0001-01-01 or 9999-12-31 out of the four-digit years ISO strings compare in.
  return isSupportedYear(instant.getUTCFullYear()) ? instant.toISOString() : undefined;
};

/** The same, or BAD_USER_INPUT / INVALID_INSTANT naming `field`. */
export const requireUtcInstant = (field: string, value: unknown): string => {
  const instant = utcInstantOf(value);
  if (instant === undefined) {
    throw badInput('INVALID_INSTANT', `${field} must be an ISO-8601 instant with its offset, such as 2026-03-02T10:00:00+08:00 or 2026-03-02T02:00:00Z.`, { field });
  }
  return instant;
};
