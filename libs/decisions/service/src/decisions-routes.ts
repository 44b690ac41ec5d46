import { CONTEXTS, streamIdOf } from '@gongkai/contracts';
import {
  DECISION_DRAFT_COMMAND_TYPES,
  decisionDraftDecider,
  KEY_WORK_ITEM_COMMAND_TYPES,
  keyWorkItemDecider,
  NORMATIVE_REGISTER_COMMAND_TYPES,
  normativeRegisterDecider,
} from '@gongkai/decisions/domain';
import { byIdField, type DeciderRoute, route } from '@gongkai/messaging';

export const decisionDraftStreamId = (draftId: string): string => streamIdOf(CONTEXTS.decisions, 'DecisionDraft', draftId);
/** One register per agency, so that document numbers are unique within it and a clean-up sees all of it. */
export const normativeRegisterStreamId = (agencyCode: string): string => streamIdOf(CONTEXTS.decisions, 'NormativeDocumentRegister', agencyCode);
export const keyWorkItemStreamId = (workItemId: string): string => streamIdOf(CONTEXTS.decisions, 'KeyWorkItem', workItemId);

const routesFor = (types: readonly string[], target: DeciderRoute): Record<string, DeciderRoute> => Object.fromEntries(types.map((type) => [type, target]));

/** Every command of the decisions context and the aggregate stream it goes to. */
export const DECISIONS_ROUTES: Readonly<Record<string, DeciderRoute>> = {
  ...routesFor(DECISION_DRAFT_COMMAND_TYPES, route(decisionDraftDecider, byIdField(decisionDraftStreamId, 'draftId'))),
  ...routesFor(NORMATIVE_REGISTER_COMMAND_TYPES, route(normativeRegisterDecider, byIdField(normativeRegisterStreamId, 'agencyCode'))),
  ...routesFor(KEY_WORK_ITEM_COMMAND_TYPES, route(keyWorkItemDecider, byIdField(keyWorkItemStreamId, 'workItemId'))),
};
