import { conflict, type DecideContext, notFound, requireAgency, requireAgencyScope, requireDepartmentScope, requireRole } from '@gongkai/kernel';
import type { NormativeRegisterState, RegisteredDocument } from './register-events';

/** The regulations department (法规科) keeps the register and runs its clean-ups. */
export const REGISTER_DEPARTMENT = 'REGULATIONS';

/** Staff of the regulations department, the office, admins, and process managers acting for them. */
export const requireRegistrar = (context: DecideContext, agencyCodeInput: string): string => {
  requireRole(context.actor, 'staff', 'office', 'admin', 'system');
  const agencyCode = requireAgency('agencyCode', agencyCodeInput);
  requireAgencyScope(context.actor, agencyCode);
  requireDepartmentScope(context.actor, REGISTER_DEPARTMENT);
  return agencyCode;
};

export const requireDocument = (state: NormativeRegisterState, documentId: string): RegisteredDocument => {
  const document = state.documents.get(documentId);
  if (!document) throw notFound('DOCUMENT_NOT_FOUND', `There is no normative document ${documentId} in this register.`);
  return document;
};

export const requireNumberFree = (state: NormativeRegisterState, number: string): void => {
  for (const document of state.documents.values()) {
    if (document.number === number) throw conflict('DOCUMENT_NUMBER_TAKEN', `${number} is already registered (document ${document.documentId}).`, { documentId: document.documentId });
  }
};
