import { type PublicationSubject, REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import { badInput, conflict, type DecideContext, notFound, requireRole } from '@gongkai/kernel';
import { validateInterpretationContent } from './interpretation-content';
import { interpretationDueOn, isOnTime } from './interpretation-deadline';
import { documentIdOfInterpretation } from './interpretation-ids';
import type { PolicyDocumentCommandOf } from './policy-document-commands';
import type { InterpretationRecord, PolicyDocument, PolicyDocumentEvent, PolicyDocumentState } from './policy-document-events';
import {
  interpretationContentHash,
  requireCurrentVersion,
  requireDraftingDepartment,
  requireInterpretation,
  requireInterpreterFor,
  requireKnownDocument,
  requireNotWithdrawn,
} from './policy-document-guards';
import { INTERPRETATION_PUBLICATION_ITEM_TYPES } from './publication-items';
import { todayOf } from './today';

/** The interpretation named by a command, in the document whose stream the command reached. */
const locate = (state: PolicyDocumentState, interpretationId: string): { document: PolicyDocument; record: InterpretationRecord } => {
  if (state.status === 'NONE') throw notFound('INTERPRETATION_NOT_FOUND', `There is no interpretation ${interpretationId}.`);
  return { document: state, record: requireInterpretation(state, interpretationId) };
};

/** 一并报批: interpretation material is written alongside the document, before or after it is published. */
export const createInterpretation = (command: PolicyDocumentCommandOf<'CreateInterpretation'>, state: PolicyDocumentState, context: DecideContext): PolicyDocumentEvent[] => {
  // Who may act is settled before what they sent is examined: the public learns nothing from validation.
  requireRole(context.actor, 'staff', 'office', 'admin');
  const { documentId, interpretationId } = command.data;
  const document = requireKnownDocument(state, documentId);
  if (documentIdOfInterpretation(interpretationId) !== documentId) {
    throw badInput('INVALID_INTERPRETATION_ID', `Interpretation ${interpretationId} does not belong to document ${documentId}.`, { field: 'id' });
  }
  if (document.interpretations.has(interpretationId)) throw conflict('INTERPRETATION_EXISTS', `Interpretation ${interpretationId} already exists.`);
  requireNotWithdrawn(document);
  const content = validateInterpretationContent(command.data.content);
  requireInterpreterFor(context, document, content.departmentCode);
  requireDraftingDepartment(document, content);
  return [{ type: 'InterpretationDrafted', data: { documentId, interpretationId, agencyCode: document.agencyCode, version: 1, content } }];
};

export const reviseInterpretation = (command: PolicyDocumentCommandOf<'ReviseInterpretation'>, state: PolicyDocumentState, context: DecideContext): PolicyDocumentEvent[] => {
  requireRole(context.actor, 'staff', 'office', 'admin');
  const { document, record } = locate(state, command.data.interpretationId);
  requireInterpreterFor(context, document, record.content.departmentCode);
  requireNotWithdrawn(document);
  requireCurrentVersion(record, command.data.expectedVersion);
  const documentId = command.data.content['documentId'];
  if (documentId !== undefined && documentId !== null && documentId !== document.documentId) {
    throw badInput('INTERPRETATION_OF_ANOTHER_DOCUMENT', `Interpretation ${record.interpretationId} interprets document ${document.documentId}; write a new one for another document.`, {
      field: 'documentId',
    });
  }
  const content = validateInterpretationContent(command.data.content);
  requireDraftingDepartment(document, content);
  return [
    {
      type: 'InterpretationRevised',
      data: {
        documentId: document.documentId,
        interpretationId: record.interpretationId,
        version: record.version + 1,
        content,
        ...(record.review ? { withdrawnReviewId: record.review.reviewId } : {}),
      },
    },
  ];
};

export const requestInterpretationPublication = (
  command: PolicyDocumentCommandOf<'RequestInterpretationPublication'>,
  state: PolicyDocumentState,
  context: DecideContext,
): PolicyDocumentEvent[] => {
  requireRole(context.actor, 'staff', 'office', 'admin');
  const { document, record } = locate(state, command.data.interpretationId);
  requireInterpreterFor(context, document, record.content.departmentCode);
  requireNotWithdrawn(document);
  requireCurrentVersion(record, command.data.expectedVersion);
  if (record.review) throw conflict('REVIEW_ALREADY_PENDING', `Version ${record.version} of interpretation ${record.interpretationId} is already with the reviewer (${record.status.toLowerCase()}).`);
  if (record.publishedVersion === record.version) throw conflict('VERSION_ALREADY_PUBLISHED', `Version ${record.version} of interpretation ${record.interpretationId} is already published.`);
  const hash = interpretationContentHash(document.documentId, record.interpretationId, record.version, record.content);
  const publicationRequest: PublicationSubject = {
    reviewId: command.data.reviewId,
    itemType: INTERPRETATION_PUBLICATION_ITEM_TYPES.interpretation,
    itemId: record.interpretationId,
    itemVersion: record.version,
    contentHash: hash,
    title: `${record.content.title}（${document.title}解读）`,
    agencyCode: document.agencyCode,
    departmentCode: record.content.departmentCode,
    requestedBy: context.actor.id,
  };
  return [
    { type: 'InterpretationPublicationRequested', data: { documentId: document.documentId, interpretationId: record.interpretationId, version: record.version, contentHash: hash, publicationRequest } },
  ];
};

/**
 * 先审查、后公开: only the version and content a reviewer approved is published, and never before its
 * document — approved early, it waits and goes out with the document. Each publication records
 * whether it came within the three working days.
 */
export const publishReviewedInterpretation = (
  command: PolicyDocumentCommandOf<'PublishReviewedInterpretation'>,
  state: PolicyDocumentState,
  context: DecideContext,
): PolicyDocumentEvent[] => {
  requireRole(context.actor, 'system');
  const { document, record } = locate(state, command.data.interpretationId);
  const { version, contentHash, reviewId } = command.data;
  const sameReview = record.review?.reviewId === reviewId && record.version === version;
  // Already done: the same approval delivered again.
  if (record.publishedVersion === version || (sameReview && record.status === 'APPROVED')) return [];
  const current =
    sameReview &&
    record.status === 'PENDING_REVIEW' &&
    record.review?.contentHash === contentHash &&
    interpretationContentHash(document.documentId, record.interpretationId, record.version, record.content) === contentHash &&
    document.status !== 'WITHDRAWN';
  if (!current) {
    throw conflict(REVIEWED_VERSION_OUTDATED, `Interpretation ${record.interpretationId} changed after version ${version} was reviewed: nothing was published.`);
  }
  const ids = { documentId: document.documentId, interpretationId: record.interpretationId, version, contentHash, reviewId };
  if (document.status !== 'PUBLISHED' || !document.publishedOn) return [{ type: 'InterpretationHeldForDocument', data: ids }];
  const today = todayOf(context);
  const dueOn = document.interpretationDueOn ?? interpretationDueOn(context.calendar, document.publishedOn);
  return [
    {
      type: 'InterpretationPublished',
      data: { ...ids, publishedAt: context.now.toISOString(), publishedOn: today, interpretationDueOn: dueOn, onTime: isOnTime(today, dueOn) },
    },
  ];
};
