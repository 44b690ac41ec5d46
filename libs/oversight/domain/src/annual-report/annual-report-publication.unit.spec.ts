import { contentHash } from '@gongkai/kernel';
import { DeciderSpecification } from '@gongkai/kernel/testing';
import { office, system, window } from '../oversight.fixtures';
import { ANNUAL_REPORT_ITEM_TYPE, annualReportDecider, type AnnualReportEvent } from './annual-report-publication';

const given = DeciderSpecification.for(annualReportDecider, { now: '2026-01-20T02:00:00Z', actor: office });
const submit = { agencyCode: '445300', year: 2025, reviewId: 'review-1', overview: '2025年，我局…', problems: '…', otherMatters: '', figures: { year: 2025, applications: {} } };
const content = { agencyCode: '445300', year: 2025, overview: submit.overview, figures: submit.figures, problems: submit.problems, otherMatters: '' };
const hash = contentHash(content);
const submitted: AnnualReportEvent = {
  type: 'AnnualReportSubmitted',
  data: {
    agencyCode: '445300',
    year: 2025,
    version: 1,
    content,
    contentHash: hash,
    publicationRequest: { reviewId: 'review-1', itemType: ANNUAL_REPORT_ITEM_TYPE, itemId: '445300-2025', itemVersion: 1, contentHash: hash, title: '云浮市环境保护局2025年政府信息公开工作年度报告', agencyCode: '445300', departmentCode: 'OFFICE', requestedBy: office.id },
  },
};
const publish = { type: 'PublishReviewedAnnualReport' as const, data: { agencyCode: '445300', year: 2025, version: 1, contentHash: hash, reviewId: 'review-1' } };

describe('Publishing the annual report (Regulations Art. 49: by 31 January)', () => {
  it('is submitted by the office once the year is over, for review of exactly that content', () => {
    given([]).when({ type: 'SubmitAnnualReport', data: submit }).then([submitted]);
    DeciderSpecification.for(annualReportDecider, { now: '2025-12-31T02:00:00Z', actor: office })([]).when({ type: 'SubmitAnnualReport', data: submit }).thenThrows('BAD_USER_INPUT', 'REPORT_YEAR_NOT_OVER');
    given([]).when({ type: 'SubmitAnnualReport', data: submit }, { actor: window }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    given([]).when({ type: 'SubmitAnnualReport', data: { ...submit, figures: [] } }).thenThrows('BAD_USER_INPUT', 'FIGURES_REQUIRED');
  });

  it('is published on time by 31 January, and late after it', () => {
    expect(given([submitted]).when(publish, { actor: system }).events()[0].data).toMatchObject({ publishedOn: '2026-01-20', dueOn: '2026-01-31', late: false });
    const late = DeciderSpecification.for(annualReportDecider, { now: '2026-02-01T02:00:00Z', actor: system });
    expect(late([submitted]).when(publish).events()[0].data).toMatchObject({ publishedOn: '2026-02-01', late: true });
  });

  it('publishes only the version reviewed, and once', () => {
    const [resubmitted] = given([submitted]).when({ type: 'SubmitAnnualReport', data: { ...submit, reviewId: 'review-2', overview: '修改后' } }).events();
    expect(resubmitted.data).toMatchObject({ version: 2, withdrawnReviewId: 'review-1' });
    given([submitted, resubmitted]).when(publish, { actor: system }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
    const [published] = given([submitted]).when(publish, { actor: system }).events();
    given([submitted, published]).when(publish, { actor: system }).thenNothingHappened();
  });
});
