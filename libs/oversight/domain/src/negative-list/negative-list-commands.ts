import { CITY_AGENCY_CODE, assertNever, badInput, conflict, type DecideContext, type Decider, notFound, requireAgency, requireAgencyScope, requireRole, requireText } from '@gongkai/kernel';
import { evolveNegativeList, initialNegativeListState, type NegativeListEvent, type NegativeListState } from './negative-list-events';

export type NegativeListCommand =
  | { type: 'AddNegativeListItem'; data: { agencyCode?: string; code: string; description: string; legalBasis: string } }
  | { type: 'RetireNegativeListItem'; data: { agencyCode?: string; code: string; reason: string } };

export const NEGATIVE_LIST_COMMAND_TYPES: readonly NegativeListCommand['type'][] = ['AddNegativeListItem', 'RetireNegativeListItem'];

/** Codes as the list prints them, e.g. NL-01: upper-case letters, digits and hyphens. */
const CODE = /^[A-Z][A-Z0-9-]{1,31}$/;

export const requireNegativeListCode = (field: string, value: unknown): string => {
  const code = requireText(field, value, { max: 32 }).toUpperCase();
  if (!CODE.test(code)) throw badInput('INVALID_NEGATIVE_LIST_CODE', `${field} must be a code such as NL-01: letters, digits and hyphens.`, { field });
  return code;
};

/** The list is kept by the office (办公室, work plan task 7) for its agency. */
const requireListKeeper = (context: DecideContext, agencyCode: unknown): string => {
  requireRole(context.actor, 'office', 'admin');
  const agency = requireAgency('agencyCode', agencyCode ?? context.actor.agencyCode ?? CITY_AGENCY_CODE);
  requireAgencyScope(context.actor, agency);
  return agency;
};

const add = (command: Extract<NegativeListCommand, { type: 'AddNegativeListItem' }>, state: NegativeListState, context: DecideContext): NegativeListEvent[] => {
  const agencyCode = requireListKeeper(context, command.data.agencyCode);
  const code = requireNegativeListCode('code', command.data.code);
  // A retired code keeps its meaning in old rejections, so it is never given a new one.
  if (state.items[code]) throw conflict('NEGATIVE_LIST_CODE_TAKEN', `The negative list already has (or had) an item ${code}; choose another code.`);
  const description = requireText('description', command.data.description, { max: 2000 });
  // Withholding needs a legal basis (Regulations Art. 14–16, 36): an item without one cannot be listed.
  const legalBasis = requireText('legalBasis', command.data.legalBasis, { max: 2000 });
  return [{ type: 'NegativeListItemAdded', data: { agencyCode, code, description, legalBasis, listVersion: state.version + 1, addedAt: context.now.toISOString() } }];
};

const retire = (command: Extract<NegativeListCommand, { type: 'RetireNegativeListItem' }>, state: NegativeListState, context: DecideContext): NegativeListEvent[] => {
  const agencyCode = requireListKeeper(context, command.data.agencyCode);
  const code = requireNegativeListCode('code', command.data.code);
  const item = state.items[code];
  if (!item) throw notFound('NEGATIVE_LIST_ITEM_NOT_FOUND', `The negative list has no item ${code}.`);
  if (item.retired) throw conflict('NEGATIVE_LIST_ITEM_RETIRED', `Negative-list item ${code} is already retired.`);
  const reason = requireText('reason', command.data.reason, { max: 2000 });
  return [{ type: 'NegativeListItemRetired', data: { agencyCode, code, reason, listVersion: state.version + 1, retiredAt: context.now.toISOString() } }];
};

export const decideNegativeList = (command: NegativeListCommand, state: NegativeListState, context: DecideContext): NegativeListEvent[] => {
  switch (command.type) {
    case 'AddNegativeListItem':
      return add(command, state, context);
    case 'RetireNegativeListItem':
      return retire(command, state, context);
    default:
      return assertNever(command);
  }
};

export const negativeListDecider: Decider<NegativeListCommand, NegativeListEvent, NegativeListState> = {
  initialState: initialNegativeListState,
  decide: decideNegativeList,
  evolve: evolveNegativeList,
};
