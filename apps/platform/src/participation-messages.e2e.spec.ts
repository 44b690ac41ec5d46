import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calendarDaysBetween } from '@gongkai/calendar';
import { clockShiftEnv, eventually, graphql, type GraphqlResponse, loginAs, type PlatformProcess, startPlatformProcess } from '@gongkai/testing';

jest.setTimeout(120_000);

const DAY_MS = 86_400_000;
const SUBMIT = `mutation($input: PublicMessageInput!) { submitPublicMessage(input: $input) { id trackingCode accessKey receivedOn answerDueOn complaintNote } }`;
const MESSAGE_FIELDS = `id kind subject text status receivedOn answerDueOn answerLimitWorkingDays overdue escalated escalatedOn complaintNote publicationState publishedAt
  publishable hidden hiddenReason rating department { code } answer { text answeredOn late workingDaysTaken answeredBy }`;
const MESSAGE = `query($id: ID!) { publicMessage(id: $id) { ${MESSAGE_FIELDS} author { name contact erased } } }`;
const LIST = `query($kind: MessageKind, $answered: Boolean) { publicMessages(kind: $kind, answered: $answered, first: 10) {
  totalCount edges { node { id subject text publicationState hidden hiddenReason rating department { code } answer { text late answeredBy } author { name contact } } } } }`;
const ESCALATED = `query { escalatedPublicMessages(first: 10) { totalCount edges { node { id overdue escalated escalatedOn department { code } } } } }`;
const TRACK = `query($code: String!, $key: String!) { trackPublicMessage(trackingCode: $code, accessKey: $key) {
  trackingCode kind subject status answerDueOn overdue answer answeredOn late published hidden rating department { code } } }`;
const ROUTE = `mutation($id: ID!, $to: String!) { routePublicMessage(id: $id, departmentCode: $to) { id status department { code } author { contact } } }`;
const ANSWER = `mutation($id: ID!, $answer: String!) { answerPublicMessage(id: $id, answer: $answer) { ${MESSAGE_FIELDS} } }`;
const HIDE = `mutation($id: ID!, $reason: String!) { hidePublicMessage(id: $id, reason: $reason) { id hidden hiddenReason } }`;
const RATE = `mutation($code: String!, $key: String!, $rating: Int!) { ratePublicMessage(trackingCode: $code, accessKey: $key, rating: $rating) { rating status } }`;
const LIMITS = `query { publicMessageAnswerLimits { limits { kind workingDays } setOn reason } }`;
const SET_LIMITS = `mutation($limits: [MessageAnswerLimitInput!]!, $reason: String!) { setPublicMessageAnswerLimits(limits: $limits, reason: $reason) { limits { kind workingDays } reason } }`;
const STATISTICS = `query($year: Int!) { publicMessageStatistics(year: $year) {
  year total { received answered redirected answeredOnTime onTimeRate averageWorkingDaysToAnswer overdueUnanswered escalated ratings averageRating }
  byKind { kind received answered } byDepartment { department { code } received answered answeredOnTime }
  ratingDistribution { rating count } } }`;
const REVIEWS = `query { publicationReviews(status: PENDING) { id itemType itemId } }`;
const APPROVE = `mutation($id: ID!) { approvePublicationReview(id: $id, comment: "不涉密，不含个人信息") { id status } }`;

/** The author's personal data: it must reach the handling staff and nobody else. */
const AUTHOR_NAME = '欧阳明远';
const CONTACT = '13926600000';
const containsAuthor = (value: unknown): boolean => [AUTHOR_NAME, CONTACT].some((text) => JSON.stringify(value).includes(text));

interface Receipt {
  id: string;
  trackingCode: string;
  accessKey: string;
  receivedOn: string;
  answerDueOn: string | null;
  complaintNote: string | null;
}
interface Message {
  id: string;
  status: string;
  answerDueOn: string | null;
  overdue: boolean;
  escalated: boolean;
  publicationState: string | null;
  hidden: boolean;
  answer: { text: string; late: boolean; workingDaysTaken: number | null; answeredBy: string | null } | null;
  author?: { name: string | null; contact: string | null } | null;
  [field: string]: unknown;
}
interface Connection {
  totalCount: number;
  edges: { node: Message }[];
}

