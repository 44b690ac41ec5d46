import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clockShiftEnv, type DistributedPlatform, eventually, graphql, loginAs, startDistributedPlatform } from '@gongkai/testing';

jest.setTimeout(180_000);

/** Every process's clock moves to Thursday 17 December 2026 (Shanghai), when deadlines run into 2027. */
const SHIFT_MS = Date.parse('2026-12-17T02:00:00Z') - Date.now();

const REGISTER = `mutation($input: InformationRequestInput!, $receivedOn: Date!) {
  registerInformationRequest(input: $input, channel: LETTER, receivedOn: $receivedOn) { id } }`;
const REQUEST = `query($id: ID!) { informationRequest(id: $id) { answerDueOn clockProblem extension { answerDueOn } } }`;
const EXTEND = `mutation($id: ID!, $days: Int!) { extendInformationRequest(id: $id, reason: "需调取多个年度的监测档案", workingDays: $days, approvedBy: "李局长") { answerDueOn } }`;
const LOAD = `mutation($input: WorkingDayCalendarYearInput!) { loadWorkingDayCalendarYear(input: $input) { year workingDays } }`;
const YEARS = `query { workingDayCalendarYears { year workingDays builtIn } }`;

/** A made-up 2027 for the test, not the State Council's notice. */
const test2027 = {
  year: 2027,
  holidays: [{ date: '2027-01-01', name: '元旦' }, ...['06', '07', '08', '09', '10', '11', '12', '13', '14'].map((day) => ({ date: `2027-02-${day}`, name: '春节' }))],
  makeUpWorkingDays: ['2027-02-20'],
  notice: { title: '测试通知：2027年部分节假日安排 (test notice)', documentNumber: '测试〔2026〕1号', issuedOn: '2026-11-20' },
  reason: 'Distributed test of loading next year.',
};
const applicant = { applicantType: 'NATURAL_PERSON', applicantName: '测试申请人', idNumber: '445302198807156611', contact: '13926600000', address: '云浮市', description: '监测数据', preferredForm: 'ELECTRONIC' };

interface RequestView {
  answerDueOn: string | null;
  clockProblem: string | null;
  extension: { answerDueOn: string } | null;
}

/**
 * A year loaded through the gateway reaches the oversight service that records it, the requests
 * service that decides deadlines with it (live, and a replica started later by catching up), and
 * the gateway's own read models, without restarting any of them.
 */
describe('A loaded calendar year in the distributed runtime', () => {
  const preloadDir = mkdtempSync(join(tmpdir(), 'gongkai-calendar-clock-'));
  let platform: DistributedPlatform;
  let window: Record<string, string>;
  let admin: Record<string, string>;
  const url = () => platform.baseUrl;
  const register = async (receivedOn: string): Promise<string> => {
    const result = await graphql<{ registerInformationRequest: { id: string } }>(url(), REGISTER, { input: applicant, receivedOn }, window);
    expect(result.errors).toBeUndefined();
    return result.data!.registerInformationRequest.id;
  };
  const request = async (id: string): Promise<RequestView | undefined> => (await graphql<{ informationRequest: RequestView | null }>(url(), REQUEST, { id }, window)).data?.informationRequest ?? undefined;

  beforeAll(async () => {
    platform = await startDistributedPlatform({ contexts: ['oversight', 'requests'], env: clockShiftEnv(preloadDir, SHIFT_MS) });
    [window, admin] = await Promise.all([loginAs(url(), 'window'), loginAs(url(), 'admin')]);
  });

  afterAll(async () => {
    await platform?.stop();
    rmSync(preloadDir, { recursive: true, force: true });
  });

  it('reaches the requests service and the gateway: refused before, dated after', async () => {
    const id = await register('2026-12-14');
    const before = await eventually(() => request(id), 30_000);
    expect(before).toMatchObject({ answerDueOn: null, clockProblem: 'CALENDAR_YEAR_NOT_LOADED' });
    const refused = await graphql(url(), EXTEND, { id, days: 10 }, window);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ rule: 'CALENDAR_YEAR_NOT_LOADED' });

    const loaded = await graphql<{ loadWorkingDayCalendarYear: { year: number; workingDays: number } }>(url(), LOAD, { input: test2027 }, admin);
    expect(loaded.errors).toBeUndefined();
    expect(loaded.data!.loadWorkingDayCalendarYear).toEqual({ year: 2027, workingDays: 256 });

    // The gateway's read model: 12-15 … 12-31 [1–13], Fri 01-01 holiday, 01-04 … 01-08 [14–18], 01-11 [19], Tue 01-12 [20].
    const dated = await eventually(async () => ((await request(id))?.answerDueOn ? request(id) : undefined), 30_000);
    expect(dated).toMatchObject({ answerDueOn: '2027-01-12', clockProblem: null });

    // The requests service's decider: 10 more working days, 01-13 … 01-15 [1–3], 01-18 … 01-22 [4–8], 01-25 [9], Tue 01-26 [10].
    const extended = await eventually(async () => (await graphql<{ extendInformationRequest: { answerDueOn: string } }>(url(), EXTEND, { id, days: 10 }, window)).data?.extendInformationRequest, 30_000);
    expect(extended.answerDueOn).toBe('2027-01-26');

    const years = await graphql<{ workingDayCalendarYears: { year: number; workingDays: number; builtIn: boolean }[] }>(url(), YEARS);
    expect(years.data!.workingDayCalendarYears).toEqual([
      { year: 2025, workingDays: 248, builtIn: true },
      { year: 2026, workingDays: 248, builtIn: true },
      { year: 2027, workingDays: 256, builtIn: false },
    ]);
  });

  it('reaches a requests replica started after the load, which catches up at start', async () => {
    const [first] = platform.services.get('requests') ?? [];
    await platform.startService('requests');
    await first!.stop();
    const id = await register('2026-12-15');
    // Received Tue 12-15: 12-16 … 12-31 [1–12], 01-04 … 01-08 [13–17], 01-11 … Wed 01-13 [18–20]; 5 more: 01-14, 01-15, 01-18, 01-19, Wed 01-20.
    const extended = await eventually(async () => (await graphql<{ extendInformationRequest: { answerDueOn: string } }>(url(), EXTEND, { id, days: 5 }, window)).data?.extendInformationRequest, 30_000);
    expect(extended.answerDueOn).toBe('2027-01-20');
  });
});
