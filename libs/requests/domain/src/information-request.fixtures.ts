/** Shared given/when/then fixtures of the information request decider's specifications. */
import { defaultCalendar } from '@gongkai/calendar';
import type { Actor } from '@gongkai/kernel';
import { DeciderSpecification, STAFF_FOR_TESTS } from '@gongkai/kernel/testing';
import { requestAnswerContentHash } from './answering';
import { informationRequestDecider, type InformationRequestCommand } from './information-request-commands';
import type { InformationRequestEvent } from './information-request-events';

export const given = DeciderSpecification.for(informationRequestDecider, { calendar: defaultCalendar(), now: '2026-11-27T02:00:00Z' });
export const requestId = 'request-1';
export const applicant = { keyId: requestId, ciphertext: 'pd1.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBA.CCCC' };
export const accessKeyHash = 'a'.repeat(64);
export const anonymous: Actor = { id: 'anonymous', roles: ['public'] };
export const system: Actor = { id: 'system:requests', roles: ['system'] };
export const leader: Actor = { id: 'demo-leader', roles: ['leader'], agencyCode: '445300', displayName: '王局长' };
export const admin: Actor = { id: 'demo-admin', roles: ['admin'], agencyCode: '445300' };
export const planning: Actor = { id: 'user-planning', roles: ['staff'], agencyCode: '445300', departmentCode: 'PLANNING' };
export const countyStaff: Actor = { id: 'user-county', roles: ['staff'], agencyCode: '445381', departmentCode: 'SERVICE_WINDOW' };

export const intake = {
  requestId,
  trackingCode: 'YF26-ABCD-EFGH',
  accessKeyHash,
  applicantType: 'NATURAL_PERSON',
  applicant,
  description: '2025年云浮市重点排污单位监督性监测数据',
  preferredForm: 'ELECTRONIC',
};
export const register = (receivedOn: string, more: Record<string, unknown> = {}): InformationRequestCommand => ({
  type: 'RegisterInformationRequest',
  data: { ...intake, channel: 'LETTER', receivedOn, ...more },
});
export const received = (receivedOn: string): InformationRequestEvent => ({
  type: 'InformationRequestReceived',
  data: {
    requestId,
    agencyCode: '445300',
    departmentCode: 'SERVICE_WINDOW',
    channel: 'LETTER',
    receivedOn,
    trackingCode: 'YF26-ABCD-EFGH',
    accessKeyHash,
    applicantType: 'NATURAL_PERSON',
    applicant,
    description: intake.description,
    preferredForm: 'ELECTRONIC',
    delivery: 'POST',
  },
});
export const supplementAsked = (noticeOn: string, supplementDueOn: string): InformationRequestEvent => ({
  type: 'SupplementRequested',
  data: { requestId, instructions: '请写明所需数据的年份和企业名称', noticeOn, supplementDueOn },
});
export const supplementArrived = (receivedOn: string): InformationRequestEvent => ({ type: 'SupplementReceived', data: { requestId, receivedOn, content: '2025年，云浮某水泥厂' } });
export const answerWith = (data: Record<string, unknown>): InformationRequestCommand => ({ type: 'AnswerInformationRequest', data: { requestId, ...data } });


/** A disclosed answer whose content waits at the review gate. */
export const answered: InformationRequestEvent[] = [
  received('2026-09-14'),
  {
    type: 'InformationRequestAnswered',
    data: {
      requestId,
      outcome: 'DISCLOSED',
      answeredOn: '2026-10-12',
      answerDueOn: '2026-10-16',
      late: false,
      letter: '…',
      legalBasis: '',
      delivery: 'POST',
      content: '监测数据',
      redactions: [],
      redactedContent: '监测数据',
      publishedAt: '',
      holderAgency: '',
      publicationRequest: {
        reviewId: 'review-1',
        itemType: 'REQUEST_ANSWER',
        itemId: requestId,
        itemVersion: 1,
        contentHash: requestAnswerContentHash(requestId, '监测数据'),
        title: '依申请公开答复 YF26-ABCD-EFGH',
        agencyCode: '445300',
        departmentCode: 'SERVICE_WINDOW',
        requestedBy: STAFF_FOR_TESTS.id,
      },
    },
  },
];
