import { defaultCalendar } from '@gongkai/calendar';
import { CONTEXTS, streamIdOf } from '@gongkai/contracts';
import { type CommandContext, handleCommand, InMemoryPersonalDataVault, verifyStreamChain } from '@gongkai/event-sourcing';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import { accessKeyHash, accessKeyOpens, type Actor, newAccessKey } from '@gongkai/kernel';
import { InMemoryReadStore, ProjectionRunner } from '@gongkai/read-store';
import { informationRequestDecider, type InformationRequestCommand, validateApplicantPersonalData } from '@gongkai/requests/domain';
import { INFORMATION_REQUESTS, type InformationRequestDocument } from '../information-request-document';
import { informationRequestsProjection } from '../information-requests.projection';
import { trackingView } from '../information-request-visibility';
import { openApplicant, sealApplicant } from './applicant-seal';

const window: Actor = { id: 'demo-window', roles: ['staff'], agencyCode: '445300', departmentCode: 'SERVICE_WINDOW' };
const admin: Actor = { id: 'demo-admin', roles: ['admin'], agencyCode: '445300' };
const personal = { applicantName: '张三丰', idNumber: '44530219900101123x', contact: '13800138000', address: '云浮市云城区星岩四路1号' };
const PLAINTEXTS = ['张三丰', '44530219900101123', '13800138000', '星岩四路'];
const requestId = 'request-shredded';
const streamId = streamIdOf(CONTEXTS.requests, 'InformationRequest', requestId);

/**
 * Crypto-shredding end to end without Nest: the service layer seals the applicant's data, the
 * decider stores only ciphertext, and erasing the key forgets it while the history stays whole.
 */
describe('crypto-shredding of an applicant’s personal data', () => {
  let store: SqliteEventStore;
  let vault: InMemoryPersonalDataVault;
  let readStore: InMemoryReadStore;
  let runner: ProjectionRunner;
  const accessKey = newAccessKey();

  const send = async (command: InformationRequestCommand, actor: Actor, now = '2026-11-27T02:00:00Z') => {
    const context: CommandContext = { now: new Date(now), actor, calendar: defaultCalendar(), correlationId: 'test' };
    const handled = await handleCommand(store, informationRequestDecider, streamId, command, context);
    for (const event of handled.events) await runner.handle(event);
  };
  const document = async () => (await readStore.collection<InformationRequestDocument>(INFORMATION_REQUESTS).findOne({ _id: requestId }))!;

  beforeAll(async () => {
    store = new SqliteEventStore(':memory:');
    vault = new InMemoryPersonalDataVault();
    readStore = new InMemoryReadStore();
    runner = new ProjectionRunner(readStore, [informationRequestsProjection(defaultCalendar())]);
    await runner.start();
    const applicant = await sealApplicant(vault, requestId, validateApplicantPersonalData(personal));
    await send(
      {
        type: 'RegisterInformationRequest',
        data: {
          requestId,
          trackingCode: 'YF26-ABCD-EFGH',
          accessKeyHash: accessKeyHash(accessKey),
          applicantType: 'NATURAL_PERSON',
          applicant,
          description: '某水泥厂2025年监督性监测数据',
          preferredForm: 'PAPER',
          channel: 'IN_PERSON',
          receivedOn: '2026-09-14',
        },
      },
      window,
    );
    await send({ type: 'AnswerInformationRequest', data: { requestId, outcome: 'UNAVAILABLE_NOT_HELD', answeredOn: '2026-10-12' } }, window);
  });

  afterAll(async () => {
    await store.close();
    await vault.close();
  });

  it('stores only ciphertext: no personal field is in the event store or the read model in plain text', async () => {
    const stored = JSON.stringify(await store.readAll());
    const projected = JSON.stringify(await document());
    for (const text of PLAINTEXTS) {
      expect(stored).not.toContain(text);
      expect(projected).not.toContain(text);
    }
    expect(await openApplicant(vault, (await document()).applicant, false)).toEqual({
      erased: false,
      data: { name: '张三丰', idNumber: '44530219900101123X', contact: '13800138000', address: '云浮市云城区星岩四路1号' },
    });
  });

  it('after the key is erased, reads the personal fields as erased and everything else as before, and the chain still verifies', async () => {
    const before = await document();
    const eventsBefore = await store.readStream(streamId);

    await send({ type: 'EraseApplicantPersonalData', data: { requestId, reason: '保存期限届满（申请办结后满两年）' } }, admin);
    await vault.eraseKey(requestId);

    const after = await document();
    expect(await openApplicant(vault, after.applicant, after.personalDataErased)).toEqual({ erased: true });
    // Even a read model that missed the erasure event cannot open the data any more.
    expect(await openApplicant(vault, before.applicant, false)).toEqual({ erased: true });
    const { timeline: timelineAfter, personalDataErased, updatedAt: _a, ...rest } = after;
    const { timeline: timelineBefore, personalDataErased: _b, updatedAt: _c, ...restBefore } = before;
    expect(personalDataErased).toBe(true);
    expect(rest).toEqual(restBefore);
    expect(timelineAfter.slice(0, timelineBefore.length)).toEqual(timelineBefore);
    expect(timelineAfter.at(-1)).toMatchObject({ kind: 'PERSONAL_DATA_ERASED', reason: '保存期限届满（申请办结后满两年）' });

    const eventsAfter = await store.readStream(streamId);
    expect(eventsAfter.slice(0, eventsBefore.length)).toEqual(eventsBefore);
    expect(verifyStreamChain(eventsAfter)).toEqual({ ok: true });
    expect(trackingView(after, '2026-11-27')).toMatchObject({ status: 'ANSWERED', receivedOn: '2026-09-14', outcome: 'UNAVAILABLE_NOT_HELD', answeredOn: '2026-10-12' });
  });

  it('opens tracking only with the right key, and a wrong code costs the same as a wrong key', async () => {
    const doc = await document();
    expect(accessKeyOpens(doc.accessKeyHash, accessKey)).toBe(true);
    expect(accessKeyOpens(doc.accessKeyHash, accessKey.toLowerCase().replace(/-/g, ' '))).toBe(true);
    expect(accessKeyOpens(doc.accessKeyHash, newAccessKey())).toBe(false);
    expect(accessKeyOpens(undefined, accessKey)).toBe(false);
  });
});
