import { assertNever, badInput, type DecideContext, type Decider, type LocalDate, requireAgency, requireAgencyScope, requireRole, requireText } from '@gongkai/kernel';
import { localDateOf } from '@gongkai/calendar';
import { MESSAGE_KINDS, type MessageKind } from './public-message-events';

/**
 * The answer time limits (答复时限) of public messages, in working days per kind: a commitment the
 * bureau makes to the public, so the office (or an admin) sets it as an audited decision with its
 * reason, not as a setting only operators see. A message keeps the limit in force when it arrived.
 */
export type AnswerLimits = Readonly<Record<MessageKind, number>>;

/** The default for every kind. */
export const DEFAULT_ANSWER_LIMIT_WORKING_DAYS = 5;
export const DEFAULT_ANSWER_LIMITS: AnswerLimits = { INQUIRY: 5, SUGGESTION: 5, COMPLAINT: 5 };

/** No message waits longer than a formal information request may (Regulations Art. 33: 20 working days). */
export const MAX_ANSWER_LIMIT_WORKING_DAYS = 20;

export type AnswerLimitsEvent = {
  type: 'MessageAnswerLimitsSet';
  data: { agencyCode: string; limits: AnswerLimits; reason: string; setBy: string; setOn: LocalDate };
};

export type AnswerLimitsCommand = {
  type: 'SetMessageAnswerLimits';
  /** Kinds not named keep their limit. */
  data: { agencyCode: string; limits: Partial<Record<string, unknown>>; reason: string };
};

export type AnswerLimitsState = { readonly agencyCode?: string; readonly limits: AnswerLimits };

/** One limit, checked where it is set and again where a message is received under it. */
export const requireAnswerLimit = (kind: string, value: unknown): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_ANSWER_LIMIT_WORKING_DAYS) {
    throw badInput(
      'ANSWER_LIMIT_OUT_OF_RANGE',
      `The answer time limit for ${kind} must be a whole number of working days from 1 to ${MAX_ANSWER_LIMIT_WORKING_DAYS} (a formal information request has 20, Regulations Art. 33).`,
      { field: 'limits', kind, min: 1, max: MAX_ANSWER_LIMIT_WORKING_DAYS },
    );
  }
  return value;
};

const set = (command: AnswerLimitsCommand, state: AnswerLimitsState, context: DecideContext): AnswerLimitsEvent[] => {
  requireRole(context.actor, 'office', 'admin');
  const agencyCode = requireAgency('agencyCode', command.data.agencyCode);
  requireAgencyScope(context.actor, agencyCode);
  const given = command.data.limits ?? {};
  const unknown = Object.keys(given).filter((kind) => !MESSAGE_KINDS.includes(kind as MessageKind));
  if (unknown.length > 0) throw badInput('NOT_ALLOWED_VALUE', `limits are set per kind: ${MESSAGE_KINDS.join(', ')}.`, { field: 'limits', allowed: MESSAGE_KINDS });
  const limits = Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, kind in given ? requireAnswerLimit(kind, given[kind]) : state.limits[kind]])) as Record<MessageKind, number>;
  const reason = requireText('reason', command.data.reason, { max: 500 });
  if (MESSAGE_KINDS.every((kind) => limits[kind] === state.limits[kind]) && state.agencyCode !== undefined) return [];
  return [{ type: 'MessageAnswerLimitsSet', data: { agencyCode, limits, reason, setBy: context.actor.id, setOn: localDateOf(context.now) } }];
};

export const answerLimitsDecider: Decider<AnswerLimitsCommand, AnswerLimitsEvent, AnswerLimitsState> = {
  initialState: () => ({ limits: DEFAULT_ANSWER_LIMITS }),
  decide: (command, state, context) => {
    switch (command.type) {
      case 'SetMessageAnswerLimits':
        return set(command, state, context);
      default:
        return assertNever(command.type);
    }
  },
  evolve: (_state, event) => ({ agencyCode: event.data.agencyCode, limits: event.data.limits }),
};
