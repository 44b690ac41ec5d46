import { requireLocalDate } from '@gongkai/calendar';
import { type PublicationSubject, REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import {
  assertNever,
  badInput,
  conflict,
  contentHash,
  type DecideContext,
  type Decider,
  type LocalDate,
  notFound,
  requireInteger,
  requireRole,
  requireText,
} from '@gongkai/kernel';
import { lastBlacklistChange } from './blacklist';
import { todayOf } from './disclosure-guards';
import { type EnterpriseEvent, type EnterpriseState, evolveEnterprise, initialEnterpriseState, type RegisterChange } from './enterprise-events';
import { requireEnterpriseScope, validateEnterpriseProfile } from './enterprise-profile';
import { SUPERVISION_PUBLICATION_ITEM_TYPES } from './publication-items';

export type EnterpriseCommand =
  | { type: 'RegisterEnterprise'; data: { creditCode: string; enterprise: Readonly<Record<string, unknown>> } }
  | { type: 'AddToBlacklist'; data: { creditCode: string; reason: string; legalBasis: string; on: string; reviewId: string } }
  | { type: 'RemoveFromBlacklist'; data: { creditCode: string; reason: string; on: string; reviewId: string } }
  | { type: 'ListKeyMonitoredEnterprise'; data: { creditCode: string; year: number; reviewId: string } }
  | { type: 'PublishReviewedRegisterChange'; data: { creditCode: string; sequence: number; contentHash: string; reviewId: string } };

export const ENTERPRISE_COMMAND_TYPES = [
  'RegisterEnterprise',
  'AddToBlacklist',
  'RemoveFromBlacklist',
  'ListKeyMonitoredEnterprise',
  'PublishReviewedRegisterChange',
] as const satisfies readonly EnterpriseCommand['type'][];

type Registered = Extract<EnterpriseState, { status: 'REGISTERED' }>;
type CommandOf<T extends EnterpriseCommand['type']> = Extract<EnterpriseCommand, { type: T }>;

export const registerChangeHash = (creditCode: string, sequence: number, change: RegisterChange): string => contentHash({ creditCode, sequence, change });

const requireEnterprise = (state: EnterpriseState, creditCode: string, context: DecideContext): Registered => {
  requireRole(context.actor, 'staff', 'office', 'admin');
  if (state.status === 'NONE') throw notFound('ENTERPRISE_NOT_FOUND', `No enterprise with credit code ${creditCode} is registered.`);
  requireEnterpriseScope(context.actor, state.profile.countyCode);
  return state;
};

const requirePastDay = (field: string, value: unknown, context: DecideContext): LocalDate => {
  const day = requireLocalDate(field, value);
  if (day > todayOf(context)) throw badInput('DATE_IN_FUTURE', `${field} ${day} is after today.`, { field });
  return day;
};

/** Every register change is disclosed only after review (先审查、后公开); recording it opens the review. */
const changed = (enterprise: Registered, change: RegisterChange, reviewId: string, context: DecideContext): EnterpriseEvent[] => {
  const { creditCode, name } = enterprise.profile;
  const sequence = enterprise.changes.length + 1;
  const hash = registerChangeHash(creditCode, sequence, change);
  const publicationRequest: PublicationSubject = {
    reviewId,
    itemType: SUPERVISION_PUBLICATION_ITEM_TYPES.enterpriseRegisterChange,
    itemId: creditCode,
    itemVersion: sequence,
    contentHash: hash,
    title: `${name}：${change.kind === 'BLACKLIST_ENTRY' ? '列入黑名单' : change.kind === 'BLACKLIST_EXIT' ? '移出黑名单' : `列入${change.year}年重点排污单位名录`}`,
    agencyCode: context.actor.agencyCode ?? enterprise.agencyCode,
    departmentCode: context.actor.departmentCode ?? 'SUPERVISION',
    requestedBy: context.actor.id,
  };
  return [{ type: 'EnterpriseRegisterChanged', data: { creditCode, sequence, change, contentHash: hash, recordedAt: context.now.toISOString(), publicationRequest } }];
};

const register = (command: CommandOf<'RegisterEnterprise'>, state: EnterpriseState, context: DecideContext): EnterpriseEvent[] => {
  requireRole(context.actor, 'staff', 'office', 'admin');
  const profile = validateEnterpriseProfile({ ...command.data.enterprise, creditCode: command.data.creditCode });
  requireEnterpriseScope(context.actor, profile.countyCode);
  if (state.status !== 'NONE') throw conflict('ENTERPRISE_EXISTS', `An enterprise with credit code ${profile.creditCode} is already registered.`);
  const agencyCode = context.actor.agencyCode ?? profile.countyCode;
  return [{ type: 'EnterpriseRegistered', data: { ...profile, agencyCode, registeredAt: context.now.toISOString() } }];
};

const addToBlacklist = (command: CommandOf<'AddToBlacklist'>, state: EnterpriseState, context: DecideContext): EnterpriseEvent[] => {
  const enterprise = requireEnterprise(state, command.data.creditCode, context);
  const reason = requireText('reason', command.data.reason, { max: 2000 });
  const legalBasis = requireText('legalBasis', command.data.legalBasis, { max: 2000 });
  const on = requirePastDay('on', command.data.on, context);
  const last = lastBlacklistChange(enterprise.changes.map((c) => c.change));
  if (last?.kind === 'BLACKLIST_ENTRY') throw badInput('ALREADY_BLACKLISTED', `${enterprise.profile.name} is on the blacklist since ${last.on}.`, { field: 'creditCode' });
  if (last?.kind === 'BLACKLIST_EXIT' && on < last.on) throw badInput('BLACKLIST_DATE_OUT_OF_ORDER', `on may not be before the last exit (${last.on}).`, { field: 'on' });
  return changed(enterprise, { kind: 'BLACKLIST_ENTRY', on, reason, legalBasis }, command.data.reviewId, context);
};

const removeFromBlacklist = (command: CommandOf<'RemoveFromBlacklist'>, state: EnterpriseState, context: DecideContext): EnterpriseEvent[] => {
  const enterprise = requireEnterprise(state, command.data.creditCode, context);
  const reason = requireText('reason', command.data.reason, { max: 2000 });
  const on = requirePastDay('on', command.data.on, context);
  const last = lastBlacklistChange(enterprise.changes.map((c) => c.change));
  if (last?.kind !== 'BLACKLIST_ENTRY') throw badInput('NOT_BLACKLISTED', `${enterprise.profile.name} is not on the blacklist.`, { field: 'creditCode' });
  if (on < last.on) throw badInput('BLACKLIST_DATE_OUT_OF_ORDER', `on may not be before the entry (${last.on}).`, { field: 'on' });
  return changed(enterprise, { kind: 'BLACKLIST_EXIT', on, reason }, command.data.reviewId, context);
};

/** The list of key monitored enterprises (重点排污单位名录) is drawn up per year, for the year or the next. */
const listKeyMonitored = (command: CommandOf<'ListKeyMonitoredEnterprise'>, state: EnterpriseState, context: DecideContext): EnterpriseEvent[] => {
  const enterprise = requireEnterprise(state, command.data.creditCode, context);
  const thisYear = Number(todayOf(context).slice(0, 4));
  const year = requireInteger('year', command.data.year, { min: 2000, max: thisYear + 1 });
  if (enterprise.changes.some((c) => c.change.kind === 'KEY_MONITORED' && c.change.year === year)) {
    throw badInput('ALREADY_KEY_MONITORED', `${enterprise.profile.name} is already on the ${year} list.`, { field: 'year' });
  }
  return changed(enterprise, { kind: 'KEY_MONITORED', year }, command.data.reviewId, context);
};

const publishReviewed = (command: CommandOf<'PublishReviewedRegisterChange'>, state: EnterpriseState, context: DecideContext): EnterpriseEvent[] => {
  requireRole(context.actor, 'system');
  if (state.status === 'NONE') throw notFound('ENTERPRISE_NOT_FOUND', `No enterprise with credit code ${command.data.creditCode} is registered.`);
  const { sequence, contentHash: hash, reviewId } = command.data;
  const recorded = state.changes.find((c) => c.sequence === sequence);
  if (recorded?.published) return []; // a redelivery
  if (!recorded || recorded.reviewId !== reviewId || recorded.contentHash !== hash) {
    throw conflict(REVIEWED_VERSION_OUTDATED, `Change ${sequence} of ${state.profile.creditCode} is not the content that was reviewed.`);
  }
  return [{ type: 'EnterpriseRegisterChangePublished', data: { creditCode: state.profile.creditCode, sequence, reviewId, contentHash: hash, publishedAt: context.now.toISOString() } }];
};

export const decideEnterprise = (command: EnterpriseCommand, state: EnterpriseState, context: DecideContext): EnterpriseEvent[] => {
  switch (command.type) {
    case 'RegisterEnterprise':
      return register(command, state, context);
    case 'AddToBlacklist':
      return addToBlacklist(command, state, context);
    case 'RemoveFromBlacklist':
      return removeFromBlacklist(command, state, context);
    case 'ListKeyMonitoredEnterprise':
      return listKeyMonitored(command, state, context);
    case 'PublishReviewedRegisterChange':
      return publishReviewed(command, state, context);
    default:
      return assertNever(command);
  }
};

/** An enterprise (监管企业) and its entries in the blacklist and the key monitored list. */
export const enterpriseDecider: Decider<EnterpriseCommand, EnterpriseEvent, EnterpriseState> = {
  initialState: initialEnterpriseState,
  decide: decideEnterprise,
  evolve: evolveEnterprise,
};