const inquiry = {
  kind: 'INQUIRY',
  subject: '工地夜间施工噪声',
  text: '云城区星岩四路附近工地每晚十一点后仍在施工，请问夜间施工是否经过审批？噪声是否超标？',
  authorName: AUTHOR_NAME,
  contact: CONTACT,
  publishable: true,
};
const ANSWER_TEXT = '经核查，该工地未取得夜间施工许可，我局已责令停止夜间施工并依法立案调查；监测站夜间监测结果为58分贝，超过2类区夜间限值50分贝。';

describe('Public messages (留言咨询), end to end through GraphQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-messages-'));
  let platform: PlatformProcess | undefined;
  let office: Record<string, string>;
  let supervision: Record<string, string>;
  let regulations: Record<string, string>;
  let window: Record<string, string>;
  let reviewer: Record<string, string>;
  let receipt: Receipt;
  let year = 0;

  const url = () => platform!.baseUrl;
  const start = async (shiftDays: number) => {
    platform = await startPlatformProcess({ dataDir, env: clockShiftEnv(dataDir, shiftDays * DAY_MS) });
    [office, supervision, regulations, window, reviewer] = await Promise.all(['office', 'supervision', 'regulations', 'window', 'reviewer'].map((name) => loginAs(url(), name)));
  };
  const ok = async <T>(query: string, variables: Record<string, unknown>, as: Record<string, string> = {}): Promise<T> => {
    const result = await graphql<Record<string, T>>(url(), query, variables, as);
    expect(result.errors).toBeUndefined();
    return Object.values(result.data!)[0]!;
  };
  const refusal = async (query: string, variables: Record<string, unknown>, as: Record<string, string> = {}) => {
    const result: GraphqlResponse = await graphql(url(), query, variables, as);
    return result.errors?.[0]?.extensions;
  };
  const message = (as: Record<string, string> = {}) => ok<Message | null>(MESSAGE, { id: receipt.id }, as);
  const list = (as: Record<string, string> = {}, variables: Record<string, unknown> = {}) => ok<Connection>(LIST, variables, as);

  afterAll(async () => {
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('today: a citizen asks, the office routes', () => {
    beforeAll(() => start(0));
    afterAll(async () => {
      await platform?.stop();
    });

    it('lets the office commit to answer limits per kind, as an audited decision the public can read', async () => {
      expect(await refusal(SET_LIMITS, { limits: [{ kind: 'SUGGESTION', workingDays: 3 }], reason: '窗口自定' }, window)).toMatchObject({ code: 'FORBIDDEN', rule: 'ROLE_REQUIRED' });
      expect(await refusal(SET_LIMITS, { limits: [{ kind: 'SUGGESTION', workingDays: 21 }], reason: '超过法定期限' }, office)).toMatchObject({
        code: 'BAD_USER_INPUT',
        rule: 'ANSWER_LIMIT_OUT_OF_RANGE',
      });
      const set = await ok<{ limits: { kind: string; workingDays: number }[] }>(SET_LIMITS, { limits: [{ kind: 'SUGGESTION', workingDays: 3 }], reason: '局务会议：建议类留言3个工作日内答复' }, office);
      expect(set.limits).toEqual([
        { kind: 'INQUIRY', workingDays: 5 },
        { kind: 'SUGGESTION', workingDays: 3 },
        { kind: 'COMPLAINT', workingDays: 5 },
      ]);
      expect(await ok(LIMITS, {})).toMatchObject({ limits: set.limits, reason: '局务会议：建议类留言3个工作日内答复' });
    });

    it('receives an anonymous inquiry with a tracking code, an access key and a due date in working days', async () => {
      receipt = await ok<Receipt>(SUBMIT, { input: inquiry });
      expect(receipt).toMatchObject({ trackingCode: expect.stringMatching(/^YM\d{2}-[0-9A-Z]{4}-[0-9A-Z]{4}$/), accessKey: expect.stringMatching(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/), complaintNote: null });
      year = Number(receipt.receivedOn.slice(0, 4));
      expect(receipt.answerDueOn! > receipt.receivedOn).toBe(true);
      // The limit applies per kind: a suggestion, 3 working days, falls due no later than an inquiry, 5.
      const suggestion = await ok<Receipt>(SUBMIT, { input: { ...inquiry, kind: 'SUGGESTION', subject: '增加噪声监测点', authorName: null, contact: null } });
      expect(suggestion.answerDueOn! < receipt.answerDueOn!).toBe(true);
      const complaint = await ok<Receipt>(SUBMIT, { input: { ...inquiry, kind: 'COMPLAINT', subject: '投诉工地', contact: null } });
      expect(complaint.complaintNote).toContain('信访');
      // Hidden before it was ever published: it never reaches the public.
      expect(await ok<Message>(HIDE, { id: suggestion.id, reason: '含有他人姓名和住址' }, office)).toMatchObject({ hidden: true, hiddenReason: '含有他人姓名和住址' });
    });

    it('refuses bad input with the rule it broke, and records nothing', async () => {
      expect(await refusal(SUBMIT, { input: { ...inquiry, text: '噪'.repeat(5001) } })).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'TOO_LONG', field: 'text' });
      expect(await refusal(RATE, { code: receipt.trackingCode, key: receipt.accessKey, rating: 6 })).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'RATING_OUT_OF_RANGE' });
      expect(await refusal(ROUTE, { id: receipt.id, to: 'NO_SUCH_DEPARTMENT' }, office)).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'UNKNOWN_DEPARTMENT' });
      expect(await refusal(RATE, { code: receipt.trackingCode, key: receipt.accessKey, rating: 4 })).toMatchObject({ code: 'CONFLICT', rule: 'PUBLIC_MESSAGE_NOT_ANSWERED' });
      const statistics = await ok<{ total: { received: number } }>(STATISTICS, { year }, office);
      expect(statistics.total.received).toBe(3);
    });

    it('lets the office route it; from then on the supervision department handles it and sees the author', async () => {
      const unrouted = await list(window);
      // The service window sees what waits at the office, but not who wrote it.
      expect(unrouted.edges.map((e) => e.node.id)).toContain(receipt.id);
      expect(containsAuthor(unrouted)).toBe(false);
      const routed = await ok<Message>(ROUTE, { id: receipt.id, to: 'SUPERVISION' }, office);
      expect(routed).toMatchObject({ department: { code: 'SUPERVISION' }, author: { contact: CONTACT } });
      expect(await message(supervision)).toMatchObject({ status: 'RECEIVED', overdue: false, escalated: false, author: { name: AUTHOR_NAME, contact: CONTACT, erased: false } });
    });

    it('shows nothing of it, and nobody’s contact, to the public or to another department', async () => {
      expect(await message()).toBeNull();
      expect(await message(regulations)).toBeNull();
      const anonymousList = await list();
      const otherDepartment = await list(regulations);
      expect(anonymousList.totalCount).toBe(0);
      expect(otherDepartment.edges.map((e) => e.node.id)).not.toContain(receipt.id);
      expect(containsAuthor([anonymousList, otherDepartment])).toBe(false);
      const tracking = await ok<Record<string, unknown>>(TRACK, { code: receipt.trackingCode.toLowerCase(), key: receipt.accessKey });
      expect(tracking).toMatchObject({ status: 'RECEIVED', department: { code: 'SUPERVISION' }, overdue: false, answer: null });
      expect(containsAuthor(tracking)).toBe(false);
      expect(await ok(TRACK, { code: receipt.trackingCode, key: 'WRONG-KEY00-00000-00000' })).toBeNull();
      // An unknown code in the issued format answers as a wrong key does; one in no format issued is refused by its (public) rule.
      expect(await ok(TRACK, { code: 'YM00-0000-0000', key: receipt.accessKey })).toBeNull();
      expect(await refusal(TRACK, { code: '13800000000', key: receipt.accessKey })).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'INVALID_TRACKING_CODE', field: 'trackingCode' });
    });
  });

  describe('after the due date: escalated, answered late, reviewed, published and rated', () => {
    beforeAll(async () => {
      // The day after the due date: the overdue watch escalates at start, as it would at its next tick.
      await start(calendarDaysBetween(receipt.receivedOn, receipt.answerDueOn!) + 1);
    });

    it('flags the unanswered message as overdue and escalates it to the office', async () => {
      const escalated = await eventually(async () => {
        const page = await ok<Connection>(ESCALATED, {}, office);
        return page.edges.find((e) => e.node.id === receipt.id)?.node;
      });
      expect(escalated).toMatchObject({ overdue: true, escalated: true, department: { code: 'SUPERVISION' } });
      expect(await message(supervision)).toMatchObject({ overdue: true, escalated: true });
      expect((await ok<Connection>(ESCALATED, {}, regulations)).edges).toEqual([]);
      expect(await refusal(ESCALATED, {})).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('is answered late by its department only, and goes to the review gate', async () => {
      expect(await refusal(ANSWER, { id: receipt.id, answer: ANSWER_TEXT }, regulations)).toMatchObject({ code: 'FORBIDDEN', rule: 'OUTSIDE_DEPARTMENT_SCOPE' });
      const answered = await ok<Message>(ANSWER, { id: receipt.id, answer: ANSWER_TEXT }, supervision);
      expect(answered).toMatchObject({ status: 'ANSWERED', overdue: true, publicationState: 'PENDING_REVIEW', answer: { text: ANSWER_TEXT, late: true, answeredBy: 'demo-supervision' } });
      // The day after the due date may be a weekend: late by the calendar, not necessarily by a working day.
      expect(answered.answer!.workingDaysTaken).toBeGreaterThanOrEqual(5);
      expect((await list()).totalCount).toBe(0);
    });

    it('is published once the reviewer approved exactly that question and answer, without the author', async () => {
      const review = await eventually(async () => {
        const reviews = await ok<{ id: string; itemType: string; itemId: string }[]>(REVIEWS, {}, reviewer);
        return reviews.find((r) => r.itemType === 'PUBLIC_MESSAGE_ANSWER' && r.itemId === receipt.id);
      });
      expect(await ok<{ status: string }>(APPROVE, { id: review.id }, reviewer)).toMatchObject({ status: 'APPROVED' });
      const published = await eventually(async () => (await list({}, { answered: true })).edges.find((e) => e.node.id === receipt.id)?.node);
      expect(published).toMatchObject({ subject: inquiry.subject, answer: { text: ANSWER_TEXT, late: true, answeredBy: null }, publicationState: 'PUBLISHED', author: null, rating: null });
      expect(await message()).toMatchObject({ id: receipt.id, author: null });
      expect(containsAuthor([await list(), await message(), await message(regulations), await list(regulations)])).toBe(false);
      expect(await message(supervision)).toMatchObject({ author: { contact: CONTACT } });
    });

    it('is rated by the holder of the access key only', async () => {
      const wrongKey = await refusal(RATE, { code: receipt.trackingCode, key: 'WRONG-KEY00-00000-00000', rating: 4 });
      expect(wrongKey).toMatchObject({ code: 'NOT_FOUND', rule: 'PUBLIC_MESSAGE_NOT_FOUND' });
      expect(await refusal(RATE, { code: 'YM00-0000-0000', key: receipt.accessKey, rating: 4 })).toEqual(wrongKey);
      // The right code with more after it is refused, not cut off and read as the code: nothing is rated.
      const padded = `${receipt.trackingCode}${' '.repeat(60)}7`;
      expect(await refusal(RATE, { code: padded, key: receipt.accessKey, rating: 5 })).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'INVALID_TRACKING_CODE', field: 'trackingCode' });
      expect(await ok(TRACK, { code: receipt.trackingCode, key: receipt.accessKey })).toMatchObject({ rating: null });
      expect(await refusal(RATE, { code: receipt.trackingCode, key: receipt.accessKey, rating: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'RATING_OUT_OF_RANGE' });
      expect(await ok(RATE, { code: receipt.trackingCode, key: receipt.accessKey, rating: 4 })).toEqual({ rating: 4, status: 'ANSWERED' });
      expect(await ok(TRACK, { code: receipt.trackingCode, key: receipt.accessKey })).toMatchObject({ published: true, late: true, rating: 4, answer: ANSWER_TEXT });
    });

    it('counts it in the year’s oversight figures, for the office and not for the public', async () => {
      const statistics = await ok<Record<string, unknown>>(STATISTICS, { year }, office);
      expect(statistics).toMatchObject({
        // The hidden suggestion still awaits its answer to the author: overdue and escalated as well.
        total: { received: 3, answered: 1, redirected: 1, answeredOnTime: 0, onTimeRate: 0, overdueUnanswered: 1, escalated: 2, ratings: 1, averageRating: 4 },
        byDepartment: expect.arrayContaining([{ department: { code: 'SUPERVISION' }, received: 1, answered: 1, answeredOnTime: 0 }]),
        ratingDistribution: expect.arrayContaining([{ rating: 4, count: 1 }]),
      });
      expect(statistics['byKind']).toEqual([
        { kind: 'INQUIRY', received: 1, answered: 1 },
        { kind: 'SUGGESTION', received: 1, answered: 0 },
        { kind: 'COMPLAINT', received: 1, answered: 0 },
      ]);
      expect(await refusal(STATISTICS, { year })).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await refusal(STATISTICS, { year }, supervision)).toMatchObject({ code: 'FORBIDDEN' });
    });
  });
});
