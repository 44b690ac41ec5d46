import { assertNever, type DecideContext, type Decider } from '@gongkai/kernel';
import { hideComment, publishReviewedConsultation, requestConsultation, submitComment } from './consultation-decisions';
import type { DecisionDraftCommand } from './decision-draft-commands';
import { evolveDecisionDraft, initialDecisionDraftState, type DecisionDraftEvent, type DecisionDraftState } from './decision-draft-events';
import { adoptDecision, createDraft, reviseDraft, withdrawDecision } from './decision-drafting';
import { disposeComments, publishReviewedFeedback, requestFeedbackPublication } from './feedback-decisions';

export const decideDecisionDraft = (command: DecisionDraftCommand, state: DecisionDraftState, context: DecideContext): DecisionDraftEvent[] => {
  switch (command.type) {
    case 'CreateDecisionDraft':
      return createDraft(command, state, context);
    case 'ReviseDecisionDraft':
      return reviseDraft(command, state, context);
    case 'RequestConsultation':
      return requestConsultation(command, state, context);
    case 'PublishReviewedConsultation':
      return publishReviewedConsultation(command, state, context);
    case 'SubmitConsultationComment':
      return submitComment(command, state, context);
    case 'HideConsultationComment':
      return hideComment(command, state, context);
    case 'DisposeConsultationComments':
      return disposeComments(command, state, context);
    case 'RequestFeedbackPublication':
      return requestFeedbackPublication(command, state, context);
    case 'PublishReviewedFeedback':
      return publishReviewedFeedback(command, state, context);
    case 'AdoptDecision':
      return adoptDecision(command, state, context);
    case 'WithdrawDecision':
      return withdrawDecision(command, state, context);
    default:
      return assertNever(command);
  }
};

/** A major decision (重大行政决策): draft, consultation, comments, feedback, adoption. */
export const decisionDraftDecider: Decider<DecisionDraftCommand, DecisionDraftEvent, DecisionDraftState> = {
  initialState: initialDecisionDraftState,
  decide: decideDecisionDraft,
  evolve: evolveDecisionDraft,
};
