import { requireUtcInstant, utcInstantOf } from './instant';
import { catchDomainError } from './testing/catch-domain-error';

describe('Instants: ISO-8601 with a real date, a time and an explicit offset', () => {
  it.each([
    ['2026-03-02T02:00:00Z', '2026-03-02T02:00:00.000Z', 'UTC'],
    ['2026-03-02T10:00:00+08:00', '2026-03-02T02:00:00.000Z', 'Beijing time'],
    ['2026-03-01T21:00:00-05:00', '2026-03-02T02:00:00.000Z', 'a negative offset'],
    ['2026-03-02T05:30:00+05:30', '2026-03-02T00:00:00.000Z', 'an offset with minutes'],
    ['2026-03-02T02:00Z', '2026-03-02T02:00:00.000Z', 'seconds left out'],
    ['2026-03-02T10:00:00.25+08:00', '2026-03-02T02:00:00.250Z', 'a fraction of a second'],
    ['2026-03-02T02:00:00.123456789Z', '2026-03-02T02:00:00.123Z', 'nanoseconds, cut to the millisecond'],
    ['2026-03-01T00:30:00+08:00', '2026-02-28T16:30:00.000Z', 'an offset that moves the day back across a month end'],
    ['2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z', 'the leap day of 2028'],
    ['2026-12-31T23:59:59.999-01:00', '2027-01-01T00:59:59.999Z', 'an offset that moves the year on'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z', 'the first instant of the years 0001–9999'],
  ])('accepts %s as %s (%s)', (text, utc) => {
    expect(utcInstantOf(text)).toBe(utc);
    expect(requireUtcInstant('at', text)).toBe(utc);
  });

  it.each([
    ['2026-03-02T10:00:00', 'a time without an offset: the server would read it in its own zone'],
    ['2026-03-02', 'a date alone'],
    ['yesterday', 'a word'],
    ['', 'nothing'],
    ['2026-02-30T00:00:00Z', 'a day February never has'],
    ['2026-02-29T00:00:00Z', '2026 is not a leap year'],
    ['2026-13-02T02:00:00Z', 'a thirteenth month'],
    ['2026-03-02T24:00:00Z', '24:00: write 00:00 of the next day'],
    ['2026-03-02T23:60:00Z', 'a sixtieth minute'],
    ['2026-03-02T23:59:60Z', 'a leap second'],
    ['2026-03-02T02:00:00+24:00', 'an offset of a whole day'],
    ['2026-03-02T02:00:00+08:60', 'an offset with a sixtieth minute'],
    ['2026-03-02T02:00:00+0800', 'an offset without its colon'],
    ['2026-03-02 10:00:00+08:00', 'a space instead of T'],
    ['2026-03-02t02:00:00z', 'lower-case t and z'],
    [' 2026-03-02T02:00:00Z', 'a leading space'],
    ['2026-03-02T02:00:00.Z', 'a decimal point without digits'],
    ['2026-03-02T02:00:00.1234567890Z', 'a fraction finer than nanoseconds'],
    ['+002026-03-02T02:00:00Z', 'an expanded year'],
    ['0000-12-31T23:00:00Z', 'year 0'],
    ['0001-01-01T00:00:00+01:00', 'an instant before the year 0001 in UTC'],
    ['9999-12-31T23:00:00-01:00', 'an instant after the year 9999 in UTC'],
    [1772416800000, 'a number'],
    [null, 'null'],
  ] as [unknown, string][])('refuses %j (%s)', (value) => {
    expect(utcInstantOf(value)).toBeUndefined();
    expect(catchDomainError(() => requireUtcInstant('from', value))).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'INVALID_INSTANT', details: { field: 'from' } });
  });
});
