import { assertNever, type DecideContext, type Decider } from '@gongkai/kernel';
import type { OpinionCaseCommand } from './opinion-case-commands';
import { closeOpinionCase, publishReviewedResponse, recordMonitoringNote, recordResponse, registerOpinionCase } from './opinion-case-decisions';
import { evolveOpinionCase, initialOpinionCaseState, type OpinionCaseEvent, type OpinionCaseState } from './opinion-case-events';

export const decideOpinionCase = (command: OpinionCaseCommand, state: OpinionCaseState, context: DecideContext): OpinionCaseEvent[] => {
  switch (command.type) {
    case 'RegisterOpinionCase':
      return registerOpinionCase(command, state, context);
    case 'RecordOpinionMonitoringNote':
      return recordMonitoringNote(command, state, context);
    case 'RecordOpinionResponse':
      return recordResponse(command, state, context);
    case 'PublishReviewedOpinionResponse':
      return publishReviewedResponse(command, state, context);
    case 'CloseOpinionCase':
      return closeOpinionCase(command, state, context);
    default:
      return assertNever(command);
  }
};

/** A public-opinion case (舆情回应) with the 24-hour press-conference rule. */
export const opinionCaseDecider: Decider<OpinionCaseCommand, OpinionCaseEvent, OpinionCaseState> = {
  initialState: initialOpinionCaseState,
  decide: decideOpinionCase,
  evolve: evolveOpinionCase,
};
