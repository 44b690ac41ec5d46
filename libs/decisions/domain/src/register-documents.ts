import { compareLocalDates, localDateOf, requireLocalDate } from '@gongkai/calendar';
import { badInput, conflict, type DecideContext, requireText } from '@gongkai/kernel';
import { documentStatusAsOf, isInForce, validateNormativeDocument } from './normative-document';
import type { NormativeRegisterCommandOf } from './register-commands';
import type { NormativeRegisterEvent, NormativeRegisterState, RegisteredDocument } from './register-events';
import { requireDocument, requireNumberFree, requireRegistrar } from './register-guards';

export const registerDocument = (command: NormativeRegisterCommandOf<'RegisterNormativeDocument'>, state: NormativeRegisterState, context: DecideContext): NormativeRegisterEvent[] => {
  const agencyCode = requireRegistrar(context, command.data.agencyCode);
  const { documentId, sourceDraftId } = command.data;
  const existing = state.documents.get(documentId);
  if (existing) {
    if (sourceDraftId && existing.sourceDraftId === sourceDraftId) return []; // the adoption was delivered again
    throw conflict('DOCUMENT_EXISTS', `Normative document ${documentId} is already registered.`);
  }
  const document = validateNormativeDocument(command.data.document, localDateOf(context.now));
  requireNumberFree(state, document.number);
  const summary = requireText('summary', command.data.summary, { max: 2000, optional: true });
  return [{ type: 'NormativeDocumentRegistered', data: { agencyCode, documentId, document, summary, ...(sourceDraftId ? { sourceDraftId } : {}) } }];
};

/** A change of status is recorded for a day on which the document is still in force. */
const requireInForceOn = (document: RegisteredDocument, day: string, field: string): void => {
  if (compareLocalDates(day, document.issuedOn) < 0) {
    throw badInput('BEFORE_ISSUE', `${document.number} was issued on ${document.issuedOn}: nothing can happen to it on ${day}.`, { field });
  }
  const status = documentStatusAsOf(document, day);
  if (!isInForce(status)) {
    throw conflict('DOCUMENT_NOT_IN_FORCE', `${document.number} is ${status?.toLowerCase().replace('_', ' ')} on ${day}.`, { status });
  }
};

export const amendDocument = (command: NormativeRegisterCommandOf<'AmendNormativeDocument'>, state: NormativeRegisterState, context: DecideContext): NormativeRegisterEvent[] => {
  const agencyCode = requireRegistrar(context, command.data.agencyCode);
  const document = requireDocument(state, command.data.documentId);
  const amendedOn = requireLocalDate('amendedOn', command.data.amendedOn);
  requireInForceOn(document, amendedOn, 'amendedOn');
  const summary = requireText('summary', command.data.summary, { max: 2000 });
  return [{ type: 'NormativeDocumentAmended', data: { agencyCode, documentId: document.documentId, amendedOn, summary } }];
};

export const repealDocument = (command: NormativeRegisterCommandOf<'RepealNormativeDocument'>, state: NormativeRegisterState, context: DecideContext): NormativeRegisterEvent[] => {
  const agencyCode = requireRegistrar(context, command.data.agencyCode);
  const document = requireDocument(state, command.data.documentId);
  if (document.repealedOn) throw conflict('DOCUMENT_ALREADY_REPEALED', `${document.number} was repealed on ${document.repealedOn}.`);
  const repealedOn = requireLocalDate('repealedOn', command.data.repealedOn);
  requireInForceOn(document, repealedOn, 'repealedOn');
  const reason = requireText('reason', command.data.reason, { max: 2000 });
  return [{ type: 'NormativeDocumentRepealed', data: { agencyCode, documentId: document.documentId, repealedOn, reason } }];
};
