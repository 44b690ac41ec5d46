import { type PublicationSubject, REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import {
  CITY_AGENCY_CODE,
  assertNever,
  conflict,
  contentHash,
  type DecideContext,
  type Decider,
  notFound,
  requireAgency,
  requireAgencyScope,
  requireDepartment,
  requireOneOf,
  requireRole,
  requireText,
} from '@gongkai/kernel';
import { requireId } from '../oversight-rules';
import {
  evolvePowerListItem,
  initialPowerListItemState,
  POWER_ADJUSTMENTS,
  POWER_KINDS,
  type PowerAdjustment,
  type PowerListEntry,
  type PowerListEvent,
  type PowerListItemState,
} from './power-list-events';

export const POWER_LIST_ITEM_TYPE = 'POWER_LIST_ITEM';

type Input = Readonly<Record<string, unknown>>;

export type PowerListCommand =
  | { type: 'AdjustPowerListItem'; data: { itemId: string; agencyCode?: string; reviewId: string; adjustment: string; entry?: Input | null; reason: string } }
  | { type: 'PublishReviewedPowerListItem'; data: { itemId: string; version: number; contentHash: string; reviewId: string } };

export const POWER_LIST_COMMAND_TYPES: readonly PowerListCommand['type'][] = ['AdjustPowerListItem', 'PublishReviewedPowerListItem'];

type Active = Extract<PowerListItemState, { status: 'ACTIVE' }>;

/** The content a reviewer approves: one adjustment of one power, with its reason. */
export const powerListContentHash = (itemId: string, version: number, adjustment: PowerAdjustment, entry: PowerListEntry, reason: string): string =>
  contentHash({ itemId, version, adjustment, entry, reason });

const validateEntry = (input: Input | null | undefined): PowerListEntry => {
  const entry = input ?? {};
  return {
    name: requireText('entry.name', entry['name'], { max: 200 }),
    kind: requireOneOf('entry.kind', entry['kind'], POWER_KINDS),
    departmentCode: requireDepartment('entry.departmentCode', entry['departmentCode']),
    // A power without a legal basis is not a power (职权法定).
    legalBasis: requireText('entry.legalBasis', entry['legalBasis'], { max: 2000 }),
  };
};

/** What the adjustment makes of the item; REMOVE keeps the terms that are being withdrawn. */
const adjustedEntry = (adjustment: PowerAdjustment, state: PowerListItemState, input: Input | null | undefined, itemId: string): PowerListEntry => {
  if (adjustment === 'ADD') {
    if (state.status !== 'NONE') throw conflict('POWER_LIST_ITEM_EXISTS', `Power-list item ${itemId} already exists: adjust it with MODIFY or REMOVE.`);
    return validateEntry(input);
  }
  if (state.status === 'NONE') throw notFound('POWER_LIST_ITEM_NOT_FOUND', `There is no power-list item ${itemId}.`);
  if (state.removed) throw conflict('POWER_LIST_ITEM_REMOVED', `Power-list item ${itemId} was removed from the list and can no longer change.`);
  if (adjustment === 'MODIFY') return validateEntry(input);
  if (state.publishedVersion === undefined) throw conflict('POWER_LIST_ITEM_NOT_PUBLISHED', `Power-list item ${itemId} was never published: there is nothing to remove.`);
  return state.entry;
};

const adjust = (command: Extract<PowerListCommand, { type: 'AdjustPowerListItem' }>, state: PowerListItemState, context: DecideContext): PowerListEvent[] => {
  // The office keeps the list (work plan task 7: 完善政府部门权责清单制度).
  requireRole(context.actor, 'office', 'admin');
  const itemId = requireId('itemId', command.data.itemId);
  const agencyCode = state.status === 'ACTIVE' ? state.agencyCode : requireAgency('agencyCode', command.data.agencyCode ?? context.actor.agencyCode ?? CITY_AGENCY_CODE);
  requireAgencyScope(context.actor, agencyCode);
  const adjustment = requireOneOf('adjustment', command.data.adjustment, POWER_ADJUSTMENTS);
  const entry = adjustedEntry(adjustment, state, command.data.entry, itemId);
  // Every adjustment says why (动态调整须说明理由).
  const reason = requireText('reason', command.data.reason, { max: 2000 });
  const version = state.status === 'ACTIVE' ? state.version + 1 : 1;
  const hash = powerListContentHash(itemId, version, adjustment, entry, reason);
  const publicationRequest: PublicationSubject = {
    reviewId: requireId('reviewId', command.data.reviewId),
    itemType: POWER_LIST_ITEM_TYPE,
    itemId,
    itemVersion: version,
    contentHash: hash,
    title: `权责清单：${entry.name}`,
    agencyCode,
    departmentCode: entry.departmentCode,
    requestedBy: context.actor.id,
  };
  const withdrawn = state.status === 'ACTIVE' && state.pending ? { withdrawnReviewId: state.pending.reviewId } : {};
  return [{ type: 'PowerListItemAdjusted', data: { itemId, agencyCode, version, adjustment, entry, reason, contentHash: hash, publicationRequest, ...withdrawn } }];
};

/** 先审查、后公开: exactly the reviewed adjustment is published. */
const publishReviewed = (command: Extract<PowerListCommand, { type: 'PublishReviewedPowerListItem' }>, state: PowerListItemState, context: DecideContext): PowerListEvent[] => {
  requireRole(context.actor, 'system');
  if (state.status === 'NONE') throw notFound('POWER_LIST_ITEM_NOT_FOUND', `There is no power-list item ${command.data.itemId}.`);
  const item: Active = state;
  if (item.publishedVersion === command.data.version && !item.pending) return []; // a redelivery
  const current =
    item.version === command.data.version &&
    item.pending?.reviewId === command.data.reviewId &&
    item.pending.contentHash === command.data.contentHash &&
    powerListContentHash(item.itemId, item.version, item.adjustment, item.entry, item.reason) === command.data.contentHash;
  if (!current) throw conflict(REVIEWED_VERSION_OUTDATED, `Power-list item ${item.itemId} changed after version ${command.data.version} was reviewed: nothing was published.`);
  return [
    {
      type: 'PowerListItemPublished',
      data: { itemId: item.itemId, version: item.version, adjustment: item.adjustment, contentHash: command.data.contentHash, reviewId: command.data.reviewId, publishedAt: context.now.toISOString() },
    },
  ];
};

export const decidePowerListItem = (command: PowerListCommand, state: PowerListItemState, context: DecideContext): PowerListEvent[] => {
  switch (command.type) {
    case 'AdjustPowerListItem':
      return adjust(command, state, context);
    case 'PublishReviewedPowerListItem':
      return publishReviewed(command, state, context);
    default:
      return assertNever(command);
  }
};

export const powerListItemDecider: Decider<PowerListCommand, PowerListEvent, PowerListItemState> = {
  initialState: initialPowerListItemState,
  decide: decidePowerListItem,
  evolve: evolvePowerListItem,
};
