import { assertNever, type DecideContext, type Decider } from '@gongkai/kernel';
import { concludeItem, openCampaign, publishReviewedResult, requestResultPublication } from './cleanup-decisions';
import type { NormativeRegisterCommand } from './register-commands';
import { amendDocument, registerDocument, repealDocument } from './register-documents';
import { evolveNormativeRegister, initialNormativeRegisterState, type NormativeRegisterEvent, type NormativeRegisterState } from './register-events';

export const decideNormativeRegister = (command: NormativeRegisterCommand, state: NormativeRegisterState, context: DecideContext): NormativeRegisterEvent[] => {
  switch (command.type) {
    case 'RegisterNormativeDocument':
      return registerDocument(command, state, context);
    case 'AmendNormativeDocument':
      return amendDocument(command, state, context);
    case 'RepealNormativeDocument':
      return repealDocument(command, state, context);
    case 'OpenCleanupCampaign':
      return openCampaign(command, state, context);
    case 'ConcludeCleanupItem':
      return concludeItem(command, state, context);
    case 'RequestCleanupResultPublication':
      return requestResultPublication(command, state, context);
    case 'PublishReviewedCleanupResult':
      return publishReviewedResult(command, state, context);
    default:
      return assertNever(command);
  }
};

/** The register of normative documents (规范性文件目录) of one agency and its clean-ups. */
export const normativeRegisterDecider: Decider<NormativeRegisterCommand, NormativeRegisterEvent, NormativeRegisterState> = {
  initialState: initialNormativeRegisterState,
  decide: decideNormativeRegister,
  evolve: evolveNormativeRegister,
};
