import type { PublicationSubject } from '@gongkai/contracts';
import { REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import {
  assertNever,
  conflict,
  contentHash,
  type DecideContext,
  type Decider,
  notFound,
  requireAgency,
  requireDepartmentScope,
  requireRole,
  requireStaffFor,
  requireText,
} from '@gongkai/kernel';
import { type ServiceGuide, validateServiceGuide } from './service-guide';
import { evolveServiceItem, initialServiceItemState, type ServiceItemEvent, type ServiceItemState } from './service-item-events';

export const SERVICE_GUIDE_ITEM_TYPE = 'SERVICE_GUIDE';

type GuideInput = Readonly<Record<string, unknown>>;

export type ServiceItemCommand =
  | { type: 'DraftServiceItem'; data: { itemId: string; agencyCode: string; guide: GuideInput } }
  | { type: 'ReviseServiceItem'; data: { itemId: string; expectedVersion: number; guide: GuideInput; changeSummary: string } }
  | { type: 'RequestServiceItemPublication'; data: { itemId: string; expectedVersion: number; reviewId: string } }
  | { type: 'PublishReviewedServiceItem'; data: { itemId: string; version: number; contentHash: string; reviewId: string } }
  | { type: 'RetireServiceItem'; data: { itemId: string; reason: string } };

type Existing = Exclude<ServiceItemState, { status: 'NONE' }>;

/** The content a reviewer approves: the guide of exactly one version of one item. */
export const serviceGuideContentHash = (itemId: string, version: number, guide: ServiceGuide): string => contentHash({ itemId, version, guide });

const requireExisting = (state: ServiceItemState, itemId: string): Existing => {
  if (state.status === 'NONE') throw notFound('SERVICE_ITEM_NOT_FOUND', `There is no service item ${itemId}.`);
  return state;
};

const requireCurrentVersion = (state: Existing, expectedVersion: number): void => {
  if (state.version !== expectedVersion) {
    throw conflict('STALE_VERSION', `Service item ${state.itemId} is at version ${state.version}, not ${expectedVersion}: reload it and try again.`, {
      currentVersion: state.version,
    });
  }
};

const requireNotRetired = (state: Existing): void => {
  if (state.status === 'RETIRED') throw conflict('SERVICE_ITEM_RETIRED', `Service item ${state.itemId} is retired and can no longer change.`);
};

const draft = (command: Extract<ServiceItemCommand, { type: 'DraftServiceItem' }>, state: ServiceItemState, context: DecideContext): ServiceItemEvent[] => {
  // Who may act is settled before what they sent is examined: the public learns nothing from validation.
  requireRole(context.actor, 'staff', 'office', 'admin');
  if (state.status !== 'NONE') throw conflict('SERVICE_ITEM_EXISTS', `Service item ${command.data.itemId} already exists.`);
  const agencyCode = requireAgency('agencyCode', command.data.agencyCode);
  const guide = validateServiceGuide(command.data.guide);
  requireStaffFor(context, agencyCode, guide.departmentCode);
  return [{ type: 'ServiceItemDrafted', data: { itemId: command.data.itemId, agencyCode, version: 1, guide } }];
};

const revise = (command: Extract<ServiceItemCommand, { type: 'ReviseServiceItem' }>, state: ServiceItemState, context: DecideContext): ServiceItemEvent[] => {
  const item = requireExisting(state, command.data.itemId);
  requireStaffFor(context, item.agencyCode, item.guide.departmentCode);
  requireNotRetired(item);
  requireCurrentVersion(item, command.data.expectedVersion);
  const guide = validateServiceGuide(command.data.guide);
  // Moving an item to another department is the receiving department's act as well.
  requireDepartmentScope(context.actor, guide.departmentCode);
  const changeSummary = requireText('changeSummary', command.data.changeSummary, { max: 1000, optional: true });
  return [
    {
      type: 'ServiceItemRevised',
      data: {
        itemId: item.itemId,
        version: item.version + 1,
        guide,
        changeSummary,
        ...(item.pendingReviewId ? { withdrawnReviewId: item.pendingReviewId } : {}),
      },
    },
  ];
};

const requestPublication = (
  command: Extract<ServiceItemCommand, { type: 'RequestServiceItemPublication' }>,
  state: ServiceItemState,
  context: DecideContext,
): ServiceItemEvent[] => {
  const item = requireExisting(state, command.data.itemId);
  requireStaffFor(context, item.agencyCode, item.guide.departmentCode);
  requireNotRetired(item);
  requireCurrentVersion(item, command.data.expectedVersion);
  if (item.status === 'PENDING_REVIEW') throw conflict('REVIEW_ALREADY_PENDING', `Version ${item.version} of service item ${item.itemId} is already waiting for review.`);
  if (item.publishedVersion === item.version) throw conflict('VERSION_ALREADY_PUBLISHED', `Version ${item.version} of service item ${item.itemId} is already published.`);
  const hash = serviceGuideContentHash(item.itemId, item.version, item.guide);
  const publicationRequest: PublicationSubject = {
    reviewId: command.data.reviewId,
    itemType: SERVICE_GUIDE_ITEM_TYPE,
    itemId: item.itemId,
    itemVersion: item.version,
    contentHash: hash,
    title: item.guide.name,
    agencyCode: item.agencyCode,
    departmentCode: item.guide.departmentCode,
    requestedBy: context.actor.id,
  };
  return [{ type: 'ServiceItemPublicationRequested', data: { itemId: item.itemId, version: item.version, contentHash: hash, publicationRequest } }];
};

/** 先审查、后公开: only the version and content a reviewer approved can be published. */
const publishReviewed = (
  command: Extract<ServiceItemCommand, { type: 'PublishReviewedServiceItem' }>,
  state: ServiceItemState,
  context: DecideContext,
): ServiceItemEvent[] => {
  requireRole(context.actor, 'system');
  const item = requireExisting(state, command.data.itemId);
  if (item.publishedVersion === command.data.version && item.status === 'PUBLISHED') return []; // already done: a redelivery
  const current =
    item.status === 'PENDING_REVIEW' &&
    item.version === command.data.version &&
    item.pendingReviewId === command.data.reviewId &&
    item.pendingContentHash === command.data.contentHash &&
    serviceGuideContentHash(item.itemId, item.version, item.guide) === command.data.contentHash;
  if (!current) {
    throw conflict(REVIEWED_VERSION_OUTDATED, `Service item ${item.itemId} changed after version ${command.data.version} was reviewed: nothing was published.`);
  }
  return [
    {
      type: 'ServiceItemPublished',
      data: { itemId: item.itemId, version: item.version, contentHash: command.data.contentHash, reviewId: command.data.reviewId, publishedAt: context.now.toISOString() },
    },
  ];
};

const retire = (command: Extract<ServiceItemCommand, { type: 'RetireServiceItem' }>, state: ServiceItemState, context: DecideContext): ServiceItemEvent[] => {
  const item = requireExisting(state, command.data.itemId);
  requireStaffFor(context, item.agencyCode, item.guide.departmentCode);
  requireNotRetired(item);
  const reason = requireText('reason', command.data.reason, { max: 1000 });
  return [
    {
      type: 'ServiceItemRetired',
      data: { itemId: item.itemId, reason, retiredAt: context.now.toISOString(), ...(item.pendingReviewId ? { withdrawnReviewId: item.pendingReviewId } : {}) },
    },
  ];
};

export const decideServiceItem = (command: ServiceItemCommand, state: ServiceItemState, context: DecideContext): ServiceItemEvent[] => {
  switch (command.type) {
    case 'DraftServiceItem':
      return draft(command, state, context);
    case 'ReviseServiceItem':
      return revise(command, state, context);
    case 'RequestServiceItemPublication':
      return requestPublication(command, state, context);
    case 'PublishReviewedServiceItem':
      return publishReviewed(command, state, context);
    case 'RetireServiceItem':
      return retire(command, state, context);
    default:
      return assertNever(command);
  }
};

export const serviceItemDecider: Decider<ServiceItemCommand, ServiceItemEvent, ServiceItemState> = {
  initialState: initialServiceItemState,
  decide: decideServiceItem,
  evolve: evolveServiceItem,
};
