import type { OpinionCaseDetails } from './opinion-case';
import type { OpinionCaseEvent } from './opinion-case-events';
import { opinionResponseContentHash } from './opinion-case-decisions';
import type { OpinionResponse } from './opinion-response';

/** Shared by the opinion-case specifications: a major pollution incident at 20:30 on Sunday 1 March 2026 in Yunfu. */
export const caseId = 'case-1';
export const CITY = '445300';
export const NOW = '2026-03-02T04:00:00Z'; // 12:00 on Monday 2 March in Yunfu

export const caseInput = {
  topic: '西江某支流出现死鱼，网民质疑上游企业偷排',
  source: 'ONLINE',
  firstSeenAt: '2026-03-01T21:10:00+08:00',
  severity: 'MAJOR',
  emergency: true,
  incidentAt: '2026-03-01T20:30:00+08:00',
  departmentCode: 'SUPERVISION',
  firstSpokesperson: '局长 王某',
};
export const details: OpinionCaseDetails = {
  topic: caseInput.topic,
  source: 'ONLINE',
  firstSeenAt: '2026-03-01T13:10:00.000Z',
  severity: 'MAJOR',
  emergency: true,
  incidentAt: '2026-03-01T12:30:00.000Z',
  departmentCode: 'SUPERVISION',
  firstSpokesperson: '局长 王某',
};
export const registered: OpinionCaseEvent = { type: 'OpinionCaseRegistered', data: { caseId, agencyCode: CITY, details, pressConferenceDueAt: '2026-03-02T12:30:00.000Z' } };

export const responseInput = {
  kind: 'PRESS_CONFERENCE',
  at: '2026-03-02T10:00:00+08:00',
  channel: '市政府新闻发布厅',
  spokesperson: '局长 王某',
  link: 'https://www.yunfu.gov.cn/hbj/xwfb/1.html',
};
export const response: OpinionResponse = { ...responseInput, kind: 'PRESS_CONFERENCE', at: '2026-03-02T02:00:00.000Z' };
export const responseHash = opinionResponseContentHash(caseId, 1, details.topic, response);
export const responseRecorded: OpinionCaseEvent = {
  type: 'OpinionResponseRecorded',
  data: {
    caseId,
    responseNumber: 1,
    response,
    contentHash: responseHash,
    publicationRequest: {
      reviewId: 'review-r1',
      itemType: 'OPINION_RESPONSE',
      itemId: caseId,
      itemVersion: 1,
      contentHash: responseHash,
      title: `${details.topic}（新闻发布会）`,
      agencyCode: CITY,
      departmentCode: 'SUPERVISION',
      requestedBy: 'user-supervision',
    },
  },
};
