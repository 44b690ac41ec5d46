import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTEXTS, streamIdOf, WORKING_DAY_CALENDAR_STREAM } from '@gongkai/contracts';
import { verifyStreamChain } from '@gongkai/event-sourcing';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import { clockShiftEnv, eventually, graphql, loginAs, type PlatformProcess, startPlatformProcess } from '@gongkai/testing';

jest.setTimeout(60_000);

const DAY_MS = 86_400_000;
/** The platform's clock moves to Thursday 17 December 2026 (Shanghai), when deadlines run into 2027. */
const SHIFT_MS = Date.parse('2026-12-17T02:00:00Z') - Date.now();

const REGISTER = `mutation($input: InformationRequestInput!, $receivedOn: Date!) {
  registerInformationRequest(input: $input, channel: LETTER, receivedOn: $receivedOn) { id receivedOn answerDueOn } }`;
const REQUEST = `query($id: ID!) { informationRequest(id: $id) { id answerDueOn clockProblem } }`;
const YEARS = `query { workingDayCalendarYears { year workingDays builtIn source versions reason makeUpWorkingDays holidays { date name } notice { title documentNumber issuedOn } } }`;
const LOAD = `mutation($input: WorkingDayCalendarYearInput!) { loadWorkingDayCalendarYear(input: $input) { year workingDays builtIn versions source } }`;

/** A made-up 2027 for the test, not the State Council's notice: the real one is loaded by an administrator. */
const test2027 = {
  year: 2027,
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    ...['06', '07', '08', '09', '10', '11', '12', '13', '14'].map((day) => ({ date: `2027-02-${day}`, name: '春节' })),
  ],
  makeUpWorkingDays: ['2027-02-20'],
  notice: { title: '测试通知：2027年部分节假日安排 (test notice)', documentNumber: '测试〔2026〕1号', issuedOn: '2026-11-20' },
  reason: 'End-to-end test of loading next year.',
};

