import { ANONYMOUS, type Actor, systemActor } from '@gongkai/kernel';
import { DeciderSpecification } from '@gongkai/kernel/testing';
import { opinionCaseDecider } from './opinion-case-decider';
import type { OpinionCaseEvent } from './opinion-case-events';
import { caseId, caseInput, CITY, details, NOW, registered, responseHash, responseInput, responseRecorded } from './opinion-case.fixtures';

const supervision: Actor = { id: 'user-supervision', roles: ['staff'], agencyCode: CITY, departmentCode: 'SUPERVISION' };
const regulations: Actor = { id: 'user-regulations', roles: ['staff'], agencyCode: CITY, departmentCode: 'REGULATIONS' };
const office: Actor = { id: 'user-office', roles: ['office', 'staff'], agencyCode: CITY, departmentCode: 'OFFICE' };
const countyOffice: Actor = { id: 'user-county', roles: ['office', 'staff'], agencyCode: '445381', departmentCode: 'OFFICE' };
const system = systemActor('interpretations.publication');
const given = DeciderSpecification.for(opinionCaseDecider, { now: NOW, actor: supervision });

const register = (change: Record<string, unknown> = {}) => ({ type: 'RegisterOpinionCase' as const, data: { caseId, agencyCode: CITY, details: { ...caseInput, ...change } } });
const respond = (change: Record<string, unknown> = {}) => ({ type: 'RecordOpinionResponse' as const, data: { caseId, reviewId: 'review-r1', response: { ...responseInput, ...change } } });
const closed: OpinionCaseEvent = { type: 'OpinionCaseClosed', data: { caseId, summary: '已查明原因并处置', closedAt: '2026-03-03T02:00:00.000Z' } };

