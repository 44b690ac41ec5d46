import { badInput, conflict, contentHash, type DecideContext, notFound, requireStaffFor } from '@gongkai/kernel';
import type { InterpretationContent } from './interpretation-content';
import type { InterpretationRecord, PolicyDocument, PolicyDocumentState } from './policy-document-events';

/** A document this context has not heard of from the decisions context cannot be interpreted. */
export const requireKnownDocument = (state: PolicyDocumentState, documentId: string): PolicyDocument => {
  if (state.status === 'NONE') {
    throw badInput('UNKNOWN_DOCUMENT', `There is no policy document ${documentId}: interpretations are written for documents of the decisions context.`, {
      field: 'documentId',
    });
  }
  return state;
};

export const requireInterpretation = (document: PolicyDocument, interpretationId: string): InterpretationRecord => {
  const record = document.interpretations.get(interpretationId);
  if (!record) throw notFound('INTERPRETATION_NOT_FOUND', `There is no interpretation ${interpretationId}.`);
  return record;
};

/** A withdrawn draft will never be published, and neither will anything interpreting it. */
export const requireNotWithdrawn = (document: PolicyDocument): void => {
  if (document.status === 'WITHDRAWN') throw conflict('DOCUMENT_WITHDRAWN', `Policy document ${document.documentId} was withdrawn: it has nothing left to interpret.`);
};

/** Interpretation work is the drafting department's (谁起草、谁解读), or the office's. */
export const requireInterpreterFor = (context: DecideContext, document: PolicyDocument, departmentCode: string): void =>
  requireStaffFor(context, document.agencyCode, departmentCode);

/** 谁起草、谁解读: the interpretation belongs to the department that drafted the document. */
export const requireDraftingDepartment = (document: PolicyDocument, content: InterpretationContent): void => {
  if (content.departmentCode !== document.departmentCode) {
    throw badInput(
      'NOT_THE_DRAFTING_DEPARTMENT',
      `Policy document ${document.documentId} was drafted by ${document.departmentCode}: its interpretation is that department's (谁起草、谁解读), not ${content.departmentCode}'s.`,
      { field: 'departmentCode', draftingDepartment: document.departmentCode },
    );
  }
};

export const requireCurrentVersion = (record: InterpretationRecord, expectedVersion: number): void => {
  if (record.version !== expectedVersion) {
    throw conflict('STALE_VERSION', `Interpretation ${record.interpretationId} is at version ${record.version}, not ${expectedVersion}: reload it and try again.`, {
      currentVersion: record.version,
    });
  }
};

/** The content a reviewer approves: one version of one interpretation of one document. */
export const interpretationContentHash = (documentId: string, interpretationId: string, version: number, content: InterpretationContent): string =>
  contentHash({ documentId, interpretationId, version, content });
