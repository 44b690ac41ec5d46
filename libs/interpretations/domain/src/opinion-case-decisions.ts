import { type PublicationSubject, REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import {
  conflict,
  contentHash,
  type DecideContext,
  notFound,
  requireAgency,
  requireRole,
  requireStaffFor,
  requireText,
} from '@gongkai/kernel';
import { pressConferenceDueAt, validateOpinionCase } from './opinion-case';
import type { OpinionCaseCommandOf } from './opinion-case-commands';
import type { OpinionCase, OpinionCaseEvent, OpinionCaseState } from './opinion-case-events';
import { type OpinionResponse, type OpinionResponseKind, validateOpinionResponse } from './opinion-response';
import { INTERPRETATION_PUBLICATION_ITEM_TYPES } from './publication-items';

const KIND_NAMES: Readonly<Record<OpinionResponseKind, string>> = {
  ONLINE_STATEMENT: '网上发布',
  EXPERT_INTERPRETATION: '专家解读',
  PRESS_CONFERENCE: '新闻发布会',
  MEDIA_INTERVIEW: '媒体专访',
};

/** The content a reviewer approves for the public: one response, with the topic it answers. */
export const opinionResponseContentHash = (caseId: string, responseNumber: number, topic: string, response: OpinionResponse): string =>
  contentHash({ caseId, responseNumber, topic, response });

const requireCase = (state: OpinionCaseState, caseId: string): OpinionCase => {
  if (state.status === 'NONE') throw notFound('OPINION_CASE_NOT_FOUND', `There is no public-opinion case ${caseId}.`);
  return state;
};

const requireOpen = (opinionCase: OpinionCase): void => {
  if (opinionCase.status === 'CLOSED') throw conflict('OPINION_CASE_CLOSED', `Public-opinion case ${opinionCase.caseId} is closed.`);
};

const openCaseFor = (state: OpinionCaseState, caseId: string, context: DecideContext): OpinionCase => {
  requireRole(context.actor, 'staff', 'office', 'admin');
  const opinionCase = requireCase(state, caseId);
  // The lead department works the case; the office coordinates every case (法规科、办公室、信息中心).
  requireStaffFor(context, opinionCase.agencyCode, opinionCase.details.departmentCode);
  requireOpen(opinionCase);
  return opinionCase;
};

export const registerOpinionCase = (command: OpinionCaseCommandOf<'RegisterOpinionCase'>, state: OpinionCaseState, context: DecideContext): OpinionCaseEvent[] => {
  requireRole(context.actor, 'staff', 'office', 'admin');
  if (state.status !== 'NONE') throw conflict('OPINION_CASE_EXISTS', `Public-opinion case ${command.data.caseId} already exists.`);
  const agencyCode = requireAgency('agencyCode', command.data.agencyCode);
  const details = validateOpinionCase(command.data.details, context.now);
  requireStaffFor(context, agencyCode, details.departmentCode);
  return [{ type: 'OpinionCaseRegistered', data: { caseId: command.data.caseId, agencyCode, details, pressConferenceDueAt: pressConferenceDueAt(details) } }];
};

/** Monitoring notes (舆情监测) are the bureau's working notes: never published. */
export const recordMonitoringNote = (command: OpinionCaseCommandOf<'RecordOpinionMonitoringNote'>, state: OpinionCaseState, context: DecideContext): OpinionCaseEvent[] => {
  const opinionCase = openCaseFor(state, command.data.caseId, context);
  const note = requireText('note', command.data.note, { max: 4000 });
  return [{ type: 'OpinionMonitoringNoted', data: { caseId: opinionCase.caseId, noteNumber: opinionCase.notes + 1, note, notedAt: context.now.toISOString() } }];
};

/** A response is a public act: its record goes to the review gate as soon as it is written. */
export const recordResponse = (command: OpinionCaseCommandOf<'RecordOpinionResponse'>, state: OpinionCaseState, context: DecideContext): OpinionCaseEvent[] => {
  const opinionCase = openCaseFor(state, command.data.caseId, context);
  const response = validateOpinionResponse(command.data.response, opinionCase.details, context.now);
  const responseNumber = opinionCase.responses.length + 1;
  const hash = opinionResponseContentHash(opinionCase.caseId, responseNumber, opinionCase.details.topic, response);
  const publicationRequest: PublicationSubject = {
    reviewId: command.data.reviewId,
    itemType: INTERPRETATION_PUBLICATION_ITEM_TYPES.opinionResponse,
    itemId: opinionCase.caseId,
    itemVersion: responseNumber,
    contentHash: hash,
    title: `${opinionCase.details.topic}（${KIND_NAMES[response.kind]}）`,
    agencyCode: opinionCase.agencyCode,
    departmentCode: opinionCase.details.departmentCode,
    requestedBy: context.actor.id,
  };
  return [{ type: 'OpinionResponseRecorded', data: { caseId: opinionCase.caseId, responseNumber, response, contentHash: hash, publicationRequest } }];
};

/** 先审查、后公开: exactly the response the reviewer approved, once; a closed case's responses may still go out. */
export const publishReviewedResponse = (
  command: OpinionCaseCommandOf<'PublishReviewedOpinionResponse'>,
  state: OpinionCaseState,
  context: DecideContext,
): OpinionCaseEvent[] => {
  requireRole(context.actor, 'system');
  const opinionCase = requireCase(state, command.data.caseId);
  const { version: responseNumber, contentHash: hash, reviewId } = command.data;
  const record = opinionCase.responses[responseNumber - 1];
  if (record?.published && record.reviewId === reviewId) return []; // the same approval delivered again
  const current =
    record !== undefined &&
    record.reviewId === reviewId &&
    record.contentHash === hash &&
    opinionResponseContentHash(opinionCase.caseId, responseNumber, opinionCase.details.topic, record.response) === hash;
  if (!current) throw conflict(REVIEWED_VERSION_OUTDATED, `Response ${responseNumber} of case ${opinionCase.caseId} is not the one reviewed: nothing was published.`);
  return [{ type: 'OpinionResponsePublished', data: { caseId: opinionCase.caseId, responseNumber, contentHash: hash, reviewId, publishedAt: context.now.toISOString() } }];
};

export const closeOpinionCase = (command: OpinionCaseCommandOf<'CloseOpinionCase'>, state: OpinionCaseState, context: DecideContext): OpinionCaseEvent[] => {
  const opinionCase = openCaseFor(state, command.data.caseId, context);
  const summary = requireText('summary', command.data.summary, { max: 4000 });
  return [{ type: 'OpinionCaseClosed', data: { caseId: opinionCase.caseId, summary, closedAt: context.now.toISOString() } }];
};
