import { type PublicationSubject, REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import { assertNever, conflict, contentHash, type DecideContext, type Decider, notFound, requireAgency, requireRole, requireStaffFor } from '@gongkai/kernel';
import { evolveKeyWorkItem, initialKeyWorkItemState, type KeyWorkItemEvent, type KeyWorkItemState } from './key-work-item-events';
import { type ProgressReport, validateKeyWorkItem, validateProgressReport } from './key-work-item';
import { DECISION_PUBLICATION_ITEM_TYPES } from './publication-items';

type Input = Readonly<Record<string, unknown>>;

export type KeyWorkItemCommand =
  | { type: 'CreateKeyWorkItem'; data: { workItemId: string; agencyCode: string; item: Input } }
  | { type: 'ReportKeyWorkProgress'; data: { workItemId: string; reviewId: string; report: Input } }
  | { type: 'PublishReviewedProgressReport'; data: { workItemId: string; version: number; contentHash: string; reviewId: string } };

export const KEY_WORK_ITEM_COMMAND_TYPES: readonly KeyWorkItemCommand['type'][] = ['CreateKeyWorkItem', 'ReportKeyWorkProgress', 'PublishReviewedProgressReport'];

type Active = Extract<KeyWorkItemState, { status: 'ACTIVE' }>;

/** The content a reviewer approves for a progress report: exactly one report of one item. */
export const progressReportHash = (workItemId: string, reportNumber: number, report: ProgressReport): string => contentHash({ workItemId, reportNumber, report });

const requireItem = (state: KeyWorkItemState, workItemId: string): Active => {
  if (state.status === 'NONE') throw notFound('KEY_WORK_ITEM_NOT_FOUND', `There is no key work item ${workItemId}.`);
  return state;
};

const create = (command: Extract<KeyWorkItemCommand, { type: 'CreateKeyWorkItem' }>, state: KeyWorkItemState, context: DecideContext): KeyWorkItemEvent[] => {
  requireRole(context.actor, 'staff', 'office', 'admin');
  if (state.status !== 'NONE') throw conflict('KEY_WORK_ITEM_EXISTS', `Key work item ${command.data.workItemId} already exists.`);
  const agencyCode = requireAgency('agencyCode', command.data.agencyCode);
  const item = validateKeyWorkItem(command.data.item);
  requireStaffFor(context, agencyCode, item.departmentCode);
  return [{ type: 'KeyWorkItemCreated', data: { workItemId: command.data.workItemId, agencyCode, item } }];
};

/**
 * Files a report and asks the review gate to publish it; a report never changes, a later one follows
 * it. The department answerable for the work (责任落实到科室) reports on it, or the office.
 */
const report = (command: Extract<KeyWorkItemCommand, { type: 'ReportKeyWorkProgress' }>, state: KeyWorkItemState, context: DecideContext): KeyWorkItemEvent[] => {
  const work = requireItem(state, command.data.workItemId);
  requireStaffFor(context, work.agencyCode, work.item.departmentCode);
  const progress = validateProgressReport(command.data.report);
  const reportNumber = work.reports.length + 1;
  const hash = progressReportHash(work.workItemId, reportNumber, progress);
  const publicationRequest: PublicationSubject = {
    reviewId: command.data.reviewId,
    itemType: DECISION_PUBLICATION_ITEM_TYPES.progressReport,
    itemId: work.workItemId,
    itemVersion: reportNumber,
    contentHash: hash,
    title: `${work.item.title}（${progress.period}执行进展）`,
    agencyCode: work.agencyCode,
    departmentCode: work.item.departmentCode,
    requestedBy: context.actor.id,
  };
  return [
    { type: 'KeyWorkProgressReported', data: { workItemId: work.workItemId, reportNumber, report: progress, reportedAt: context.now.toISOString(), contentHash: hash, publicationRequest } },
  ];
};

/** 先审查、后公开: the report is published exactly as approved. */
const publishReviewed = (command: Extract<KeyWorkItemCommand, { type: 'PublishReviewedProgressReport' }>, state: KeyWorkItemState, context: DecideContext): KeyWorkItemEvent[] => {
  requireRole(context.actor, 'system');
  const work = requireItem(state, command.data.workItemId);
  const filed = work.reports.find((r) => r.version === command.data.version);
  if (filed?.published && filed.reviewId === command.data.reviewId) return []; // already done: a redelivery
  const current =
    filed !== undefined &&
    filed.reviewId === command.data.reviewId &&
    filed.contentHash === command.data.contentHash &&
    progressReportHash(work.workItemId, filed.version, filed.report) === command.data.contentHash;
  if (!current) throw conflict(REVIEWED_VERSION_OUTDATED, `Report ${command.data.version} of key work item ${work.workItemId} is not the one reviewed: nothing was published.`);
  return [
    {
      type: 'KeyWorkProgressPublished',
      data: { workItemId: work.workItemId, reportNumber: command.data.version, contentHash: command.data.contentHash, reviewId: command.data.reviewId, publishedAt: context.now.toISOString() },
    },
  ];
};

export const decideKeyWorkItem = (command: KeyWorkItemCommand, state: KeyWorkItemState, context: DecideContext): KeyWorkItemEvent[] => {
  switch (command.type) {
    case 'CreateKeyWorkItem':
      return create(command, state, context);
    case 'ReportKeyWorkProgress':
      return report(command, state, context);
    case 'PublishReviewedProgressReport':
      return publishReviewed(command, state, context);
    default:
      return assertNever(command);
  }
};

/** A key work item (重点工作) whose execution is published report by report. */
export const keyWorkItemDecider: Decider<KeyWorkItemCommand, KeyWorkItemEvent, KeyWorkItemState> = {
  initialState: initialKeyWorkItemState,
  decide: decideKeyWorkItem,
  evolve: evolveKeyWorkItem,
};
