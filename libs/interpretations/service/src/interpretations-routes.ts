import { CONTEXTS, streamIdOf } from '@gongkai/contracts';
import { documentIdOfInterpretation, OPINION_CASE_COMMAND_TYPES, opinionCaseDecider, type PolicyDocumentCommand, policyDocumentDecider } from '@gongkai/interpretations/domain';
import { byIdField, type DeciderRoute, route } from '@gongkai/messaging';

/** One stream per policy document: the document as reported by the decisions context, with all its interpretations. */
export const policyDocumentStreamId = (documentId: string): string => streamIdOf(CONTEXTS.interpretations, 'PolicyDocument', documentId);
export const opinionCaseStreamId = (caseId: string): string => streamIdOf(CONTEXTS.interpretations, 'OpinionCase', caseId);

const toDocument = route(policyDocumentDecider, byIdField(policyDocumentStreamId, 'documentId'));
// An interpretation's id names its document, so its commands find the document's stream by themselves.
const toInterpretationsDocument = route(policyDocumentDecider, byIdField((id) => policyDocumentStreamId(documentIdOfInterpretation(id)), 'interpretationId'));

const BY_DOCUMENT: readonly PolicyDocumentCommand['type'][] = ['NotePolicyDocument', 'RecordPolicyDocumentPublication', 'RecordPolicyDocumentWithdrawal', 'CreateInterpretation'];
const BY_INTERPRETATION: readonly PolicyDocumentCommand['type'][] = ['ReviseInterpretation', 'RequestInterpretationPublication', 'PublishReviewedInterpretation'];

const routesFor = (types: readonly string[], target: DeciderRoute): Record<string, DeciderRoute> => Object.fromEntries(types.map((type) => [type, target]));

/** Every command of the interpretations context and the aggregate stream it goes to. */
export const INTERPRETATIONS_ROUTES: Readonly<Record<string, DeciderRoute>> = {
  ...routesFor(BY_DOCUMENT, toDocument),
  ...routesFor(BY_INTERPRETATION, toInterpretationsDocument),
  ...routesFor(OPINION_CASE_COMMAND_TYPES, route(opinionCaseDecider, byIdField(opinionCaseStreamId, 'caseId'))),
};
