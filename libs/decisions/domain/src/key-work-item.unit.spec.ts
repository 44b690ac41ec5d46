import { DeciderSpecification } from '@gongkai/kernel/testing';
import { anonymous, CITY, planning, regulations, system } from './decision-draft.fixtures';
import { keyWorkItemDecider, type KeyWorkItemCommand, progressReportHash } from './key-work-item-decider';
import type { KeyWorkItemEvent } from './key-work-item-events';

const given = DeciderSpecification.for(keyWorkItemDecider, { now: '2026-04-01T02:00:00Z', actor: regulations });

const itemInput = { kind: 'REFORM_TASK', title: '“放管服”改革：环评审批提速', departmentCode: 'REGULATIONS', description: '压缩审批时限' };
const created: KeyWorkItemEvent = {
  type: 'KeyWorkItemCreated',
  data: { workItemId: 'work-1', agencyCode: CITY, item: { ...itemInput, kind: 'REFORM_TASK', decisionDraftId: '' } },
};
const reportInput = { period: '2026年第一季度', tasks: '压缩审批时限至15个工作日', progress: '已完成流程再造', results: '平均用时12个工作日', nextSteps: '推广网上审批' };
const hash1 = progressReportHash('work-1', 1, reportInput);
const reported: KeyWorkItemEvent = {
  type: 'KeyWorkProgressReported',
  data: {
    workItemId: 'work-1',
    reportNumber: 1,
    report: reportInput,
    reportedAt: '2026-04-01T02:00:00.000Z',
    contentHash: hash1,
    publicationRequest: {
      reviewId: 'review-p1',
      itemType: 'PROGRESS_REPORT',
      itemId: 'work-1',
      itemVersion: 1,
      contentHash: hash1,
      title: '“放管服”改革：环评审批提速（2026年第一季度执行进展）',
      agencyCode: CITY,
      departmentCode: 'REGULATIONS',
      requestedBy: regulations.id,
    },
  },
};
const reportProgress = (change: Record<string, unknown> = {}, reviewId = 'review-p1'): KeyWorkItemCommand => ({
  type: 'ReportKeyWorkProgress',
  data: { workItemId: 'work-1', reviewId, report: { ...reportInput, ...change } },
});
const publish = (version = 1, contentHash = hash1, reviewId = 'review-p1'): KeyWorkItemCommand => ({
  type: 'PublishReviewedProgressReport',
  data: { workItemId: 'work-1', version, contentHash, reviewId },
});

describe('Execution progress of key work (执行公开)', () => {
  it('creates a key work item for its department', () => {
    given([]).when({ type: 'CreateKeyWorkItem', data: { workItemId: 'work-1', agencyCode: CITY, item: itemInput } }).then([created]);
    given([]).when({ type: 'CreateKeyWorkItem', data: { workItemId: 'work-1', agencyCode: CITY, item: itemInput } }, { actor: planning }).thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
    given([]).when({ type: 'CreateKeyWorkItem', data: { workItemId: 'work-1', agencyCode: CITY, item: { ...itemInput, kind: 'WISH' } } }).thenThrows('BAD_USER_INPUT', 'NOT_ALLOWED_VALUE');
  });

  it('files a report of tasks, progress, results and next steps and asks for its review', () => {
    given([created]).when(reportProgress()).then([reported]);
  });

  it.each(['tasks', 'progress', 'results', 'nextSteps', 'period'])('needs %s', (field) => {
    given([created]).when(reportProgress({ [field]: '' })).thenThrows('BAD_USER_INPUT', 'REQUIRED');
  });

  it('numbers the next report after the last', () => {
    const [event] = given([created, reported]).when(reportProgress({ period: '2026年第二季度' }, 'review-p2')).events();
    expect(event).toMatchObject({ data: { reportNumber: 2, publicationRequest: { itemVersion: 2, reviewId: 'review-p2' } } });
  });

  it('publishes a report exactly as reviewed, once', () => {
    const published: KeyWorkItemEvent = {
      type: 'KeyWorkProgressPublished',
      data: { workItemId: 'work-1', reportNumber: 1, contentHash: hash1, reviewId: 'review-p1', publishedAt: '2026-04-01T02:00:00.000Z' },
    };
    given([created, reported]).when(publish(), { actor: system }).then([published]);
    given([created, reported, published]).when(publish(), { actor: system }).thenNothingHappened();
    given([created, reported]).when(publish(1, 'f'.repeat(64)), { actor: system }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
    given([created, reported]).when(publish(2), { actor: system }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
    given([created, reported]).when(publish()).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });

  it('is staff work: the public reads, it does not report', () => {
    given([created]).when(reportProgress(), { actor: anonymous }).thenThrows('UNAUTHENTICATED', 'ROLE_REQUIRED');
    given([]).when(reportProgress()).thenThrows('NOT_FOUND', 'KEY_WORK_ITEM_NOT_FOUND');
  });
});