describe('Public-opinion case (政务舆情)', () => {
  describe('registering', () => {
    it('records the case with its press conference due 24 clock hours after the incident', () => {
      given([]).when(register()).then([registered]);
    });

    it('sets no press-conference deadline for a general case', () => {
      const [event] = given([]).when(register({ severity: 'GENERAL', firstSpokesperson: null })).events();
      expect(event).toMatchObject({ data: { pressConferenceDueAt: null, details: { firstSpokesperson: '' } } });
    });

    it.each([
      ['an emergency without the time of the incident', { incidentAt: null }, 'INCIDENT_TIME_REQUIRED'],
      ['a major emergency without its first spokesperson', { firstSpokesperson: '' }, 'FIRST_SPOKESPERSON_REQUIRED'],
      ['an incident after the concern was first seen', { incidentAt: '2026-03-01T21:30:00+08:00' }, 'INCIDENT_AFTER_FIRST_SEEN'],
      ['a first sighting in the future', { firstSeenAt: '2026-03-02T12:00:01+08:00' }, 'INSTANT_IN_FUTURE'],
      ['a time without its offset', { firstSeenAt: '2026-03-01T21:10:00' }, 'INVALID_INSTANT'],
      ['an unknown severity', { severity: 'SEVERE' }, 'NOT_ALLOWED_VALUE'],
      ['an unknown source', { source: 'RUMOUR' }, 'NOT_ALLOWED_VALUE'],
      ['emergency given as text', { emergency: 'yes' }, 'NOT_BOOLEAN'],
      ['an unknown lead department', { departmentCode: 'PRESS' }, 'UNKNOWN_DEPARTMENT'],
      ['a missing topic', { topic: ' ' }, 'REQUIRED'],
    ])('refuses %s', (_, change, rule) => {
      given([]).when(register(change)).thenThrows('BAD_USER_INPUT', rule);
    });

    it('is for the bureau: the public must sign in, another department may not, the office may', () => {
      given([]).when(register(), { actor: ANONYMOUS }).thenThrows('UNAUTHENTICATED', 'ROLE_REQUIRED');
      given([]).when(register(), { actor: regulations }).thenThrows('FORBIDDEN', 'OUTSIDE_DEPARTMENT_SCOPE');
      given([]).when(register(), { actor: countyOffice }).thenThrows('FORBIDDEN', 'OUTSIDE_AGENCY_SCOPE');
      expect(given([]).when(register(), { actor: office }).events()).toHaveLength(1);
    });

    it('refuses a second case with the same id', () => {
      given([registered]).when(register()).thenThrows('CONFLICT', 'OPINION_CASE_EXISTS');
    });
  });

  describe('monitoring', () => {
    it('numbers the notes, which stay internal', () => {
      given([registered])
        .when({ type: 'RecordOpinionMonitoringNote', data: { caseId, note: '微博话题阅读量已超十万' } })
        .then([{ type: 'OpinionMonitoringNoted', data: { caseId, noteNumber: 1, note: '微博话题阅读量已超十万', notedAt: '2026-03-02T04:00:00.000Z' } }]);
    });
  });

  describe('responding', () => {
    it('records a response and sends its record to the review gate', () => {
      given([registered]).when(respond()).then([responseRecorded]);
    });

    it('refuses a response dated before the incident', () => {
      given([registered]).when(respond({ at: '2026-03-01T20:29:59+08:00' })).thenThrows('BAD_USER_INPUT', 'RESPONSE_BEFORE_INCIDENT');
    });

    it('dates a case without an incident from its first sighting', () => {
      const general: OpinionCaseEvent = { ...registered, data: { caseId, agencyCode: CITY, details: { ...details, emergency: false, incidentAt: null }, pressConferenceDueAt: null } } as OpinionCaseEvent;
      given([general]).when(respond({ at: '2026-03-01T21:00:00+08:00' })).thenThrows('BAD_USER_INPUT', 'RESPONSE_BEFORE_INCIDENT');
    });

    it.each([
      ['a response in the future', { at: '2026-03-02T12:00:01+08:00' }, 'INSTANT_IN_FUTURE'],
      ['an unknown kind', { kind: 'TWEET' }, 'NOT_ALLOWED_VALUE'],
      ['a link that is not a web address', { link: 'javascript:alert(1)' }, 'NOT_URL'],
      ['no spokesperson', { spokesperson: '' }, 'REQUIRED'],
    ])('refuses %s', (_, change, rule) => {
      given([registered]).when(respond(change)).thenThrows('BAD_USER_INPUT', rule);
    });

    it('takes no response on a closed case', () => {
      given([registered, closed]).when(respond()).thenThrows('CONFLICT', 'OPINION_CASE_CLOSED');
    });
  });

  describe('publishing a reviewed response', () => {
    const publish = (contentHash = responseHash, reviewId = 'review-r1') => ({ type: 'PublishReviewedOpinionResponse' as const, data: { caseId, version: 1, contentHash, reviewId } });
    const published: OpinionCaseEvent = { type: 'OpinionResponsePublished', data: { caseId, responseNumber: 1, contentHash: responseHash, reviewId: 'review-r1', publishedAt: '2026-03-02T04:00:00.000Z' } };

    it('publishes exactly the reviewed response, once', () => {
      given([registered, responseRecorded]).when(publish(), { actor: system }).then([published]);
      given([registered, responseRecorded, published]).when(publish(), { actor: system }).thenNothingHappened();
    });

    it('publishes nothing for another content or another review', () => {
      given([registered, responseRecorded]).when(publish('f'.repeat(64)), { actor: system }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
      given([registered, responseRecorded]).when(publish(responseHash, 'review-0'), { actor: system }).thenThrows('CONFLICT', 'REVIEWED_VERSION_OUTDATED');
    });

    it('still publishes a response approved after the case was closed', () => {
      given([registered, responseRecorded, closed]).when(publish(), { actor: system }).then([published]);
    });

    it('is done by the review gate only', () => {
      given([registered, responseRecorded]).when(publish()).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
    });
  });

  describe('closing', () => {
    it('closes with a summary, once', () => {
      given([registered, responseRecorded]).when({ type: 'CloseOpinionCase', data: { caseId, summary: '已查明原因并处置' } }).then([{ ...closed, data: { ...closed.data, closedAt: '2026-03-02T04:00:00.000Z' } } as OpinionCaseEvent]);
      given([registered, closed]).when({ type: 'CloseOpinionCase', data: { caseId, summary: '再次' } }).thenThrows('CONFLICT', 'OPINION_CASE_CLOSED');
    });

    it('needs a summary', () => {
      given([registered]).when({ type: 'CloseOpinionCase', data: { caseId, summary: '' } }).thenThrows('BAD_USER_INPUT', 'REQUIRED');
    });

    it('refuses an unknown case', () => {
      given([]).when({ type: 'CloseOpinionCase', data: { caseId, summary: 'x' } }).thenThrows('NOT_FOUND', 'OPINION_CASE_NOT_FOUND');
    });
  });
});
