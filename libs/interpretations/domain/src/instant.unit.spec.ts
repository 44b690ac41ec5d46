import { addClockHours, requireInstant, requirePastInstant } from './instant';

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('Instants from callers', () => {
  it('keeps the instant and stores it in UTC, whatever offset it was written with', () => {
    expect(requireInstant('at', '2026-03-01T20:30:00+08:00')).toBe('2026-03-01T12:30:00.000Z');
    expect(requireInstant('at', '2026-03-01T12:30Z')).toBe('2026-03-01T12:30:00.000Z');
    expect(requireInstant('at', '2026-03-02T00:30:00.250+08:00')).toBe('2026-03-01T16:30:00.250Z');
  });

  it.each([
    ['a time without an offset', '2026-03-01T20:30:00', 'INVALID_INSTANT'],
    ['a date alone', '2026-03-01', 'INVALID_INSTANT'],
    ['a day that does not exist', '2026-02-30T10:00:00+08:00', 'INVALID_INSTANT'],
    ['an hour that does not exist', '2026-03-01T24:30:00Z', 'INVALID_INSTANT'],
    ['something else', 42, 'INVALID_INSTANT'],
    ['nothing', '', 'REQUIRED'],
  ])('refuses %s', (_, value, rule) => {
    expect(thrown(() => requireInstant('at', value))).toMatchObject({ code: 'BAD_USER_INPUT', rule, details: { field: 'at' } });
  });

  it('refuses an instant later than now', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(requirePastInstant('at', '2026-03-01T20:00:00+08:00', now)).toBe('2026-03-01T12:00:00.000Z');
    expect(thrown(() => requirePastInstant('at', '2026-03-01T20:00:01+08:00', now))).toMatchObject({ rule: 'INSTANT_IN_FUTURE' });
  });

  it('adds clock hours across midnight and month ends', () => {
    expect(addClockHours('2026-02-28T20:00:00.000Z', 24)).toBe('2026-03-01T20:00:00.000Z');
  });
});
