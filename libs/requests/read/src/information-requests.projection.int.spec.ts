import { defaultCalendar } from '@gongkai/calendar';
import type { RecordedEvent } from '@gongkai/event-sourcing';
import { ANONYMOUS, type Actor } from '@gongkai/kernel';
import { InMemoryReadStore, ProjectionRunner } from '@gongkai/read-store';
import type { InformationRequestEvent } from '@gongkai/requests/domain';
import { INFORMATION_REQUESTS, type InformationRequestDocument, PUBLISHED_REQUEST_ANSWERS } from './information-request-document';
import { informationRequestsProjection } from './information-requests.projection';
import { isLate, personalDataAccess, readsRequest, requestListFilter, trackingView } from './information-request-visibility';

let position = 0;
const revisions = new Map<string, number>();
const recorded = (event: InformationRequestEvent | { type: string; data: object }, streamId?: string): RecordedEvent => {
  const stream = streamId ?? `requests.InformationRequest-${(event.data as { requestId: string }).requestId}`;
  const revision = (revisions.get(stream) ?? -1) + 1;
  revisions.set(stream, revision);
  return {
    id: `event-${++position}`,
    type: event.type,
    schemaVersion: 1,
    streamId: stream,
    revision,
    globalPosition: position,
    occurredAt: '2026-11-27T02:00:00.000Z',
    data: event.data,
    metadata: { actor: { id: 'demo-window', roles: ['staff'] }, correlationId: 'c', causationId: null },
    prevHash: '0'.repeat(64),
    hash: 'f'.repeat(64),
  };
};

const receivedEvent = (requestId: string, receivedOn: string, agencyCode = '445300'): InformationRequestEvent => ({
  type: 'InformationRequestReceived',
  data: {
    requestId,
    agencyCode,
    departmentCode: 'SERVICE_WINDOW',
    channel: 'LETTER',
    receivedOn,
    trackingCode: `YF26-${requestId.toUpperCase().padEnd(4, '0').slice(0, 4)}-0000`,
    accessKeyHash: 'a'.repeat(64),
    applicantType: 'NATURAL_PERSON',
    applicant: { keyId: requestId, ciphertext: 'pd1.AAAA.BBBB.CCCC' },
    description: '监督性监测数据',
    preferredForm: 'PAPER',
    delivery: 'POST',
  },
});

const FINGERPRINT = '9'.repeat(64);
const fingerprinted = (requestId: string, receivedOn: string): InformationRequestEvent => {
  const event = receivedEvent(requestId, receivedOn);
  return event.type === 'InformationRequestReceived' ? { ...event, data: { ...event.data, applicantFingerprint: FINGERPRINT } } : event;
};

const window: Actor = { id: 'demo-window', roles: ['staff'], agencyCode: '445300', departmentCode: 'SERVICE_WINDOW' };
const planning: Actor = { id: 'demo-planning', roles: ['staff'], agencyCode: '445300', departmentCode: 'PLANNING' };
const office: Actor = { id: 'demo-office', roles: ['office', 'staff'], agencyCode: '445300', departmentCode: 'OFFICE' };
const auditor: Actor = { id: 'demo-auditor', roles: ['auditor'], agencyCode: '445300' };
const reviewer: Actor = { id: 'demo-reviewer', roles: ['reviewer'], agencyCode: '445300' };
const admin: Actor = { id: 'demo-admin', roles: ['admin'], agencyCode: '445300' };
const county: Actor = { id: 'demo-county', roles: ['staff'], agencyCode: '445381', departmentCode: 'SERVICE_WINDOW' };

