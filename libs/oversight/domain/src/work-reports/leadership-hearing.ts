import { assertNever, badInput, type DecideContext, type Decider, requireAgency, requireAgencyScope, requireRole, requireText } from '@gongkai/kernel';
import { requirePastDate, requireYear } from '../oversight-rules';

/**
 * The leadership's hearing of the open-government work: the bureau's principal leader hears a
 * report on it at least once a year (主要负责同志年内至少听取一次政务公开工作汇报, 保障措施 (一)).
 */
export type LeadershipHearingEvent = {
  type: 'LeadershipHearingRecorded';
  data: { agencyCode: string; year: number; hearingNumber: number; heldOn: string; chairedBy: string; summary: string };
};

export type LeadershipHearingCommand = {
  type: 'RecordLeadershipHearing';
  data: { agencyCode: string; year: number; heldOn: string; chairedBy: string; summary: string };
};

const record = (command: LeadershipHearingCommand, state: { hearings: number }, context: DecideContext): LeadershipHearingEvent[] => {
  requireRole(context.actor, 'office', 'leader');
  const agencyCode = requireAgency('agencyCode', command.data.agencyCode);
  requireAgencyScope(context.actor, agencyCode);
  const year = requireYear('year', command.data.year);
  const heldOn = requirePastDate('heldOn', command.data.heldOn, context);
  if (!heldOn.startsWith(`${year}-`)) throw badInput('HEARING_OUTSIDE_YEAR', `heldOn (${heldOn}) is not in ${year}.`, { field: 'heldOn' });
  const chairedBy = requireText('chairedBy', command.data.chairedBy, { max: 50 });
  const summary = requireText('summary', command.data.summary, { max: 10_000 });
  return [{ type: 'LeadershipHearingRecorded', data: { agencyCode, year, hearingNumber: state.hearings + 1, heldOn, chairedBy, summary } }];
};

export const leadershipHearingDecider: Decider<LeadershipHearingCommand, LeadershipHearingEvent, { hearings: number }> = {
  initialState: () => ({ hearings: 0 }),
  decide: (command, state, context) => {
    switch (command.type) {
      case 'RecordLeadershipHearing':
        return record(command, state, context);
      default:
        return assertNever(command.type);
    }
  },
  evolve: (_state, event) => ({ hearings: event.data.hearingNumber }),
};
