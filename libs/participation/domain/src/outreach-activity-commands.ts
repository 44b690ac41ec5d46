import { isLocalDate, localDateOf } from '@gongkai/calendar';
import { type PublicationSubject, REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import {
  assertNever,
  badInput,
  conflict,
  contentHash,
  type DecideContext,
  type Decider,
  notFound,
  requireAgency,
  requireDepartment,
  requireInteger,
  requireRole,
  requireStaffFor,
  requireText,
} from '@gongkai/kernel';
import {
  type ActivityDetails,
  type ActivityOutcome,
  evolveOutreachActivity,
  initialOutreachActivityState,
  type OutreachActivityEvent,
  type OutreachActivityState,
} from './outreach-activity-events';

export const OUTREACH_ACTIVITY_ITEM_TYPE = 'OUTREACH_ACTIVITY';
const MAX_PARTICIPANTS = 10_000_000;

export type OutreachActivityCommand =
  | { type: 'AnnounceActivity'; data: { activityId: string; agencyCode: string; details: Readonly<Record<string, unknown>>; reviewId: string } }
  | { type: 'RecordActivityOutcome'; data: { activityId: string; participants: number; summary: string; reviewId: string } }
  | { type: 'PublishReviewedActivity'; data: { activityId: string; version: number; contentHash: string; reviewId: string } };

type CommandOf<T extends OutreachActivityCommand['type']> = Extract<OutreachActivityCommand, { type: T }>;
type Existing = Exclude<OutreachActivityState, { status: 'NONE' }>;

/** The content a reviewer approves: the announcement and, once recorded, the outcome, of exactly one version. */
export const outreachActivityContentHash = (activityId: string, version: number, details: ActivityDetails, outcome: ActivityOutcome | undefined): string =>
  contentHash({ activityId, version, details, outcome: outcome ?? null });

const requireExisting = (state: OutreachActivityState, activityId: string): Existing => {
  if (state.status === 'NONE') throw notFound('ACTIVITY_NOT_FOUND', `There is no outreach activity ${activityId}.`);
  return state;
};

const validateDetails = (input: Readonly<Record<string, unknown>>): ActivityDetails => {
  const date = input['date'];
  if (!isLocalDate(date)) throw badInput('INVALID_DATE', 'date must be a day written YYYY-MM-DD.', { field: 'date' });
  return {
    title: requireText('title', input['title'], { max: 200 }),
    date,
    place: requireText('place', input['place'], { max: 200 }),
    organiser: requireText('organiser', input['organiser'], { max: 200 }),
    description: requireText('description', input['description'], { max: 5000 }),
    departmentCode: requireDepartment('departmentCode', input['departmentCode']),
  };
};

const publicationRequestOf = (context: DecideContext, activity: { activityId: string; agencyCode: string; version: number; details: ActivityDetails }, hash: string, reviewId: unknown): PublicationSubject => ({
  reviewId: requireText('reviewId', reviewId, { max: 128 }),
  itemType: OUTREACH_ACTIVITY_ITEM_TYPE,
  itemId: activity.activityId,
  itemVersion: activity.version,
  contentHash: hash,
  title: activity.details.title,
  agencyCode: activity.agencyCode,
  departmentCode: activity.details.departmentCode,
  requestedBy: context.actor.id,
});

const announce = (command: CommandOf<'AnnounceActivity'>, state: OutreachActivityState, context: DecideContext): OutreachActivityEvent[] => {
  // Who may act is settled before what they sent is examined: the public learns nothing from validation.
  requireRole(context.actor, 'staff', 'office', 'admin');
  if (state.status !== 'NONE') throw conflict('ACTIVITY_EXISTS', `Outreach activity ${command.data.activityId} already exists.`);
  const agencyCode = requireAgency('agencyCode', command.data.agencyCode);
  const details = validateDetails(command.data.details);
  requireStaffFor(context, agencyCode, details.departmentCode);
  // An announcement tells the public what is coming; a past activity is recorded by its outcome instead.
  if (details.date < localDateOf(context.now)) throw badInput('ACTIVITY_DATE_PAST', 'An activity is announced before it takes place: date must be today or later.', { field: 'date' });
  const activity = { activityId: command.data.activityId, agencyCode, version: 1 as const, details };
  const hash = outreachActivityContentHash(activity.activityId, 1, details, undefined);
  return [{ type: 'OutreachActivityAnnounced', data: { ...activity, contentHash: hash, publicationRequest: publicationRequestOf(context, activity, hash, command.data.reviewId) } }];
};

const recordOutcome = (command: CommandOf<'RecordActivityOutcome'>, state: OutreachActivityState, context: DecideContext): OutreachActivityEvent[] => {
  const activity = requireExisting(state, command.data.activityId);
  requireStaffFor(context, activity.agencyCode, activity.details.departmentCode);
  const today = localDateOf(context.now);
  if (today < activity.details.date) {
    throw conflict('ACTIVITY_NOT_YET_HELD', `Outreach activity ${activity.activityId} takes place on ${activity.details.date}: its outcome is recorded on or after that day.`);
  }
  const participants = requireInteger('participants', command.data.participants, { min: 0, max: MAX_PARTICIPANTS });
  const summary = requireText('summary', command.data.summary, { max: 5000 });
  if (activity.outcome?.participants === participants && activity.outcome.summary === summary) return [];
  const outcome: ActivityOutcome = { participants, summary, recordedOn: today };
  const version = activity.version + 1;
  const hash = outreachActivityContentHash(activity.activityId, version, activity.details, outcome);
  return [
    {
      type: 'OutreachActivityOutcomeRecorded',
      data: {
        activityId: activity.activityId,
        version,
        outcome,
        contentHash: hash,
        publicationRequest: publicationRequestOf(context, { ...activity, version }, hash, command.data.reviewId),
        // The version waiting for review is replaced by this one: its review is superseded.
        ...(activity.pendingReviewId ? { withdrawnReviewId: activity.pendingReviewId } : {}),
      },
    },
  ];
};

/** 先审查、后公开: only the version and content a reviewer approved can be published. */
const publishReviewed = (command: CommandOf<'PublishReviewedActivity'>, state: OutreachActivityState, context: DecideContext): OutreachActivityEvent[] => {
  requireRole(context.actor, 'system');
  const activity = requireExisting(state, command.data.activityId);
  if (activity.publishedVersion === command.data.version && activity.status === 'PUBLISHED') return [];
  const current =
    activity.version === command.data.version &&
    activity.pendingReviewId === command.data.reviewId &&
    activity.pendingContentHash === command.data.contentHash &&
    outreachActivityContentHash(activity.activityId, activity.version, activity.details, activity.outcome) === command.data.contentHash;
  if (!current) throw conflict(REVIEWED_VERSION_OUTDATED, `Outreach activity ${activity.activityId} changed after version ${command.data.version} was reviewed: nothing was published.`);
  return [
    {
      type: 'OutreachActivityPublished',
      data: { activityId: activity.activityId, version: activity.version, contentHash: command.data.contentHash, reviewId: command.data.reviewId, publishedAt: context.now.toISOString() },
    },
  ];
};

export const decideOutreachActivity = (command: OutreachActivityCommand, state: OutreachActivityState, context: DecideContext): OutreachActivityEvent[] => {
  switch (command.type) {
    case 'AnnounceActivity':
      return announce(command, state, context);
    case 'RecordActivityOutcome':
      return recordOutcome(command, state, context);
    case 'PublishReviewedActivity':
      return publishReviewed(command, state, context);
    default:
      return assertNever(command);
  }
};

export const outreachActivityDecider: Decider<OutreachActivityCommand, OutreachActivityEvent, OutreachActivityState> = {
  initialState: initialOutreachActivityState,
  decide: decideOutreachActivity,
  evolve: evolveOutreachActivity,
};
