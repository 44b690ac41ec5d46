import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTEXTS, streamIdOf } from '@gongkai/contracts';
import { verifyStreamChain } from '@gongkai/event-sourcing';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import { eventually, graphql, loginAs, type PlatformProcess, startPlatformProcess } from '@gongkai/testing';

jest.setTimeout(60_000);

const REQUEST_FIELDS = `id trackingCode status receivedOn answerDueOn late outcome answeredOn personalDataErased clockProblem
  department { code name }
  supplement { instructions noticeOn dueOn receivedOn }
  consultations { thirdParty sentOn replyDueOn repliedOn consents }
  extension { workingDays reason approvedBy answerDueOnBefore answerDueOn }
  answer { outcome late letter redactedContent publication { reviewId state } }
  pauses { kind from until workingDays pending }
  timeline { on kind reason answerDueOn }`;
const APPLICANT = 'applicant { erased name idNumber contact address }';
const RECEIPT = 'id trackingCode accessKey receivedOn answerDueOn';
const SUBMIT = `mutation($input: InformationRequestInput!) { submitInformationRequest(input: $input) { ${RECEIPT} } }`;
const REGISTER = `mutation($input: InformationRequestInput!, $channel: RequestChannel!, $receivedOn: Date!) {
  registerInformationRequest(input: $input, channel: $channel, receivedOn: $receivedOn) { ${RECEIPT} } }`;
const REQUEST = `query($id: ID!) { informationRequest(id: $id) { ${REQUEST_FIELDS} ${APPLICANT} } }`;
const LIST = `query($status: RequestStatus, $dueBefore: Date) { informationRequests(status: $status, dueBefore: $dueBefore, first: 100) { totalCount edges { node { id status answerDueOn late } } } }`;
const TRACK = `query($code: String!, $key: String!) { trackInformationRequest(trackingCode: $code, accessKey: $key) {
  trackingCode status receivedOn answerDueOn late outcome answeredOn letter content redactionReasons
  agency { name } department { code name } pauses { kind from until workingDays pending }
  supplement { instructions noticeOn dueOn receivedOn } extension { workingDays reason answerDueOn approvedBy } } }`;
const SUPPLEMENT = `mutation($id: ID!, $noticeOn: Date!, $dueOn: Date) { requestSupplement(id: $id, instructions: "请写明所需监测数据的年份和企业名称", noticeOn: $noticeOn, supplementDueOn: $dueOn) { ${REQUEST_FIELDS} } }`;
const SUPPLEMENTED = `mutation($id: ID!, $on: Date!) { recordSupplement(id: $id, receivedOn: $on, content: "2025年，云浮某水泥有限公司") { ${REQUEST_FIELDS} } }`;
const CONSULT = `mutation($id: ID!, $on: Date!) { startThirdPartyConsultation(id: $id, thirdParty: "郁南县某建材厂", sentOn: $on) { ${REQUEST_FIELDS} } }`;
const REPLY = `mutation($id: ID!, $on: Date!) { recordThirdPartyReply(id: $id, receivedOn: $on, consents: false) { ${REQUEST_FIELDS} } }`;
const EXTEND = `mutation($id: ID!, $days: Int!, $by: String) { extendInformationRequest(id: $id, reason: "需调取多个年度的监测档案", workingDays: $days, approvedBy: $by) { ${REQUEST_FIELDS} } }`;
const ANSWER = `mutation($id: ID!, $input: AnswerInput!) { answerInformationRequest(id: $id, input: $input) { ${REQUEST_FIELDS} } }`;
const APPEAL = `mutation($id: ID!) { recordRequestAppeal(id: $id, kind: RECONSIDERATION, result: UPHELD, decidedOn: "2026-11-20") { id } }`;
const ERASE = `mutation($id: ID!) { eraseApplicantPersonalData(id: $id, reason: "保存期限届满") { ${REQUEST_FIELDS} ${APPLICANT} } }`;
const FEE_FIELDS = `id status answerDueOn outcome applicationsThisMonth fee { method basis amountFen noticeOn payByOn paidOn }
  pauses { kind from until workingDays pending } timeline { on kind reason answerDueOn }`;
