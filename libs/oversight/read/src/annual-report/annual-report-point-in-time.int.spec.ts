import type { RecordedEvent } from '@gongkai/event-sourcing';
import { ANONYMOUS, type Actor } from '@gongkai/kernel';
import type { AnnualReportEvent } from '@gongkai/oversight/domain';
import { InMemoryReadStore } from '@gongkai/read-store';
import { annualReportView } from './annual-report-view';
import { annualReportsProjection } from './annual-reports.projection';

const at = (date: string) => `${date}T02:00:00.000Z`;
const OFFICE: Actor = { id: 'demo-office', roles: ['office'], agencyCode: '445300', departmentCode: 'OFFICE' };

const recorded = (event: AnnualReportEvent, occurredAt: string): RecordedEvent => ({ type: event.type, data: event.data, occurredAt, metadata: { actor: OFFICE } }) as unknown as RecordedEvent;
const submitted = (version: number, overview: string, penalties: number): AnnualReportEvent => ({
  type: 'AnnualReportSubmitted',
  data: {
    agencyCode: '445300',
    year: 2025,
    version,
    content: { agencyCode: '445300', year: 2025, overview, figures: { year: 2025, agencyCode: '445300', proactive: { penaltyDecisions: penalties } }, problems: '问题', otherMatters: '' },
    contentHash: `h${version}`,
    publicationRequest: { reviewId: `r${version}`, itemType: 'ANNUAL_REPORT', itemId: '445300:2025', itemVersion: version, contentHash: `h${version}`, title: '2025年度报告', agencyCode: '445300', departmentCode: 'OFFICE', requestedBy: 'demo-office' },
  },
});
const published = (version: number, date: string): AnnualReportEvent => ({
  type: 'AnnualReportPublished',
  data: { agencyCode: '445300', year: 2025, version, contentHash: `h${version}`, reviewId: `r${version}`, publishedAt: at(date), publishedOn: date, dueOn: '2026-01-31', late: date > '2026-01-31' },
});

describe('The annual report at a point in time (asOfInstant)', () => {
  const store = new InMemoryReadStore();
  const apply = (event: AnnualReportEvent, date: string) => annualReportsProjection.apply(recorded(event, at(date)), store);
  const reportAt = (instant: string, actor: Actor = ANONYMOUS) => annualReportView(store, actor, 2025, '445300', instant);

  /** v1 submitted on 10 Jan and published on 20 Jan 2026; corrected v2 submitted on 1 Feb and published on 5 Feb. */
  beforeAll(async () => {
    await apply(submitted(1, '第一版概述', 12), '2026-01-10');
    await apply(published(1, '2026-01-20'), '2026-01-20');
    await apply(submitted(2, '更正后的概述', 13), '2026-02-01');
    await apply(published(2, '2026-02-05'), '2026-02-05');
  });

  it('answers NOT_FOUND before v1 was published, v1 until v2 was, then v2: the figures as published, never computed today', async () => {
    await expect(reportAt(at('2026-01-15'))).rejects.toMatchObject({ code: 'NOT_FOUND', rule: 'ANNUAL_REPORT_NOT_PUBLISHED' });
    expect(await reportAt(at('2026-01-25'))).toMatchObject({ source: 'PUBLISHED', text: { overview: '第一版概述' }, report: { proactive: { penaltyDecisions: 12 } } });
    // v2 under review on 3 Feb: the public still had v1.
    expect(await reportAt(at('2026-02-03'))).toMatchObject({ text: { overview: '第一版概述' } });
    expect(await reportAt(at('2026-02-06'))).toMatchObject({ source: 'PUBLISHED', text: { overview: '更正后的概述' }, report: { proactive: { penaltyDecisions: 13 } } });
  });

  it('gives the office the published version too when it asks at an instant, not its live computation', async () => {
    expect(await reportAt(at('2026-01-25'), OFFICE)).toMatchObject({ source: 'PUBLISHED', text: { overview: '第一版概述' } });
    await expect(reportAt(at('2026-01-15'), OFFICE)).rejects.toMatchObject({ code: 'NOT_FOUND', rule: 'ANNUAL_REPORT_NOT_PUBLISHED' });
  });
});
