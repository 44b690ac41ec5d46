import type { LocalDate } from '@gongkai/kernel';
import { badInput, invalidDate } from './errors';
import {
  MS_PER_DAY,
  civilDateOf,
  civilDateOfText,
  epochDayOf,
  epochDayOfLocalDate,
  localDateOfEpochDay,
  weekdayOf,
} from './epoch-day';

/**
 * A date in law: a calendar day in Asia/Shanghai, written `YYYY-MM-DD` (years 0001–9999).
 *
 * Deadlines in the Regulations are counted in days, not instants, so a request received at 23:59
 * and one received at 00:01 the next morning have different receipt dates. Keeping dates as
 * strings makes them safe to store, compare and show; the functions below validate them.
 */
export type { LocalDate } from '@gongkai/kernel';

/** The bureau's time zone. China has kept UTC+8 without daylight saving since 1992. */
export const SHANGHAI_TIME_ZONE = 'Asia/Shanghai';

/** True when `value` is a real calendar day written `YYYY-MM-DD` (2026-02-30 is not). */
export const isLocalDate = (value: unknown): value is LocalDate => civilDateOfText(value) !== undefined;

/**
 * Validates user input as a `LocalDate`; throws BAD_USER_INPUT / `INVALID_DATE` otherwise.
 * `field` names the input in the error so that a form can point at it.
 */
export const parseLocalDate = (text: string, field?: string): LocalDate => {
  if (!isLocalDate(text)) throw invalidDate(text, field);
  return text;
};

const requireWholeDays = (days: number): number => {
  if (!Number.isSafeInteger(days)) throw badInput('INVALID_DAY_COUNT', `A number of days must be a whole number (got ${days}).`);
  return days;
};

/** `date` moved by `days` calendar days (negative to go back). */
export const addCalendarDays = (date: LocalDate, days: number): LocalDate =>
  localDateOfEpochDay(epochDayOfLocalDate(date) + requireWholeDays(days));

/** -1, 0 or 1, for sorting. */
export const compareLocalDates = (a: LocalDate, b: LocalDate): number => Math.sign(epochDayOfLocalDate(a) - epochDayOfLocalDate(b));

/** Calendar days from `a` to `b`: positive when `b` is later, e.g. 2026-02-13 → 2026-02-14 is 1. */
export const calendarDaysBetween = (a: LocalDate, b: LocalDate): number => epochDayOfLocalDate(b) - epochDayOfLocalDate(a);

/** 0 = Sunday, 1 = Monday … 6 = Saturday, as `Date.prototype.getDay`. */
export const dayOfWeek = (date: LocalDate): number => weekdayOf(epochDayOfLocalDate(date));

/** Every date from `from` to `to`, both included, e.g. a holiday written as a range in a notice. */
export const dateRange = (from: LocalDate, to: LocalDate): LocalDate[] => {
  const first = epochDayOfLocalDate(from);
  const last = epochDayOfLocalDate(to);
  if (last < first) throw badInput('INVALID_DATE_RANGE', `The range ${from}–${to} ends before it starts.`);
  return Array.from({ length: last - first + 1 }, (_, offset) => localDateOfEpochDay(first + offset));
};

// ── Instants and local days ──────────────────────────────────────────────────────────────────

/**
 * Zones whose UTC offset is fixed from a given year on. Asia/Shanghai observed daylight saving
 * in 1986–1991 and has been UTC+08:00 ever since; earlier dates go through Intl like any other zone.
 */
const FIXED_OFFSETS: Readonly<Record<string, { readonly offsetMinutes: number; readonly sinceYear: number }>> = {
  [SHANGHAI_TIME_ZONE]: { offsetMinutes: 8 * 60, sinceYear: 1992 },
  UTC: { offsetMinutes: 0, sinceYear: 1 },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone (they are costly to build); `h23` so that midnight is 00, never 24. */
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw badInput('UNKNOWN_TIME_ZONE', `${JSON.stringify(timeZone.slice(0, 64))} is not a known IANA time zone.`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

interface WallClock {
  readonly epochDay: number;
  /** Milliseconds since local midnight, whole seconds only. */
  readonly msOfDay: number;
}

const wallClockAt = (instantMs: number, timeZone: string): WallClock => {
  if (!Number.isFinite(instantMs)) throw badInput('INVALID_INSTANT', 'The instant is not a valid point in time.');
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) parts[part.type] = part.value;
  // Years before the common era come back as era "BC" with a positive year.
  const year = parts['era'] === 'BC' ? 1 - Number(parts['year']) : Number(parts['year']);
  const epochDay = epochDayOf({ year, month: Number(parts['month']), day: Number(parts['day']) });
  const msOfDay = ((Number(parts['hour']) * 60 + Number(parts['minute'])) * 60 + Number(parts['second'])) * 1000;
  return { epochDay, msOfDay };
};

/** The zone's offset from UTC at an instant, in milliseconds (UTC+8 → 28 800 000). */
const offsetMsAt = (instantMs: number, timeZone: string): number => {
  const wall = wallClockAt(instantMs, timeZone);
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wall.epochDay * MS_PER_DAY + wall.msOfDay - wholeSecond;
};

/** The calendar day an instant falls on in a zone: 2026-02-13T16:30:00Z is 2026-02-14 in Shanghai. */
export const localDateOf = (instant: Date, timeZone: string = SHANGHAI_TIME_ZONE): LocalDate =>
  localDateOfEpochDay(wallClockAt(instant.getTime(), timeZone).epochDay);

/**
 * The first instant of `date` in a zone: 2026-02-14 in Shanghai starts at 2026-02-13T16:00:00Z.
 * For zones with daylight saving the offset is looked up around that midnight; when midnight
 * itself is skipped by a clock change, the day starts at the change.
 */
export const startOfLocalDay = (date: LocalDate, timeZone: string = SHANGHAI_TIME_ZONE): Date => {
  const epochDay = epochDayOfLocalDate(date);
  const midnightAsIfUtc = epochDay * MS_PER_DAY;
  const fixed = FIXED_OFFSETS[timeZone];
  if (fixed && civilDateOf(epochDay).year >= fixed.sinceYear) return new Date(midnightAsIfUtc - fixed.offsetMinutes * 60_000);

  // Offsets a day either side bracket any change near midnight; clock changes are months apart.
  const offsetBefore = offsetMsAt(midnightAsIfUtc - MS_PER_DAY, timeZone);
  const offsetAfter = offsetMsAt(midnightAsIfUtc + MS_PER_DAY, timeZone);
  const exact = [midnightAsIfUtc - offsetBefore, midnightAsIfUtc - offsetAfter]
    .filter((instant) => offsetMsAt(instant, timeZone) === midnightAsIfUtc - instant)
    .sort((a, b) => a - b);
  return new Date(exact[0] ?? midnightAsIfUtc - offsetBefore);
};

/** The instant `date` ends — 24:00 that day, which is the start of the next day (exclusive bound). */
export const endOfLocalDay = (date: LocalDate, timeZone: string = SHANGHAI_TIME_ZONE): Date =>
  startOfLocalDay(addCalendarDays(date, 1), timeZone);
