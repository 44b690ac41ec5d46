import { badInput } from '@gongkai/kernel';

/**
 * An instant as callers write it: ISO-8601 with a date, a time and an explicit offset (`Z` or
 * `+08:00`). A time without an offset is refused rather than guessed: 20:30 in Yunfu and 20:30 UTC
 * are eight hours apart, and the 24-hour rule is counted in exactly those hours.
 */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

export const MS_PER_HOUR = 3_600_000;

/** Validates an instant and returns it in UTC (`toISOString`), the form every event stores. */
export const requireInstant = (field: string, value: unknown): string => {
  if (value === undefined || value === null || value === '') throw badInput('REQUIRED', `${field} is required.`, { field });
  const text = typeof value === 'string' ? value.trim() : '';
  const match = ISO_INSTANT.exec(text);
  const instant = match ? new Date(text) : undefined;
  // Date parsing rolls 2026-02-30 over to March: a real instant must read back as the same wall clock.
  const [, year, month, day, hour, minute] = match ?? [];
  const offsetMinutes = match ? offsetOf(match[8]) : 0;
  const wallClock = instant ? new Date(instant.getTime() + offsetMinutes * 60_000) : undefined;
  if (
    !instant ||
    !wallClock ||
    Number.isNaN(instant.getTime()) ||
    wallClock.getUTCFullYear() !== Number(year) ||
    wallClock.getUTCMonth() + 1 !== Number(month) ||
    wallClock.getUTCDate() !== Number(day) ||
    wallClock.getUTCHours() !== Number(hour) ||
    wallClock.getUTCMinutes() !== Number(minute)
  ) {
    throw badInput('INVALID_INSTANT', `${field} must be a real date and time with its offset, e.g. 2026-03-01T20:30:00+08:00.`, { field });
  }
  return instant.toISOString();
};

const offsetOf = (offset: string): number => {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
};

/** An instant that has already happened: the bureau records facts, not plans. */
export const requirePastInstant = (field: string, value: unknown, now: Date): string => {
  const instant = requireInstant(field, value);
  if (Date.parse(instant) > now.getTime()) {
    throw badInput('INSTANT_IN_FUTURE', `${field} (${instant}) is later than now (${now.toISOString()}): record what has happened.`, { field });
  }
  return instant;
};

/** `hours` clock hours after an instant, in UTC: weekends and holidays do not stop the clock. */
export const addClockHours = (instant: string, hours: number): string => new Date(Date.parse(instant) + hours * MS_PER_HOUR).toISOString();