describe('the information requests read model', () => {
  const readStore = new InMemoryReadStore();
  const runner = new ProjectionRunner(readStore, [informationRequestsProjection(defaultCalendar())]);
  const requests = () => readStore.collection<InformationRequestDocument>(INFORMATION_REQUESTS);
  const doc = async (id: string) => (await requests().findOne({ _id: id }))!;

  beforeAll(async () => {
    await runner.start();
    const history: RecordedEvent[] = [
      // a: consulted, extended, answered late.
      recorded(receivedEvent('a', '2026-09-14')),
      recorded({ type: 'ThirdPartyConsultationStarted', data: { requestId: 'a', consultation: 1, thirdParty: '云浮某水泥有限公司', sentOn: '2026-09-18', replyDueOn: '2026-10-15' } }),
      recorded({ type: 'ThirdPartyReplyRecorded', data: { requestId: 'a', consultation: 1, receivedOn: '2026-09-30', consents: false } }),
      recorded({
        type: 'InformationRequestExtended',
        data: { requestId: 'a', workingDays: 5, reason: '档案量大', approvedBy: '王局长', approvedInPerson: false, grantedOn: '2026-10-20', answerDueOnBefore: '2026-10-28', answerDueOn: '2026-11-04' },
      }),
      // b: waiting for a supplement.
      recorded(receivedEvent('b', '2026-02-09')),
      recorded({ type: 'SupplementRequested', data: { requestId: 'b', instructions: '请写明年份', noticeOn: '2026-02-12', supplementDueOn: '2026-03-11' } }),
      // c: plain, open, overdue long ago; d: another agency.
      recorded(receivedEvent('c', '2026-03-02')),
      recorded(receivedEvent('d', '2026-03-02', '445381')),
      // e: answered with content, review rejected.
      recorded(receivedEvent('e', '2026-09-14')),
      recorded({
        type: 'InformationRequestAnswered',
        data: {
          requestId: 'e',
          outcome: 'PARTLY_DISCLOSED',
          answeredOn: '2026-10-12',
          answerDueOn: '2026-10-16',
          late: false,
          letter: '答复书',
          legalBasis: '第十五条',
          delivery: 'POST',
          content: '电话13800000000',
          redactions: [{ start: 2, end: 13, reason: '个人隐私' }],
          redactedContent: '电话［已删除 1］',
          publishedAt: '',
          holderAgency: '',
          publicationRequest: { reviewId: 'review-e', itemType: 'REQUEST_ANSWER', itemId: 'e', itemVersion: 1, contentHash: 'h', title: 't', agencyCode: '445300', departmentCode: 'SERVICE_WINDOW', requestedBy: 'demo-window' },
        },
      }),
      // f: a fee notice across National Day, paid; g: the same applicant, fee not paid, closed.
      recorded(fingerprinted('f', '2026-09-14')),
      recorded({ type: 'FeeNoticeIssued', data: { requestId: 'f', method: 'BY_PAGES', basis: 150, amountFen: 20_00, noticeOn: '2026-09-29', payByOn: '2026-10-12' } }),
      recorded({ type: 'FeePaymentRecorded', data: { requestId: 'f', paidOn: '2026-10-09' } }),
      recorded(fingerprinted('g', '2026-09-15')),
      recorded({ type: 'FeeNoticeIssued', data: { requestId: 'g', method: 'BY_COUNT', basis: 11, amountFen: 100_00, noticeOn: '2026-09-16', payByOn: '2026-09-30' } }),
      recorded({ type: 'PublicationReviewRejected', data: { reviewId: 'review-e', subject: { itemType: 'REQUEST_ANSWER', itemId: 'e' }, rejectedBy: 'demo-reviewer', reason: '涉密' } }, 'oversight.PublicationReview-review-e'),
    ];
    for (const event of history) await runner.handle(event);
  });

  it('derives the due date from the facts and shows each step with the due date after it', async () => {
    const a = await doc('a');
    // Due 10-16, + 8 working days consulted = 10-28 (request-clock.unit.spec.ts), + 5 extended: 10-29, 10-30, 11-02, 11-03, 11-04.
    expect(a).toMatchObject({ status: 'IN_PROGRESS', answerDueOn: '2026-11-04', clockProblem: null });
    expect(a.timeline.map((t) => [t.on, t.kind, t.answerDueOn])).toEqual([
      ['2026-09-14', 'RECEIVED', '2026-10-16'],
      ['2026-09-18', 'CONSULTATION_STARTED', '2026-11-06'],
      ['2026-09-30', 'CONSULTATION_REPLIED', '2026-10-28'],
      ['2026-10-20', 'EXTENDED', '2026-11-04'],
    ]);
    expect(a.pauses).toEqual([{ kind: 'THIRD_PARTY_CONSULTATION', from: '2026-09-18', until: '2026-09-30', workingDays: 8, pending: false }]);
  });

  it('pauses the clock while the fee is outstanding and shows the notice and the payment in the timeline', async () => {
    const f = await doc('f');
    // Due 10-16; not counted (09-29, 10-09] = 3 working days across National Day (request-clock.unit.spec.ts): 10-21.
    expect(f).toMatchObject({ status: 'IN_PROGRESS', answerDueOn: '2026-10-21', fee: { method: 'BY_PAGES', basis: 150, amountFen: 20_00, payByOn: '2026-10-12', paidOn: '2026-10-09' } });
    expect(f.timeline.map((t) => [t.on, t.kind, t.answerDueOn])).toEqual([
      ['2026-09-14', 'RECEIVED', '2026-10-16'],
      // Until paid the whole time to the pay-by date is assumed: (09-29, 10-12] = 09-30, 10-08, 10-09, Sat 10-10, 10-12 = 5 → 10-23.
      ['2026-09-29', 'FEE_NOTICE_ISSUED', '2026-10-23'],
      ['2026-10-09', 'FEE_PAID', '2026-10-21'],
    ]);
    expect(f.pauses).toEqual([{ kind: 'FEE', from: '2026-09-29', until: '2026-10-09', workingDays: 3, pending: false }]);
    expect(await doc('g')).toMatchObject({ status: 'AWAITING_FEE', fee: { paidOn: null } });
  });

  it('keeps the applicant’s fingerprint and month for counting, and never gives it to the applicant', async () => {
    expect(await requests().find({ applicantFingerprint: FINGERPRINT, receivedMonth: '2026-09' }, { sort: { _id: 1 } })).toMatchObject([{ _id: 'f' }, { _id: 'g' }]);
    const view = trackingView(await doc('g'), '2026-09-20');
    expect(view.fee).toEqual({ method: 'BY_COUNT', basis: 11, amountFen: 100_00, noticeOn: '2026-09-16', payByOn: '2026-09-30', paidOn: null });
    expect(JSON.stringify(view)).not.toContain(FINGERPRINT);
  });

  it('has no due date while the clock waits for a supplement', async () => {
    expect(await doc('b')).toMatchObject({ status: 'AWAITING_SUPPLEMENT', answerDueOn: null });
  });

  it('records a rejected review of the published content', async () => {
    expect((await doc('e')).publication).toEqual({ reviewId: 'review-e', state: 'REJECTED', publishedAt: null });
    expect(await readStore.collection(PUBLISHED_REQUEST_ANSWERS).count({})).toBe(0);
  });

  it('lists the overdue requests of the reader’s agency', async () => {
    const overdue = await requests().find(requestListFilter(window, { dueBefore: '2026-11-27' }), { sort: { answerDueOn: 1, _id: 1 } });
    // c was due 2026-03-30; a (due 11-04) is open and overdue; b has no due date; d belongs to a county; e is answered.
    // f was due 10-21 after its fee; g, still waiting for its fee, 11-02: received Tue 09-15, due 10-19, + the 10 working
    // days to its pay-by date (09-16, 09-30]: 10-20 … 10-23 [1–4], 10-26 … 10-30 [5–9], Mon 11-02 [10].
    expect(overdue.map((r) => [r._id, r.answerDueOn])).toEqual([
      ['c', '2026-03-30'],
      ['f', '2026-10-21'],
      ['g', '2026-11-02'],
      ['a', '2026-11-04'],
    ]);
    expect(isLate(await doc('a'), '2026-11-05')).toBe(true);
    expect(isLate(await doc('a'), '2026-11-04')).toBe(false);
    const countyList = await requests().find(requestListFilter(county, {}));
    expect(countyList.map((r) => r._id)).toEqual(['d']);
  });

  it('opens personal data to the handling staff and auditors only', async () => {
    const a = await doc('a');
    expect(personalDataAccess(window, a)).toBe('HANDLING');
    expect(personalDataAccess(office, a)).toBe('HANDLING');
    expect(personalDataAccess(auditor, a)).toBe('AUDIT');
    for (const actor of [planning, reviewer, admin, county, ANONYMOUS]) expect(personalDataAccess(actor, a)).toBeNull();
    expect(readsRequest(planning, a)).toBe(true);
    expect(readsRequest(ANONYMOUS, a)).toBe(false);
    expect(readsRequest(county, a)).toBe(false);
  });

  it('tells the applicant the dates, pauses and extension, but not who handled it or whom it consulted', async () => {
    const view = trackingView(await doc('a'), '2026-11-27');
    expect(view).toMatchObject({ status: 'IN_PROGRESS', receivedOn: '2026-09-14', answerDueOn: '2026-11-04', departmentCode: 'SERVICE_WINDOW', extension: { workingDays: 5, answerDueOn: '2026-11-04' } });
    const text = JSON.stringify(view);
    for (const hidden of ['云浮某水泥有限公司', '王局长', 'demo-window', 'pd1.', 'a'.repeat(64)]) expect(text).not.toContain(hidden);
  });

  it('gives the applicant the redacted content with its reasons, never the original', async () => {
    const view = trackingView(await doc('e'), '2026-11-27');
    expect(view).toMatchObject({ outcome: 'PARTLY_DISCLOSED', content: '电话［已删除 1］', redactionReasons: ['1. 个人隐私'] });
    expect(JSON.stringify(view)).not.toContain('13800000000');
  });
});
