import type { PublicMessageDocument } from './public-message-document';
import { messageStatistics } from './public-message-statistics';

const doc = (id: string, overrides: Partial<PublicMessageDocument>): PublicMessageDocument =>
  ({
    _id: id,
    agencyCode: '445300',
    departmentCode: 'OFFICE',
    kind: 'INQUIRY',
    status: 'RECEIVED',
    answerDueOn: '2026-03-09',
    answer: null,
    escalation: null,
    rating: null,
    ...overrides,
  }) as PublicMessageDocument;
const answered = (workingDaysTaken: number | null, late: boolean) => ({ text: '答复', answeredBy: 'staff', answeredOn: '2026-03-10', late, workingDaysTaken });

describe('Oversight figures on public messages', () => {
  const messages = [
    doc('a', { departmentCode: 'SUPERVISION', status: 'ANSWERED', answer: answered(3, false), rating: 5 }),
    doc('b', { departmentCode: 'SUPERVISION', status: 'ANSWERED', answer: answered(8, true), rating: 2, escalation: { escalatedOn: '2026-03-10', escalatedTo: 'OFFICE', departmentCode: 'SUPERVISION' } }),
    doc('c', { kind: 'SUGGESTION', status: 'ANSWERED', answer: answered(null, false) }),
    doc('d', { kind: 'SUGGESTION', escalation: { escalatedOn: '2026-03-10', escalatedTo: 'OFFICE', departmentCode: 'OFFICE' } }),
    doc('e', { kind: 'COMPLAINT', status: 'REDIRECTED' }),
  ];
  const statistics = messageStatistics(2026, messages, '2026-03-20');

  it('counts received, answered, on time, overdue and escalated, and averages only what the calendar could count', () => {
    expect(statistics.total).toEqual({
      received: 5,
      answered: 3,
      redirected: 1,
      answeredOnTime: 2,
      onTimeRate: 0.6667,
      averageWorkingDaysToAnswer: 5.5,
      overdueUnanswered: 1,
      escalated: 2,
      ratings: 2,
      averageRating: 3.5,
    });
  });

  it('breaks them down by kind and by department, with no rate where nothing is answered', () => {
    expect(statistics.byKind.map((row) => [row.kind, row.received, row.answered, row.onTimeRate])).toEqual([
      ['INQUIRY', 2, 2, 0.5],
      ['SUGGESTION', 2, 1, 1],
      ['COMPLAINT', 1, 0, null],
    ]);
    expect(statistics.byDepartment.map((row) => [row.departmentCode, row.received, row.averageWorkingDaysToAnswer])).toEqual([
      ['OFFICE', 3, null],
      ['SUPERVISION', 2, 5.5],
    ]);
    expect(statistics.ratingDistribution).toEqual([
      { rating: 1, count: 0 },
      { rating: 2, count: 1 },
      { rating: 3, count: 0 },
      { rating: 4, count: 0 },
      { rating: 5, count: 1 },
    ]);
  });
});
