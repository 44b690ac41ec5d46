import { CONTEXTS, type PublicationSubject } from '@gongkai/contracts';
import { type RecordedEvent, verifyStreamChain } from '@gongkai/event-sourcing';
import { STAFF_FOR_TESTS } from '@gongkai/kernel/testing';
import { type CommandEnvelope, DeadlineWatch, InProcessCommandBus } from '@gongkai/messaging';
import { requestAnswerContentHash } from '@gongkai/requests/domain';
import { reviewApproved, startWriteSide } from '@gongkai/messaging/testing';
import { informationRequestStreamId, REQUESTS_ROUTES } from './requests-routes';
import { publishReviewedRequestAnswer } from './sagas/publish-reviewed-request-answer';
import { supplementDeadlineRule } from './supplement-deadline-watch';

const requestId = 'request-1';
const staff = { actor: STAFF_FOR_TESTS, correlationId: 'test' };
const intake = {
  requestId,
  trackingCode: 'YF26-ABCD-EFGH',
  accessKeyHash: 'a'.repeat(64),
  applicantType: 'NATURAL_PERSON',
  applicant: { keyId: requestId, ciphertext: 'pd1.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBA.CCCC' },
  description: '监督性监测数据',
  preferredForm: 'PAPER',
  channel: 'LETTER',
  receivedOn: '2026-09-14',
};

/** The requests write side without Nest: the routes behind the in-process bus, on a real SQLite store. */
const writeSide = async (now: string) => {
  const clock = { at: now, now: () => new Date(clock.at) };
  const { store, bus, oversight } = await startWriteSide(CONTEXTS.requests, REQUESTS_ROUTES, clock);
  const send = (type: string, data: object) => bus.send({ context: CONTEXTS.requests, type, data, metadata: staff });
  const stream = () => store.readStream(informationRequestStreamId(requestId));
  return { store, bus, oversight, send, stream, clock };
};

describe('the requests write side', () => {
  it('routes every command of a request to its one stream, hash-chained', async () => {
    const { store, send, stream } = await writeSide('2026-11-27T02:00:00Z');
    await send('RegisterInformationRequest', intake);
    await send('StartThirdPartyConsultation', { requestId, thirdParty: '某企业', sentOn: '2026-09-18' });
    await send('RecordThirdPartyReply', { requestId, receivedOn: '2026-09-30', consents: true });
    const events = await stream();
    expect(events.map((e) => e.type)).toEqual(['InformationRequestReceived', 'ThirdPartyConsultationStarted', 'ThirdPartyReplyRecorded']);
    expect(events[0].streamId).toBe('requests.InformationRequest-request-1');
    expect(verifyStreamChain(events)).toEqual({ ok: true });
    await store.close();
  });

  it('publishes the reviewed content of a disclosed answer when the gate approves it', async () => {
    const { store, bus, oversight, send, stream } = await writeSide('2026-11-27T02:00:00Z');
    await send('RegisterInformationRequest', intake);
    await send('AnswerInformationRequest', { requestId, outcome: 'DISCLOSED', answeredOn: '2026-10-12', content: '监测数据', reviewId: 'review-1' });
    const subject = (await stream())[1].data as { publicationRequest: PublicationSubject };
    await publishReviewedRequestAnswer(bus).handle(reviewApproved({ ...subject.publicationRequest, itemType: 'REQUEST_ANSWER', itemId: requestId }));
    const events = await stream();
    expect(events.at(-1)).toMatchObject({ type: 'RequestAnswerPublished', data: { reviewId: 'review-1', contentHash: requestAnswerContentHash(requestId, '监测数据') } });
    expect(oversight.map((c) => c.type)).toEqual(['RecordReviewedVersionPublished']);
    await store.close();
  });

  it('closes a request whose supplement is overdue, and leaves one that was supplemented', async () => {
    // The notices are recorded on the day they are sent, 2026-09-15; the watch looks on 2026-11-27.
    const { store, bus, send, stream, clock } = await writeSide('2026-09-15T02:00:00Z');
    await send('RegisterInformationRequest', { ...intake, receivedOn: '2026-09-14' });
    await send('RequestSupplement', { requestId, instructions: '请写明年份', noticeOn: '2026-09-15', supplementDueOn: '2026-09-30' });
    await send('RegisterInformationRequest', { ...intake, requestId: 'request-2', applicant: { ...intake.applicant, keyId: 'request-2' } });
    await send('RequestSupplement', { requestId: 'request-2', instructions: '请写明年份', noticeOn: '2026-09-15', supplementDueOn: '2026-09-30' });
    clock.at = '2026-09-29T02:00:00Z';
    await send('RecordSupplement', { requestId: 'request-2', receivedOn: '2026-09-29', content: '2025年' });
    clock.at = '2026-11-27T02:00:00Z';
    const watch = new DeadlineWatch(supplementDeadlineRule, bus, () => '2026-11-27');
    // A stale view, as at start-up before the later events are read: the decider leaves request-2 alone.
    for (const event of await store.readAll()) if (event.type !== 'SupplementReceived') await watch.handle(event);
    expect((await stream()).at(-1)).toMatchObject({ type: 'InformationRequestAnswered', data: { outcome: 'OTHER_NO_SUPPLEMENT', answeredOn: '2026-11-27' } });
    expect((await store.readStream(informationRequestStreamId('request-2'))).at(-1)?.type).toBe('SupplementReceived');
    await store.close();
  });
});

