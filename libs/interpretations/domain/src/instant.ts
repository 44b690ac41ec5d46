import { utcInstantOf } from '@gongkai/calendar';
import { badInput } from '@gongkai/kernel';

export const MS_PER_HOUR = 3_600_000;

/**
 * An instant as callers write it, validated by the one rule of @gongkai/calendar (ISO-8601 with a
 * real date, a time and an explicit offset) and returned in UTC (`toISOString`), the form every
 * event stores. A time without an offset is refused rather than guessed: 20:30 in Yunfu and 20:30
 * UTC are eight hours apart, and the 24-hour rule is counted in exactly those hours.
 */
export const requireInstant = (field: string, value: unknown): string => {
  if (value === undefined || value === null || value === '') throw badInput('REQUIRED', `${field} is required.`, { field });
  const instant = utcInstantOf(typeof value === 'string' ? value.trim() : value);
  if (!instant) throw badInput('INVALID_INSTANT', `${field} must be a real date and time with its offset, e.g. 2026-03-01T20:30:00+08:00.`, { field });
  return instant;
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