describe('The working-day calendar, loaded by an administrator while the platform runs', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-calendar-'));
  let platform: PlatformProcess;
  let window: Record<string, string>;
  let office: Record<string, string>;
  let admin: Record<string, string>;
  const url = () => platform.baseUrl;

  beforeAll(async () => {
    platform = await startPlatformProcess({ dataDir, env: clockShiftEnv(dataDir, SHIFT_MS) });
    [window, office, admin] = await Promise.all(['window', 'office', 'admin'].map((name) => loginAs(url(), name)));
  });

  afterAll(async () => {
    await platform?.stop();
    platform?.cleanup();
  });

  let requestId = '';

  it('shows no due date, and why, for a request whose 20 working days run into a year not loaded', async () => {
    const input = { applicantType: 'NATURAL_PERSON', applicantName: '测试申请人', idNumber: '445302198807156611', contact: '13926600000', address: '云浮市', description: '2026年监测数据', preferredForm: 'ELECTRONIC' };
    const registered = await graphql<{ registerInformationRequest: { id: string; answerDueOn: string | null } }>(url(), REGISTER, { input, receivedOn: '2026-12-14' }, window);
    expect(registered.errors).toBeUndefined();
    requestId = registered.data!.registerInformationRequest.id;
    const request = await graphql<{ informationRequest: { answerDueOn: string | null; clockProblem: string | null } }>(url(), REQUEST, { id: requestId }, window);
    expect(request.data!.informationRequest).toMatchObject({ answerDueOn: null, clockProblem: 'CALENDAR_YEAR_NOT_LOADED' });
  });

  it('lists the built-in years publicly, 248 working days each', async () => {
    const years = await graphql<{ workingDayCalendarYears: { year: number; workingDays: number; builtIn: boolean }[] }>(url(), YEARS);
    expect(years.errors).toBeUndefined();
    expect(years.data!.workingDayCalendarYears.map(({ year, workingDays, builtIn }) => ({ year, workingDays, builtIn }))).toEqual([
      { year: 2025, workingDays: 248, builtIn: true },
      { year: 2026, workingDays: 248, builtIn: true },
    ]);
  });

  it('refuses the load to anyone but an administrator, and changes nothing', async () => {
    const anonymous = await graphql(url(), LOAD, { input: test2027 });
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', rule: 'ROLE_REQUIRED' });
    for (const staff of [window, office]) {
      const refused = await graphql(url(), LOAD, { input: test2027 }, staff);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'ROLE_REQUIRED' });
    }
    const years = await graphql<{ workingDayCalendarYears: { year: number }[] }>(url(), YEARS);
    expect(years.data!.workingDayCalendarYears.map((y) => y.year)).toEqual([2025, 2026]);
  });

  it('refuses a make-up day on a weekday at the edge, and changes nothing', async () => {
    const refused = await graphql(url(), LOAD, { input: { ...test2027, makeUpWorkingDays: ['2027-02-19'] } }, admin);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'MAKE_UP_DAY_NOT_ON_WEEKEND' });
    const store = new SqliteEventStore(join(dataDir, 'gongkai.db'));
    try {
      expect(await store.readStream(WORKING_DAY_CALENDAR_STREAM)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('loads 2027 with its working-day count, and the request then shows its due date', async () => {
    const loaded = await graphql<{ loadWorkingDayCalendarYear: { year: number; workingDays: number; builtIn: boolean; versions: number } }>(url(), LOAD, { input: test2027 }, admin);
    expect(loaded.errors).toBeUndefined();
    expect(loaded.data!.loadWorkingDayCalendarYear).toMatchObject({ year: 2027, workingDays: 256, builtIn: false, versions: 1 });

    // Received Mon 2026-12-14: 12-15 … 12-18 [1–4], 12-21 … 12-25 [5–9], 12-28 … 12-31 [10–13], Fri 01-01 holiday,
    // 01-04 … 01-08 [14–18], Mon 01-11 [19], Tue 01-12 [20].
    const request = await eventually(async () => {
      const result = await graphql<{ informationRequest: { answerDueOn: string | null; clockProblem: string | null } }>(url(), REQUEST, { id: requestId }, window);
      return result.data?.informationRequest.answerDueOn ? result.data.informationRequest : undefined;
    });
    expect(request).toMatchObject({ answerDueOn: '2027-01-12', clockProblem: null });

    const years = await graphql<{ workingDayCalendarYears: { year: number; notice: { documentNumber: string } | null; holidays: { date: string; name: string | null }[] }[] }>(url(), YEARS);
    const year2027 = years.data!.workingDayCalendarYears.find((y) => y.year === 2027);
    expect(year2027).toMatchObject({ notice: { documentNumber: '测试〔2026〕1号' }, holidays: expect.arrayContaining([{ date: '2027-01-01', name: '元旦' }]) });
  });

  it('replaces a loaded year only when asked to, and the due dates follow the correction', async () => {
    const again = await graphql(url(), LOAD, { input: test2027 }, admin);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'CALENDAR_YEAR_ALREADY_LOADED' });

    // The correction: 4 January is a holiday too, so the 20th working day moves to Wed 01-13.
    const corrected = { ...test2027, holidays: [...test2027.holidays, { date: '2027-01-04', name: '元旦' }], reason: 'Corrected: 4 January.', replace: true };
    const revised = await graphql<{ loadWorkingDayCalendarYear: { workingDays: number; versions: number } }>(url(), LOAD, { input: corrected }, admin);
    expect(revised.errors).toBeUndefined();
    expect(revised.data!.loadWorkingDayCalendarYear).toMatchObject({ workingDays: 255, versions: 2 });
    const request = await eventually(async () => {
      const result = await graphql<{ informationRequest: { answerDueOn: string | null } }>(url(), REQUEST, { id: requestId }, window);
      return result.data?.informationRequest.answerDueOn === '2027-01-13' ? result.data.informationRequest : undefined;
    });
    expect(request.answerDueOn).toBe('2027-01-13');
  });

  it('keeps each load in the hash-chained history with the administrator and the reason, and the year after a restart', async () => {
    await platform.stop();
    const store = new SqliteEventStore(join(dataDir, 'gongkai.db'));
    try {
      const events = await store.readStream(WORKING_DAY_CALENDAR_STREAM);
      expect(events.map((e) => [e.type, e.metadata.actor.id, e.metadata.reason])).toEqual([
        ['WorkingDayCalendarYearLoaded', 'demo-admin', 'End-to-end test of loading next year.'],
        ['WorkingDayCalendarYearRevised', 'demo-admin', 'Corrected: 4 January.'],
      ]);
      expect(verifyStreamChain(events)).toMatchObject({ ok: true });
      expect(WORKING_DAY_CALENDAR_STREAM).toBe(streamIdOf(CONTEXTS.oversight, 'WorkingDayCalendar', 'national'));
    } finally {
      await store.close();
    }
    platform = await startPlatformProcess({ dataDir, env: clockShiftEnv(dataDir, SHIFT_MS + DAY_MS) });
    window = await loginAs(url(), 'window');
    const request = await graphql<{ informationRequest: { answerDueOn: string | null; clockProblem: string | null } }>(url(), REQUEST, { id: requestId }, window);
    expect(request.data!.informationRequest).toMatchObject({ answerDueOn: '2027-01-13', clockProblem: null });
  });
});
