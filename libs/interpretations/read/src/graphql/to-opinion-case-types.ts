import { agencyRef, departmentRef } from '@gongkai/graphql';
import type { OpinionResponseDocument } from '../opinion-case-documents';
import type { OpinionCaseView } from '../opinion-case-visibility';
import type { OpinionCase, PublishedOpinionResponse } from './opinion-case.types';

export const toOpinionCase = (view: OpinionCaseView): OpinionCase => ({
  id: view._id,
  agency: agencyRef(view.agencyCode),
  topic: view.topic,
  source: view.source,
  firstSeenAt: view.firstSeenAt,
  severity: view.severity,
  emergency: view.emergency,
  incidentAt: view.incidentAt,
  department: departmentRef(view.departmentCode),
  firstSpokesperson: view.firstSpokesperson || null,
  pressConferenceDueAt: view.pressConferenceDueAt,
  firstPressConferenceAt: view.firstPressConferenceAt,
  overdue: view.overdue,
  status: view.status,
  responses: view.responses.map((r) => ({ number: r.number, kind: r.kind, at: r.at, channel: r.channel, spokesperson: r.spokesperson, link: r.link, publishedAt: r.publishedAt })),
  monitoringNotes: view.notes.map((n) => ({ number: n.number, note: n.note, notedAt: n.notedAt })),
  summary: view.summary,
  closedAt: view.closedAt,
  registeredAt: view.registeredAt,
});

/** Only what the reviewer approved for the public: the topic and the response, nothing else of the case. */
export const toPublishedOpinionResponse = (response: OpinionResponseDocument): PublishedOpinionResponse => ({
  id: response._id,
  caseId: response.caseId,
  topic: response.topic,
  number: response.number,
  kind: response.kind,
  at: response.at,
  channel: response.channel,
  spokesperson: response.spokesperson,
  link: response.link,
  publishedAt: response.publishedAt ?? '',
});