describe('the supplement deadline watch', () => {
  const event = (type: string, data: object, occurredAt = '2026-02-12T02:00:00.000Z'): RecordedEvent =>
    ({ type, data, occurredAt, streamId: `requests.InformationRequest-${requestId}` }) as unknown as RecordedEvent;
  const asked = event('SupplementRequested', { requestId, instructions: 'x', noticeOn: '2026-02-12', supplementDueOn: '2026-03-11' });

  const watchOn = (today: { value: string }, fail = false) => {
    const sent: CommandEnvelope[] = [];
    const errors: string[] = [];
    const bus = {
      send: async (command: CommandEnvelope) => {
        if (fail) throw new Error('bus down');
        sent.push(command);
        return { streamId: 's', revision: 0, position: 0 };
      },
    } as unknown as InProcessCommandBus;
    return { sent, errors, watch: new DeadlineWatch(supplementDeadlineRule, bus, () => today.value, (id) => errors.push(id)) };
  };

  it('waits through the due date and closes the day after', async () => {
    const today = { value: '2026-03-11' };
    const { sent, watch } = watchOn(today);
    await watch.handle(asked);
    await watch.tick();
    expect(sent).toEqual([]);
    today.value = '2026-03-12';
    await watch.tick();
    expect(sent.map((c) => [c.type, c.data, c.metadata.actor.id])).toEqual([['CloseRequestWithoutSupplement', { requestId }, 'system:requests.supplement-deadlines']]);
    expect(watch.pending().size).toBe(0);
  });

  it('forgets a request once its supplement arrives or it is answered', async () => {
    const { sent, watch } = watchOn({ value: '2026-04-01' });
    await watch.handle(event('SupplementRequested', { requestId, instructions: 'x', noticeOn: '2026-03-30', supplementDueOn: '2026-04-20' }, '2026-03-30T02:00:00.000Z'));
    await watch.handle(event('SupplementReceived', { requestId, receivedOn: '2026-04-01', content: 'x' }));
    await watch.tick();
    expect(sent).toEqual([]);
  });

  it('closes at once, on start-up, a request whose supplement fell due while the platform was not running', async () => {
    const { sent, watch } = watchOn({ value: '2026-11-27' });
    await watch.handle(asked);
    expect(sent).toHaveLength(1);
  });

  it('leaves a notice entered after its own due date to the staff transcribing the file', async () => {
    const { sent, watch } = watchOn({ value: '2026-11-27' });
    await watch.handle(event('SupplementRequested', { requestId, instructions: 'x', noticeOn: '2026-02-12', supplementDueOn: '2026-03-11' }, '2026-11-27T02:00:00.000Z'));
    await watch.tick();
    expect(sent).toEqual([]);
  });

  it('watches a notice due in a year with no calendar by the day it carries: the decider never records one without', async () => {
    const today = { value: '2027-01-15' };
    const { sent, watch } = watchOn(today);
    await watch.handle(event('SupplementRequested', { requestId, instructions: 'x', noticeOn: '2026-12-21', supplementDueOn: '2027-01-15' }, '2026-12-21T02:00:00.000Z'));
    await watch.tick();
    expect([sent, watch.pending(), watch.undatedSubjects()]).toEqual([[], new Map([[requestId, '2027-01-15']]), []]);
    today.value = '2027-01-16';
    await watch.tick();
    expect(sent.map((c) => c.type)).toEqual(['CloseRequestWithoutSupplement']);
  });

  it('reports a failure and tries again at the next tick', async () => {
    const { errors, watch } = watchOn({ value: '2026-11-27' }, true);
    await watch.handle(asked);
    await watch.tick();
    expect(errors).toEqual([requestId, requestId]);
    expect(watch.pending().get(requestId)).toBe('2026-03-11');
  });
});
