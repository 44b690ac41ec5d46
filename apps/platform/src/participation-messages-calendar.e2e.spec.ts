import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTEXTS, streamIdOf } from '@gongkai/contracts';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import { clockShiftEnv, eventually, graphql, loginAs, type PlatformProcess, startPlatformProcess } from '@gongkai/testing';

jest.setTimeout(120_000);

/** Shifts the platform's clock to an instant of the scenario. */
const shiftTo = (instant: string) => Date.parse(instant) - Date.now();

const SUBMIT = `mutation($input: PublicMessageInput!) { submitPublicMessage(input: $input) { id trackingCode accessKey receivedOn answerDueOn } }`;
const MESSAGE = `query($id: ID!) { publicMessage(id: $id) { id status receivedOn answerDueOn answerLimitWorkingDays overdue escalated escalatedOn author { name contact } } }`;
const TRACK = `query($code: String!, $key: String!) { trackPublicMessage(trackingCode: $code, accessKey: $key) { trackingCode status receivedOn answerDueOn overdue answer late } }`;
const ESCALATED = `query { escalatedPublicMessages(first: 10) { totalCount edges { node { id answerDueOn overdue escalated escalatedOn } } } }`;
const STATISTICS = `query($year: Int!) { publicMessageStatistics(year: $year) { total { received overdueUnanswered escalated } } }`;
const LOAD = `mutation($input: WorkingDayCalendarYearInput!) { loadWorkingDayCalendarYear(input: $input) { year workingDays } }`;

/** A made-up 2027 with New Year's Day alone, not the State Council's notice: the real one is loaded by an administrator. */
const test2027 = {
  year: 2027,
  holidays: [{ date: '2027-01-01', name: '元旦' }],
  makeUpWorkingDays: [],
  notice: { title: '测试通知：2027年元旦安排 (test notice)', documentNumber: '测试〔2026〕2号', issuedOn: '2026-11-20' },
  reason: 'End-to-end test: a public message waiting for next year.',
};

/** The author's personal data: only the handling staff may see it, never the tracker. */
const author = { authorName: '陈思远', contact: '13926611111' };
const containsAuthor = (value: unknown): boolean => Object.values(author).some((text) => JSON.stringify(value).includes(text));

describe('A public message received before next year’s calendar is loaded', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-messages-calendar-'));
  let platform: PlatformProcess | undefined;
  let office: Record<string, string>;
  let admin: Record<string, string>;
  let receipt: { id: string; trackingCode: string; accessKey: string };

  const url = () => platform!.baseUrl;
  const start = async (instant: string) => {
    platform = await startPlatformProcess({ dataDir, env: clockShiftEnv(dataDir, shiftTo(instant)) });
    [office, admin] = await Promise.all(['office', 'admin'].map((name) => loginAs(url(), name)));
  };
  const ok = async <T>(query: string, variables: Record<string, unknown>, as: Record<string, string> = {}): Promise<T> => {
    const result = await graphql<Record<string, T>>(url(), query, variables, as);
    expect(result.errors).toBeUndefined();
    return Object.values(result.data!)[0]!;
  };
  const track = () => ok<Record<string, unknown>>(TRACK, { code: receipt.trackingCode, key: receipt.accessKey });

  afterAll(async () => {
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('Monday 28 December 2026: received, then the administrator loads 2027', () => {
    beforeAll(() => start('2026-12-28T02:00:00Z'));
    afterAll(async () => {
      await platform?.stop();
    });

    it('accepts the anonymous message without guessing its due day', async () => {
      receipt = await ok<typeof receipt>(SUBMIT, { input: { kind: 'INQUIRY', subject: '元旦期间噪声监测', text: '元旦假期期间是否安排夜间噪声监测？', ...author, publishable: false } });
      expect(receipt).toMatchObject({ receivedOn: '2026-12-28', answerDueOn: null });
      expect(await ok(MESSAGE, { id: receipt.id }, office)).toMatchObject({ answerDueOn: null, answerLimitWorkingDays: 5, overdue: false, escalated: false, author: { contact: author.contact } });
      const tracking = await track();
      expect(tracking).toMatchObject({ status: 'RECEIVED', answerDueOn: null, overdue: false });
      expect(containsAuthor(tracking)).toBe(false);
    });

    it('shows the due day once 2027 is loaded, to the office and to the author’s tracker, without the author', async () => {
      expect(await ok(LOAD, { input: test2027 }, admin)).toMatchObject({ year: 2027, workingDays: 260 });
      // 12-29 [1], 12-30 [2], 12-31 [3], Fri 01-01 holiday, Mon 01-04 [4], Tue 01-05 [5].
      const dated = await eventually(async () => {
        const message = await ok<{ answerDueOn: string | null }>(MESSAGE, { id: receipt.id }, office);
        return message.answerDueOn ? message : undefined;
      });
      expect(dated).toMatchObject({ answerDueOn: '2027-01-05', overdue: false, escalated: false });
      const tracking = await track();
      expect(tracking).toMatchObject({ answerDueOn: '2027-01-05', overdue: false });
      expect(containsAuthor(tracking)).toBe(false);
      expect(await ok(MESSAGE, { id: receipt.id })).toBeNull();
    });
  });

  describe('Wednesday 6 January 2027, the day after the due day', () => {
    beforeAll(() => start('2027-01-06T02:00:00Z'));

    it('is flagged overdue and escalated to the office, once', async () => {
      const escalated = await eventually(async () => (await ok<{ edges: { node: { id: string } }[] }>(ESCALATED, {}, office)).edges.find((e) => e.node.id === receipt.id)?.node);
      expect(escalated).toMatchObject({ answerDueOn: '2027-01-05', overdue: true, escalated: true, escalatedOn: '2027-01-06' });
      expect(await ok(STATISTICS, { year: 2026 }, office)).toEqual({ total: { received: 1, overdueUnanswered: 1, escalated: 1 } });
      const tracking = await track();
      expect(tracking).toMatchObject({ status: 'RECEIVED', answerDueOn: '2027-01-05', overdue: true });
      expect(containsAuthor(tracking)).toBe(false);
      expect(await ok(MESSAGE, { id: receipt.id })).toBeNull();
      const store = new SqliteEventStore(join(dataDir, 'gongkai.db'));
      try {
        const events = await store.readStream(streamIdOf(CONTEXTS.participation, 'PublicMessage', receipt.id));
        expect(events.map((e) => e.type)).toEqual(['PublicMessageReceived', 'PublicMessageEscalated']);
        expect(events[1]!.data).toMatchObject({ answerDueOn: '2027-01-05', escalatedOn: '2027-01-06', escalatedTo: 'OFFICE' });
      } finally {
        await store.close();
      }
    });
  });
});
