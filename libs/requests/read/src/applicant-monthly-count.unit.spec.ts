import { applicationOfMonth } from './applicant-monthly-count';

const request = (id: string, receivedOn: string, fingerprint: string | null = 'a'.repeat(64), createdAt = `${receivedOn}T01:00:00Z`) => ({
  _id: id,
  applicantFingerprint: fingerprint,
  receivedOn,
  receivedMonth: receivedOn.slice(0, 7),
  createdAt,
});

describe('the applicant’s applications in a calendar month (国办函〔2020〕109号)', () => {
  const october = Array.from({ length: 11 }, (_, i) => request(`r${i + 1}`, `2026-10-${String(i + 1).padStart(2, '0')}`));

  it('numbers a request among the applicant’s requests of its month of receipt', () => {
    expect(applicationOfMonth(october[10], october)).toBe(11);
    expect(applicationOfMonth(october[0], october)).toBe(1);
  });

  it('counts neither other applicants nor other months', () => {
    const others = [request('x1', '2026-10-01', 'b'.repeat(64)), request('x2', '2026-09-30'), request('x3', '2026-11-01')];
    expect(applicationOfMonth(october[10], [...october, ...others])).toBe(11);
    // 30 September and 1 October are different calendar months, whatever the working days.
    expect(applicationOfMonth(request('x3', '2026-11-01'), [...october, ...others])).toBe(1);
  });

  it('orders two requests of the same day by when they were received by the platform', () => {
    const early = request('z', '2026-10-12', 'a'.repeat(64), '2026-10-12T01:00:00Z');
    const late = request('y', '2026-10-12', 'a'.repeat(64), '2026-10-12T03:00:00Z');
    expect([applicationOfMonth(early, [late, early]), applicationOfMonth(late, [late, early])]).toEqual([1, 2]);
  });

  it('cannot count a request without a fingerprint', () => {
    expect(applicationOfMonth(request('old', '2026-10-12', null), october)).toBeNull();
  });
});
