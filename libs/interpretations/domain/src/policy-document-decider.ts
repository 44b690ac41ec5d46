import { assertNever, type DecideContext, type Decider } from '@gongkai/kernel';
import { createInterpretation, publishReviewedInterpretation, requestInterpretationPublication, reviseInterpretation } from './interpretation-decisions';
import type { PolicyDocumentCommand } from './policy-document-commands';
import { evolvePolicyDocument, initialPolicyDocumentState, type PolicyDocumentEvent, type PolicyDocumentState } from './policy-document-events';
import { notePolicyDocument, recordPublication, recordWithdrawal } from './policy-documents';

export const decidePolicyDocument = (command: PolicyDocumentCommand, state: PolicyDocumentState, context: DecideContext): PolicyDocumentEvent[] => {
  switch (command.type) {
    case 'NotePolicyDocument':
      return notePolicyDocument(command, state, context);
    case 'RecordPolicyDocumentPublication':
      return recordPublication(command, state, context);
    case 'RecordPolicyDocumentWithdrawal':
      return recordWithdrawal(command, state, context);
    case 'CreateInterpretation':
      return createInterpretation(command, state, context);
    case 'ReviseInterpretation':
      return reviseInterpretation(command, state, context);
    case 'RequestInterpretationPublication':
      return requestInterpretationPublication(command, state, context);
    case 'PublishReviewedInterpretation':
      return publishReviewedInterpretation(command, state, context);
    default:
      return assertNever(command);
  }
};

/** A policy document and its interpretations (政策解读), with the three-working-day rule. */
export const policyDocumentDecider: Decider<PolicyDocumentCommand, PolicyDocumentEvent, PolicyDocumentState> = {
  initialState: initialPolicyDocumentState,
  decide: decidePolicyDocument,
  evolve: evolvePolicyDocument,
};