const FEE_REQUEST = `query($id: ID!) { informationRequest(id: $id) { ${FEE_FIELDS} } }`;
const ISSUE_FEE = `mutation($id: ID!, $method: FeeMethod!, $basis: Int!, $payByOn: Date!, $noticeOn: Date) {
  issueFeeNotice(id: $id, method: $method, basis: $basis, payByOn: $payByOn, noticeOn: $noticeOn) { ${FEE_FIELDS} } }`;
const PAY_FEE = `mutation($id: ID!, $paidOn: Date!) { recordFeePayment(id: $id, paidOn: $paidOn) { ${FEE_FIELDS} } }`;
const CLOSE_UNPAID = `mutation($id: ID!, $on: Date!) { answerInformationRequest(id: $id, input: { outcome: OTHER_FEE_NOT_PAID, answeredOn: $on }) { ${FEE_FIELDS} } }`;
const TRACK_FEE = `query($code: String!, $key: String!) { trackInformationRequest(trackingCode: $code, accessKey: $key) { status fee { method amountFen payByOn paidOn } } }`;
const REVIEWS = `query { publicationReviews(status: PENDING) { id itemType itemId } }`;
const APPROVE = `mutation($id: ID!) { approvePublicationReview(id: $id, comment: "不涉密") { id status } }`;
const PUBLISHED = `query { publishedRequestAnswers(first: 50) { edges { node { id outcome content redactionReasons } } } }`;

/** Personal data that must never leave the handling staff's screens. */
const person = { applicantName: '欧阳明远', idNumber: '445302198807156611', contact: '13926600000', address: '云浮市云城区星岩四路88号' };
const PERSONAL_VALUES = ['欧阳明远', '445302198807156611', '13926600000', '星岩四路88号'];
const input = (overrides: Record<string, unknown> = {}) => ({
  applicantType: 'NATURAL_PERSON',
  ...person,
  description: '2025年云浮某水泥有限公司的监督性监测数据',
  preferredForm: 'ELECTRONIC',
  ...overrides,
});

interface Receipt {
  id: string;
  trackingCode: string;
  accessKey: string;
  receivedOn: string;
  answerDueOn: string | null;
}
interface Request {
  id: string;
  status: string;
  applicationsThisMonth?: number | null;
  answerDueOn: string | null;
  late: boolean;
  personalDataErased: boolean;
  answer: { outcome: string; late: boolean; letter: string; redactedContent: string; publication: { reviewId: string; state: string } | null } | null;
  pauses: { kind: string; from: string; until: string | null; workingDays: number | null; pending: boolean }[];
  timeline: { on: string; kind: string; reason: string; answerDueOn: string | null }[];
  applicant?: { erased: boolean; name: string | null; idNumber: string | null; contact: string | null; address: string | null } | null;
  [field: string]: unknown;
}

const containsPersonalData = (value: unknown): boolean => PERSONAL_VALUES.some((text) => JSON.stringify(value).includes(text));

