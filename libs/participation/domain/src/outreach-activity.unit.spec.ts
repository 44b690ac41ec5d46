import type { Actor } from '@gongkai/kernel';
import { DeciderSpecification } from '@gongkai/kernel/testing';
import { type OutreachActivityCommand, outreachActivityContentHash, outreachActivityDecider } from './outreach-activity-commands';
import type { ActivityDetails, OutreachActivityEvent } from './outreach-activity-events';

const given = DeciderSpecification.for(outreachActivityDecider, { now: '2026-03-02T02:00:00Z' });
const anonymous: Actor = { id: 'anonymous', roles: ['public'] };
const office: Actor = { id: 'demo-office', roles: ['office', 'staff'], agencyCode: '445300', departmentCode: 'OFFICE' };
const window: Actor = { id: 'demo-window', roles: ['staff'], agencyCode: '445300', departmentCode: 'SERVICE_WINDOW' };
const system: Actor = { id: 'system:participation.publication', roles: ['system'] };
const activityId = 'activity-1';

const details: ActivityDetails = {
  title: '六五环境日主题宣传',
  date: '2026-06-05',
  place: '云浮市人民广场',
  organiser: '云浮市环境保护局办公室',
  description: '发放宣传资料，现场解答群众关于环境保护的问题。',
  departmentCode: 'OFFICE',
};
const announce = (change: Record<string, unknown> = {}): OutreachActivityCommand => ({
  type: 'AnnounceActivity',
  data: { activityId, agencyCode: '445300', details: { ...details, ...change }, reviewId: 'review-1' },
});
const hashV1 = outreachActivityContentHash(activityId, 1, details, undefined);
const announced: OutreachActivityEvent = {
  type: 'OutreachActivityAnnounced',
  data: {
    activityId,
    agencyCode: '445300',
    version: 1,
    details,
    contentHash: hashV1,
    publicationRequest: { reviewId: 'review-1', itemType: 'OUTREACH_ACTIVITY', itemId: activityId, itemVersion: 1, contentHash: hashV1, title: details.title, agencyCode: '445300', departmentCode: 'OFFICE', requestedBy: 'demo-office' },
  },
};
const published = (version: number, contentHash: string, reviewId: string): OutreachActivityEvent => ({
  type: 'OutreachActivityPublished',
  data: { activityId, version, contentHash, reviewId, publishedAt: '2026-03-02T02:00:00.000Z' },
});
const outcome = (participants = 320, summary = '发放资料 1,200 份，解答咨询 86 人次。'): OutreachActivityCommand => ({
  type: 'RecordActivityOutcome',
  data: { activityId, participants, summary, reviewId: 'review-2' },
});

describe('Outreach activity (宣传教育活动)', () => {
  it('is announced by staff of its department and sent to the review gate at once', () => {
    given([]).when(announce(), { actor: office }).then([announced]);
  });

  it('refuses the public, another department, and bad input, naming the rule', () => {
    given([]).when(announce(), { actor: anonymous }).thenThrows('UNAUTHENTICATED', 'ROLE_REQUIRED');
    given([]).when(announce(), { actor: window }).thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
    given([]).when(announce({ date: '2026-02-30' }), { actor: office }).thenThrows('BAD_USER_INPUT', 'INVALID_DATE');
    given([]).when(announce({ date: '2026-03-01' }), { actor: office }).thenThrows('BAD_USER_INPUT', 'ACTIVITY_DATE_PAST');
    given([]).when(announce({ title: '' }), { actor: office }).thenThrows('BAD_USER_INPUT', 'REQUIRED');
    given([]).when(announce({ departmentCode: 'NOWHERE' }), { actor: office }).thenThrows('BAD_USER_INPUT', 'UNKNOWN_DEPARTMENT');
    given([announced]).when(announce(), { actor: office }).thenThrows('CONFLICT', 'ACTIVITY_EXISTS');
  });

  it('publishes exactly the reviewed version, once', () => {
    const publish: OutreachActivityCommand = { type: 'PublishReviewedActivity', data: { activityId, version: 1, contentHash: hashV1, reviewId: 'review-1' } };
    given([announced]).when(publish, { actor: system }).then([published(1, hashV1, 'review-1')]);
    given([announced, published(1, hashV1, 'review-1')]).when(publish, { actor: system }).thenNothingHappened();
    given([announced]).when({ ...publish, data: { ...publish.data, contentHash: 'b'.repeat(64) } }, { actor: system }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
    given([announced]).when(publish, { actor: office }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });

  it('records the outcome once the activity has taken place, as a new version for review', () => {
    given([announced, published(1, hashV1, 'review-1')]).when(outcome(), { actor: office }).thenThrows('CONFLICT', 'ACTIVITY_NOT_YET_HELD');
    const events = given([announced, published(1, hashV1, 'review-1')]).when(outcome(), { actor: office, now: '2026-06-05T10:00:00Z' }).events();
    const recorded = { participants: 320, summary: '发放资料 1,200 份，解答咨询 86 人次。', recordedOn: '2026-06-05' };
    const hashV2 = outreachActivityContentHash(activityId, 2, details, recorded);
    expect(events).toEqual([
      {
        type: 'OutreachActivityOutcomeRecorded',
        data: { activityId, version: 2, outcome: recorded, contentHash: hashV2, publicationRequest: expect.objectContaining({ reviewId: 'review-2', itemVersion: 2, contentHash: hashV2 }) },
      },
    ]);
    given([announced, published(1, hashV1, 'review-1'), ...events]).when(outcome(), { actor: office, now: '2026-06-06T10:00:00Z' }).thenNothingHappened();
  });

  it('supersedes an announcement still waiting for review when the outcome replaces it', () => {
    const events = given([announced]).when(outcome(), { actor: office, now: '2026-06-06T01:00:00Z' }).events();
    expect(events[0]).toMatchObject({ data: { version: 2, withdrawnReviewId: 'review-1' } });
  });

  it('refuses participants that are not a whole number of people', () => {
    given([announced]).when(outcome(-1), { actor: office, now: '2026-06-06T01:00:00Z' }).thenThrows('BAD_USER_INPUT', 'OUT_OF_RANGE');
    given([announced]).when(outcome(2.5), { actor: office, now: '2026-06-06T01:00:00Z' }).thenThrows('BAD_USER_INPUT', 'NOT_INTEGER');
    given([]).when(outcome(), { actor: office, now: '2026-06-06T01:00:00Z' }).thenThrows('NOT_FOUND', 'ACTIVITY_NOT_FOUND');
  });
});