describe('Information requests (依申请公开), end to end through GraphQL', () => {
  let platform: PlatformProcess;
  let window: Record<string, string>;
  let office: Record<string, string>;
  let regulations: Record<string, string>;
  let reviewer: Record<string, string>;
  let auditor: Record<string, string>;
  let admin: Record<string, string>;
  let carried: Receipt;
  const url = () => platform.baseUrl;

  const register = async (receivedOn: string, channel = 'LETTER'): Promise<Receipt> => {
    const result = await graphql<{ registerInformationRequest: Receipt }>(url(), REGISTER, { input: input(), channel, receivedOn }, window);
    expect(result.errors).toBeUndefined();
    return result.data!.registerInformationRequest;
  };
  const act = async (query: string, variables: Record<string, unknown>, as = window): Promise<Request> => {
    const result = await graphql<Record<string, Request>>(url(), query, variables, as);
    expect(result.errors).toBeUndefined();
    return Object.values(result.data!)[0];
  };
  const refusal = async (query: string, variables: Record<string, unknown>, as = window) => (await graphql(url(), query, variables, as)).errors?.[0];

  beforeAll(async () => {
    platform = await startPlatformProcess();
    [window, office, regulations, reviewer, auditor, admin] = await Promise.all(
      ['window', 'office', 'regulations', 'reviewer', 'auditor', 'admin'].map((name) => loginAs(platform.baseUrl, name)),
    );
  });

  afterAll(async () => {
    await platform?.stop();
    platform?.cleanup();
  });

  it('registers a letter and carries it through supplement, consultation, extension and answer, every date derived', async () => {
    // Received Mon 2026-09-14: due 10-16 (20 working days across Mid-Autumn and National Day, see request-clock.unit.spec.ts).
    carried = await register('2026-09-14');
    expect(carried).toMatchObject({ receivedOn: '2026-09-14', answerDueOn: '2026-10-16', trackingCode: expect.stringMatching(/^YF26-[0-9A-Z]{4}-[0-9A-Z]{4}$/) });
    const id = carried.id;

    // Notice Thu 09-17, the 3rd working day; supplement due 15 working days later: 09-18 [1], Sun 09-20 make-up [2], 09-21 … 09-24 [3–6],
    // 09-28 … 09-30 [7–9], 10-08 [10], 10-09 [11], Sat 10-10 make-up [12], 10-12 [13], 10-13 [14], Wed 10-14 [15]. The clock stops.
    let request = await act(SUPPLEMENT, { id, noticeOn: '2026-09-17' });
    expect(request).toMatchObject({ status: 'AWAITING_SUPPLEMENT', answerDueOn: null, supplement: { noticeOn: '2026-09-17', dueOn: '2026-10-14', receivedOn: null } });

    // Supplement received Mon 09-21: 20 working days from then: 09-22 … 09-24 [1–3], 09-28 … 09-30 [4–6], 10-08 [7], 10-09 [8],
    // Sat 10-10 make-up [9], 10-12 … 10-16 [10–14], 10-19 … 10-23 [15–19], Mon 10-26 [20].
    request = await act(SUPPLEMENTED, { id, on: '2026-09-21' });
    expect(request).toMatchObject({ status: 'IN_PROGRESS', answerDueOn: '2026-10-26' });

    // Consultation sent Tue 09-22: until the reply the whole limit is assumed: 09-23 [1], 09-24 [2], 09-28 … 09-30 [3–5], 10-08 [6],
    // 10-09 [7], Sat 10-10 make-up [8], 10-12 … 10-16 [9–13], 10-19 [14], Tue 10-20 [15]. Due 10-26 + 15: 10-27 … 10-30 [1–4],
    // 11-02 … 11-06 [5–9], 11-09 … 11-13 [10–14], Mon 11-16 [15].
    request = await act(CONSULT, { id, on: '2026-09-22' });
    expect(request).toMatchObject({ status: 'IN_CONSULTATION', answerDueOn: '2026-11-16', consultations: [{ sentOn: '2026-09-22', replyDueOn: '2026-10-20', repliedOn: null }] });
    // Reply Wed 09-30: not counted (09-22, 09-30] = 09-23, 09-24, 09-28, 09-29, 09-30 = 5; 10-26 + 5: 10-27 … 10-30 [1–4], Mon 11-02 [5].
    request = await act(REPLY, { id, on: '2026-09-30' });
    expect(request).toMatchObject({ status: 'IN_PROGRESS', answerDueOn: '2026-11-02' });

    // Extended by 10 with the approval of a named leader: 11-03 … 11-06 [1–4], 11-09 … 11-13 [5–9], Mon 11-16 [10].
    request = await act(EXTEND, { id, days: 10, by: '李局长' });
    expect(request).toMatchObject({ answerDueOn: '2026-11-16', extension: { workingDays: 10, approvedBy: '李局长', answerDueOnBefore: '2026-11-02', answerDueOn: '2026-11-16' } });

    const content = '2025年第三季度：COD 45 mg/L（限值 100 mg/L）。企业联系人手机：13700001111。';
    const start = Array.from(content).indexOf('1', content.indexOf('手机'));
    request = await act(ANSWER, {
      id,
      input: {
        outcome: 'PARTLY_DISCLOSED',
        answeredOn: '2026-11-13',
        legalBasis: '《中华人民共和国政府信息公开条例》第十五条',
        content,
        redactions: [{ start, end: start + 11, reason: '第三方个人信息（负面清单：个人隐私）' }],
      },
    });
    expect(request).toMatchObject({ status: 'ANSWERED', outcome: 'PARTLY_DISCLOSED', late: false, answerDueOn: '2026-11-16' });
    expect(request.answer!.redactedContent).toBe('2025年第三季度：COD 45 mg/L（限值 100 mg/L）。企业联系人手机：［已删除 1］。');
    expect(request.answer!.letter).toContain('第三十七条');
    expect(request.pauses).toEqual([
      { kind: 'SUPPLEMENT', from: '2026-09-17', until: '2026-09-21', workingDays: null, pending: false },
      { kind: 'THIRD_PARTY_CONSULTATION', from: '2026-09-22', until: '2026-09-30', workingDays: 5, pending: false },
    ]);
    expect(request.timeline.map((t) => [t.on, t.kind, t.answerDueOn])).toEqual([
      ['2026-09-14', 'RECEIVED', '2026-10-16'],
      ['2026-09-17', 'SUPPLEMENT_REQUESTED', null],
      ['2026-09-21', 'SUPPLEMENT_RECEIVED', '2026-10-26'],
      ['2026-09-22', 'CONSULTATION_STARTED', '2026-11-16'],
      ['2026-09-30', 'CONSULTATION_REPLIED', '2026-11-02'],
      [expect.any(String), 'EXTENDED', '2026-11-16'],
      ['2026-11-13', 'ANSWERED', '2026-11-16'],
    ]);
  });

  it('lets the applicant track it: dates, pauses, extension and the redacted answer, of the staff only the department', async () => {
    const tracked = await graphql<{ trackInformationRequest: Record<string, unknown> }>(url(), TRACK, { code: carried.trackingCode.toLowerCase(), key: carried.accessKey });
    expect(tracked.errors).toBeUndefined();
    const view = tracked.data!.trackInformationRequest;
    expect(view).toMatchObject({
      status: 'ANSWERED',
      receivedOn: '2026-09-14',
      answerDueOn: '2026-11-16',
      outcome: 'PARTLY_DISCLOSED',
      answeredOn: '2026-11-13',
      late: false,
      department: { code: 'SERVICE_WINDOW', name: '环保窗口' },
      supplement: { instructions: '请写明所需监测数据的年份和企业名称', receivedOn: '2026-09-21' },
      extension: { workingDays: 10, reason: '需调取多个年度的监测档案', answerDueOn: '2026-11-16', approvedBy: null },
      redactionReasons: ['1. 第三方个人信息（负面清单：个人隐私）'],
    });
    expect(view['content']).toContain('［已删除 1］');
    const text = JSON.stringify(view);
    for (const hidden of ['13700001111', '李局长', '郁南县某建材厂', 'demo-window', '环保窗口（演示）']) expect(text).not.toContain(hidden);
  });

  it('publishes the disclosed content only after a reviewer approved exactly that content', async () => {
    const review = await eventually(async () => {
      const reviews = await graphql<{ publicationReviews: { id: string; itemType: string; itemId: string }[] }>(url(), REVIEWS, {}, reviewer);
      return reviews.data?.publicationReviews.find((r) => r.itemType === 'REQUEST_ANSWER' && r.itemId === carried.id);
    });
    const before = await graphql<{ publishedRequestAnswers: { edges: { node: { id: string } }[] } }>(url(), PUBLISHED);
    expect(before.data!.publishedRequestAnswers.edges.map((e) => e.node.id)).not.toContain(carried.id);

    expect((await graphql(url(), APPROVE, { id: review.id }, reviewer)).errors).toBeUndefined();
    const published = await eventually(async () => {
      const list = await graphql<{ publishedRequestAnswers: { edges: { node: { id: string; content: string; redactionReasons: string[] } }[] } }>(url(), PUBLISHED);
      return list.data?.publishedRequestAnswers.edges.find((e) => e.node.id === carried.id)?.node;
    });
    expect(published.content).toContain('［已删除 1］');
    expect(published.content).not.toContain('13700001111');
    const request = await act(REQUEST, { id: carried.id });
    expect(request.answer!.publication).toEqual({ reviewId: review.id, state: 'PUBLISHED' });
  });

  it('refuses what the Regulations do not allow with BAD_USER_INPUT and a message naming the rule', async () => {
    const spring = await register('2026-02-09');
    // The 7th working day after Mon 02-09 is Wed 02-25 (across the Spring Festival and the make-up Saturday 02-14).
    const late = await refusal(SUPPLEMENT, { id: spring.id, noticeOn: '2026-02-26' });
    expect(late).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', rule: 'SUPPLEMENT_NOTICE_TOO_LATE' } });
    expect(late?.message).toMatch(/Art\. 30.*2026-02-25/);

    expect(await refusal(EXTEND, { id: spring.id, days: 21, by: '李局长' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', rule: 'EXTENSION_TOO_LONG' } });
    expect(await refusal(EXTEND, { id: spring.id, days: 5 })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', rule: 'LEADER_APPROVAL_REQUIRED' } });
    await act(EXTEND, { id: spring.id, days: 5, by: '李局长' });
    expect(await refusal(EXTEND, { id: spring.id, days: 5, by: '李局长' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', rule: 'EXTENSION_ALREADY_GRANTED' } });
    expect(await refusal(ANSWER, { id: spring.id, input: { outcome: 'WITHHELD_STATE_SECRET', answeredOn: '2026-03-02' } })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', rule: 'LEGAL_BASIS_REQUIRED' },
    });
    expect(await refusal(SUPPLEMENT, { id: spring.id, noticeOn: '2026-02-30' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });

    // Answered late (due 03-13 + 5 = 03-20), and then nothing more can change.
    const answered = await act(ANSWER, { id: spring.id, input: { outcome: 'UNAVAILABLE_NOT_HELD', answeredOn: '2026-03-23', holderAgency: '云浮市自然资源局' } });
    expect(answered).toMatchObject({ late: true, answer: { late: true } });
    for (const [query, variables] of [
      [CONSULT, { id: spring.id, on: '2026-03-24' }],
      [ANSWER, { id: spring.id, input: { outcome: 'OTHER', answeredOn: '2026-03-24' } }],
      [EXTEND, { id: spring.id, days: 1, by: '李局长' }],
    ] as const) {
      expect(await refusal(query, variables)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', rule: 'REQUEST_ALREADY_ANSWERED' } });
    }
    expect((await graphql(url(), APPEAL, { id: spring.id }, window)).errors).toBeUndefined();
  });

  it('closes a request as "no supplement" once the supplement is overdue, not before', async () => {
    // Transcribed from the paper file: the notice of 10-13 gave the applicant until 10-14.
    const request = await register('2026-10-12');
    expect(await act(SUPPLEMENT, { id: request.id, noticeOn: '2026-10-13', dueOn: '2026-10-14' })).toMatchObject({ status: 'AWAITING_SUPPLEMENT', answerDueOn: null });
    expect(await refusal(ANSWER, { id: request.id, input: { outcome: 'OTHER_NO_SUPPLEMENT', answeredOn: '2026-10-14' } })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', rule: 'SUPPLEMENT_NOT_OVERDUE' },
    });
    const closed = await act(ANSWER, { id: request.id, input: { outcome: 'OTHER_NO_SUPPLEMENT', answeredOn: '2026-10-15' } });
    expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'OTHER_NO_SUPPLEMENT', answer: { outcome: 'OTHER_NO_SUPPLEMENT' } });
    expect(closed.answer!.letter).toContain('视为放弃申请');
    expect(closed.timeline.at(-1)?.kind).toBe('CLOSED_WITHOUT_SUPPLEMENT');
  });

  it('lists overdue requests for staff', async () => {
    const overdue = await register('2026-03-02');
    const list = await graphql<{ informationRequests: { edges: { node: { id: string; late: boolean; answerDueOn: string } }[] } }>(url(), LIST, { dueBefore: '2026-11-01' }, window);
    const entry = list.data!.informationRequests.edges.find((e) => e.node.id === overdue.id)?.node;
    // Received Mon 03-02: 03-03 … 03-06 [1–4], 03-09 … 03-13 [5–9], 03-16 … 03-20 [10–14], 03-23 … 03-27 [15–19], Mon 03-30 [20].
    expect(entry).toEqual({ id: overdue.id, status: 'IN_PROGRESS', answerDueOn: '2026-03-30', late: true });
    expect(list.data!.informationRequests.edges.map((e) => e.node.id)).not.toContain(carried.id);
  });

  it('never gives an anonymous caller the applicant’s name, identity number, contact or address', async () => {
    const submitted = await graphql<{ submitInformationRequest: Receipt }>(url(), SUBMIT, { input: input() });
    expect(submitted.errors).toBeUndefined();
    const receipt = submitted.data!.submitInformationRequest;
    expect(containsPersonalData(submitted)).toBe(false);

    const byId = await graphql(url(), REQUEST, { id: receipt.id });
    expect(byId.data?.informationRequest ?? null).toBeNull();
    expect(byId.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(containsPersonalData(byId)).toBe(false);
    const list = await graphql(url(), LIST, {});
    expect(list.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const wrongKey = await graphql(url(), TRACK, { code: receipt.trackingCode, key: 'AAAAA-AAAAA-AAAAA-AAAAA' });
    const wrongCode = await graphql(url(), TRACK, { code: 'YF26-0000-0000', key: receipt.accessKey });
    expect(wrongKey).toEqual({ status: 200, data: { trackInformationRequest: null } });
    expect(wrongCode).toEqual(wrongKey);
    // The format is public, so a code this platform never issues is refused by its rule: a phone number,
    // and the right code with more after it, which is no longer cut off and read as the code.
    for (const code of ['13800000000', `${receipt.trackingCode}${' '.repeat(60)}7`]) {
      const malformed = await graphql<{ trackInformationRequest: unknown }>(url(), TRACK, { code, key: receipt.accessKey });
      expect(malformed.data?.trackInformationRequest ?? null).toBeNull();
      expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'INVALID_TRACKING_CODE', field: 'trackingCode' });
    }
    const rightKey = await graphql(url(), TRACK, { code: receipt.trackingCode, key: receipt.accessKey });
    expect(rightKey.data).toMatchObject({ trackInformationRequest: { status: 'IN_PROGRESS', department: { code: 'OFFICE' } } });
    expect(containsPersonalData(rightKey)).toBe(false);

    const invalid = await graphql(url(), SUBMIT, { input: input({ idNumber: '445302 1988 0715 6611 ✓' }) });
    expect(invalid.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'INVALID_ID_NUMBER', field: 'idNumber' });
    expect(JSON.stringify(invalid)).not.toContain('6611');

    // Inside the bureau: the handling office and auditors read it; another department does not.
    expect((await act(REQUEST, { id: receipt.id }, office)).applicant).toEqual({ erased: false, name: '欧阳明远', idNumber: '445302198807156611', contact: '13926600000', address: '云浮市云城区星岩四路88号' });
    expect((await act(REQUEST, { id: receipt.id }, auditor)).applicant).toMatchObject({ erased: false, name: '欧阳明远' });
    expect((await act(REQUEST, { id: receipt.id }, regulations)).applicant).toBeNull();
    expect((await act(REQUEST, { id: receipt.id }, reviewer)).applicant).toBeNull();

    // Not in plain text in the event store, nor in any log line.
    const files = ['gongkai.db', 'gongkai.db-wal'].map((name) => join(platform.dataDir, name)).filter((path) => existsSync(path));
    expect(files.length).toBeGreaterThan(0);
    for (const path of files) {
      const bytes = readFileSync(path);
      for (const text of PERSONAL_VALUES) expect(bytes.includes(Buffer.from(text, 'utf8'))).toBe(false);
    }
    // The auditor's reading is logged (who and which request, never what); log lines arrive through a pipe, a little later.
    const auditLine = (line: string) => line.includes('applicant personal data read') && line.includes('"demo-auditor"') && line.includes('"AUDIT"');
    await eventually(async () => platform.output().split('\n').some(auditLine));
    expect(containsPersonalData(platform.output())).toBe(false);
  });

  it('forgets the personal data when its key is erased, while every other field and the hash chain still verify', async () => {
    const before = await act(REQUEST, { id: carried.id });
    expect(before.applicant).toMatchObject({ erased: false, name: '欧阳明远' });
    expect(await refusal(ERASE, { id: carried.id }, window)).toMatchObject({ extensions: { code: 'FORBIDDEN', rule: 'ROLE_REQUIRED' } });

    const erased = await act(ERASE, { id: carried.id }, admin);
    expect(erased.applicant ?? null).toBeNull(); // an administrator does not read personal data, erased or not
    const after = await act(REQUEST, { id: carried.id });
    expect(after.applicant).toEqual({ erased: true, name: null, idNumber: null, contact: null, address: null });
    const { applicant: _a, personalDataErased, timeline, ...rest } = after;
    const { applicant: _b, personalDataErased: _c, timeline: timelineBefore, ...restBefore } = before;
    expect(personalDataErased).toBe(true);
    expect(rest).toEqual(restBefore);
    expect(timeline.slice(0, timelineBefore.length)).toEqual(timelineBefore);

    const store = new SqliteEventStore(join(platform.dataDir, 'gongkai.db'));
    try {
      const events = await store.readStream(streamIdOf(CONTEXTS.requests, 'InformationRequest', carried.id));
      expect(events.map((e) => e.type)).toContain('ApplicantPersonalDataErased');
      expect(verifyStreamChain(events)).toEqual({ ok: true });
    } finally {
      await store.close();
    }
  });

  it('charges an applicant’s 11th application of a month ¥100 (国办函〔2020〕109号): unpaid it is closed, paid the clock resumes', async () => {
    // Another applicant than the other tests', so that the count is exactly this test's.
    const frequent = { applicantName: '陈嘉禾', idNumber: '445381199203154422', contact: '13826611111' };
    const receive = async (receivedOn: string): Promise<Receipt> => {
      const result = await graphql<{ registerInformationRequest: Receipt }>(url(), REGISTER, { input: input({ ...frequent, address: null }), channel: 'LETTER', receivedOn }, window);
      expect(result.errors).toBeUndefined();
      return result.data!.registerInformationRequest;
    };
    const october = ['2026-10-08', '2026-10-09', '2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16', '2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23'];
    const receipts: Receipt[] = [];
    for (const receivedOn of october) receipts.push(await receive(receivedOn));
    const [tenth, eleventh, twelfth] = receipts.slice(9);

    // The 10th is free: nothing to charge, and the refusal names the measures.
    expect(await act(FEE_REQUEST, { id: tenth.id })).toMatchObject({ applicationsThisMonth: 10 });
    const free = await refusal(ISSUE_FEE, { id: tenth.id, method: 'BY_COUNT', basis: 10, payByOn: '2026-11-06', noticeOn: '2026-10-23' });
    expect(free).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', rule: 'FEE_BELOW_THRESHOLD' } });
    expect(free?.message).toContain('国办函〔2020〕109号');

    // The 11th: ¥100 = 10000 fen, computed from the count the platform keeps, not from what staff type.
    expect(await refusal(ISSUE_FEE, { id: eleventh.id, method: 'BY_COUNT', basis: 12, payByOn: '2026-11-06', noticeOn: '2026-10-23' })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', rule: 'FEE_COUNT_MISMATCH' },
    });
    const charged = await act(ISSUE_FEE, { id: eleventh.id, method: 'BY_COUNT', basis: 11, payByOn: '2026-11-06', noticeOn: '2026-10-23' });
    expect(charged).toMatchObject({
      status: 'AWAITING_FEE',
      applicationsThisMonth: 11,
      fee: { method: 'BY_COUNT', basis: 11, amountFen: 100_00, noticeOn: '2026-10-23', payByOn: '2026-11-06', paidOn: null },
    });
    expect(charged.timeline.at(-1)).toMatchObject({ on: '2026-10-23', kind: 'FEE_NOTICE_ISSUED' });
    expect(await refusal(ISSUE_FEE, { id: eleventh.id, method: 'BY_PAGES', basis: 150, payByOn: '2026-11-06', noticeOn: '2026-10-23' })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', rule: 'FEE_BOTH_METHODS' },
    });
    const tracked = await graphql<{ trackInformationRequest: Record<string, unknown> }>(url(), TRACK_FEE, { code: eleventh.trackingCode, key: eleventh.accessKey });
    expect(tracked.data?.trackInformationRequest).toEqual({ status: 'AWAITING_FEE', fee: { method: 'BY_COUNT', amountFen: 100_00, payByOn: '2026-11-06', paidOn: null } });

    // Not paid by Fri 11-06: not closed on that day, closed after it; a late payment is refused.
    expect(await refusal(CLOSE_UNPAID, { id: eleventh.id, on: '2026-11-06' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', rule: 'FEE_NOT_OVERDUE' } });
    expect(await refusal(PAY_FEE, { id: eleventh.id, paidOn: '2026-11-09' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', rule: 'FEE_PAYMENT_OVERDUE' } });
    const closed = await act(CLOSE_UNPAID, { id: eleventh.id, on: '2026-11-09' });
    expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'OTHER_FEE_NOT_PAID' });
    expect(closed.timeline.at(-1)).toMatchObject({ on: '2026-11-09', kind: 'CLOSED_FEE_NOT_PAID' });

    // The 12th, received Fri 10-23: due 10-26 … 10-30 [1–5], 11-02 … 11-06 [6–10], 11-09 … 11-13 [11–15], 11-16 … Fri 11-20 [16–20].
    expect((await act(FEE_REQUEST, { id: twelfth.id })).answerDueOn).toBe('2026-11-20');
    // Notice Mon 10-26, pay by 11-09: until paid the whole time is assumed, (10-26, 11-09] = 10-27 … 10-30 [1–4], 11-02 … 11-06 [5–9],
    // 11-09 [10]; 11-20 + 10: 11-23 … 11-27 [1–5], 11-30 … Fri 12-04 [6–10].
    const waiting = await act(ISSUE_FEE, { id: twelfth.id, method: 'BY_COUNT', basis: 12, payByOn: '2026-11-09', noticeOn: '2026-10-26' });
    expect(waiting).toMatchObject({ status: 'AWAITING_FEE', answerDueOn: '2026-12-04', fee: { amountFen: 100_00 } });
    // Paid Fri 10-30: (10-26, 10-30] = 4 working days not counted; the clock runs again Mon 11-02. 11-20 + 4: 11-23 [1] … Thu 11-26 [4].
    const resumed = await act(PAY_FEE, { id: twelfth.id, paidOn: '2026-10-30' });
    expect(resumed).toMatchObject({ status: 'IN_PROGRESS', answerDueOn: '2026-11-26', fee: { paidOn: '2026-10-30' } });
    expect(resumed.pauses).toEqual([{ kind: 'FEE', from: '2026-10-26', until: '2026-10-30', workingDays: 4, pending: false }]);
    expect(resumed.timeline.slice(-2).map((t) => [t.on, t.kind, t.answerDueOn])).toEqual([
      ['2026-10-26', 'FEE_NOTICE_ISSUED', '2026-12-04'],
      ['2026-10-30', 'FEE_PAID', '2026-11-26'],
    ]);

    // The monthly count needs no identity number in clear: it is not in the event store.
    const files = ['gongkai.db', 'gongkai.db-wal'].map((name) => join(platform.dataDir, name)).filter((path) => existsSync(path));
    for (const path of files) expect(readFileSync(path).includes(Buffer.from(frequent.idNumber, 'utf8'))).toBe(false);
    expect(existsSync(join(platform.dataDir, 'applicant-fingerprint.key'))).toBe(true);
  });

  it('slows down guessing access keys per client, and still reveals nothing', async () => {
    const answers = [];
    for (let attempt = 0; attempt < 12; attempt++) answers.push(await graphql(url(), TRACK, { code: carried.trackingCode, key: `WRONG-${attempt}` }));
    const limited = answers.filter((answer) => answer.errors?.[0].extensions?.code === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0].status).toBe(429);
    // Once limited, even the right key waits: the limit is per client, not per guess.
    const right = await graphql(url(), TRACK, { code: carried.trackingCode, key: carried.accessKey });
    expect(right.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(answers.every((answer) => answer.data === null || answer.data?.trackInformationRequest === null)).toBe(true);
  });
});
