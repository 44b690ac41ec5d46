import { addCalendarDays, localDateOf } from '@gongkai/calendar';
import { type DistributedPlatform, eventually, graphql, type GraphqlResponse, loginAs, type PlatformProcess, penaltyDetails, serviceGuideInput, startDistributedPlatform, startPlatformProcess } from '@gongkai/testing';

jest.setTimeout(180_000);

/**
 * Point in time (issue 8, item 9): "what did the bureau publish on that day". Each context's item is
 * taken through publish v1 → publish v2 → retire (or withdraw, or revoke), and an anonymous caller
 * asks with `asOfInstant` at real instants captured between the steps: nothing before v1, v1's
 * content between, v2's after, nothing once it was no longer public — and never a draft.
 */
const REVIEWS = 'query { publicationReviews(status: PENDING) { id itemType itemId itemVersion } }';
const APPROVE = 'mutation($id: ID!) { approvePublicationReview(id: $id) { id status } }';

const PAPER = '91445381MA4UK7L2XB';
const penaltyOf = (facts: string) => penaltyDetails(facts, { decisionNumber: '云环罚〔2026〕91号', decidedOn: '2026-02-10' });

interface Client {
  readonly url: string;
  readonly users: Record<string, Record<string, string>>;
}

const call = async <T>(client: Client, query: string, variables: Record<string, unknown>, user: string | null): Promise<T> => {
  const result: GraphqlResponse<T> = await graphql<T>(client.url, query, variables, user ? client.users[user] : {});
  expect(result.errors).toBeUndefined();
  return result.data!;
};

const approveReview = async (client: Client, itemId: string, itemVersion: number) => {
  const review = await eventually(
    async () =>
      (await graphql<{ publicationReviews: { id: string; itemId: string; itemVersion: number }[] }>(client.url, REVIEWS, {}, client.users['reviewer'])).data?.publicationReviews.find(
        (r) => r.itemId === itemId && r.itemVersion === itemVersion,
      ),
    30_000,
  );
  expect((await call<{ approvePublicationReview: { status: string } }>(client, APPROVE, { id: review.id }, 'reviewer')).approvePublicationReview.status).toBe('APPROVED');
};

/** An instant strictly between what happened before and what happens next. */
const instant = async (): Promise<string> => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  const now = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 5));
  return now;
};

const GUIDE = 'query($id: ID!, $at: DateTime) { serviceItem(id: $id, asOfInstant: $at) { name version publicationStatus publishedAt } }';
const GUIDES = 'query($at: DateTime, $search: String) { serviceItems(asOfInstant: $at, search: $search, first: 50) { totalCount edges { node { id name version } } } }';

interface GuideInstants {
  readonly beforeV1: string;
  readonly betweenVersions: string;
  readonly afterV2: string;
  readonly afterRetirement: string;
}

/** Drafts a guide, publishes v1, publishes v2, retires it, and captures an instant between each step. */
const guideThroughTwoVersionsAndRetirement = async (client: Client): Promise<GuideInstants & { id: string }> => {
  const versionNow = async (id: string) => (await call<{ serviceItem: { version: number } | null }>(client, GUIDE, { id, at: new Date().toISOString() }, null)).serviceItem?.version;
  const id = (await call<{ draftServiceItem: { id: string } }>(client, 'mutation($input: ServiceItemInput!) { draftServiceItem(input: $input) { id } }', { input: serviceGuideInput('时点事项 第一版') }, 'window')).draftServiceItem.id;
  const beforeV1 = await instant();
  await call(client, 'mutation($id: ID!) { requestServiceItemPublication(id: $id, expectedVersion: 1) { id } }', { id }, 'window');
  await approveReview(client, id, 1);
  await eventually(async () => (await versionNow(id)) === 1, 30_000);
  const betweenVersions = await instant();
  await call(client, 'mutation($id: ID!, $input: ServiceItemInput!) { reviseServiceItem(id: $id, expectedVersion: 1, input: $input) { id } }', { id, input: { ...serviceGuideInput('时点事项 第二版'), changeSummary: '改名' } }, 'window');
  await call(client, 'mutation($id: ID!) { requestServiceItemPublication(id: $id, expectedVersion: 2) { id } }', { id }, 'window');
  await approveReview(client, id, 2);
  await eventually(async () => (await versionNow(id)) === 2, 30_000);
  const afterV2 = await instant();
  await call(client, 'mutation($id: ID!) { retireServiceItem(id: $id, reason: "事项取消") { id } }', { id }, 'window');
  const afterRetirement = await instant();
  return { id, beforeV1, betweenVersions, afterV2, afterRetirement };
};

/** Nothing before v1, v1 between, v2 after, nothing after the retirement: by id and in the searched catalogue, anonymously. */
const expectGuideTimeline = async (client: Client, id: string, at: GuideInstants) => {
  const itemAt = async (instantAsked: string) => (await call<{ serviceItem: { name: string; version: number } | null }>(client, GUIDE, { id, at: instantAsked }, null)).serviceItem;
  const listedAt = async (instantAsked: string, search: string) =>
    (await call<{ serviceItems: { edges: { node: { name: string } }[] } }>(client, GUIDES, { at: instantAsked, search }, null)).serviceItems.edges.map((e) => e.node.name);
  expect(await itemAt(at.beforeV1)).toBeNull();
  expect(await itemAt(at.betweenVersions)).toMatchObject({ name: '时点事项 第一版', version: 1, publicationStatus: 'PUBLISHED' });
  expect(await itemAt(at.afterV2)).toMatchObject({ name: '时点事项 第二版', version: 2 });
  expect(await itemAt(at.afterRetirement)).toBeNull();
  expect(await listedAt(at.beforeV1, '时点事项')).toEqual([]);
  expect(await listedAt(at.betweenVersions, '时点事项')).toEqual(['时点事项 第一版']);
  expect(await listedAt(at.betweenVersions, '第二版')).toEqual([]);
  expect(await listedAt(at.afterV2, '时点事项')).toEqual(['时点事项 第二版']);
  expect(await listedAt(at.afterRetirement, '时点事项')).toEqual([]);
};

describe('Point in time (asOfInstant): what an anonymous caller could see at an instant, end to end', () => {
  let platform: PlatformProcess;
  const users: Record<string, Record<string, string>> = {};
  const url = () => platform.baseUrl;
  const ok = <T>(query: string, variables: Record<string, unknown>, user: string | null): Promise<T> => call<T>({ url: url(), users }, query, variables, user);
  /** Anonymous, as a court, an auditor or a citizen asks. */
  const anonymous = <T>(query: string, variables: Record<string, unknown>) => ok<T>(query, variables, null);
  const approve = (itemId: string, itemVersion: number) => approveReview({ url: url(), users }, itemId, itemVersion);

  beforeAll(async () => {
    platform = await startPlatformProcess();
    for (const user of ['window', 'reviewer', 'regulations', 'supervision', 'office', 'leader']) users[user] = await loginAs(url(), user);
  });

  afterAll(async () => {
    await platform?.stop();
    platform?.cleanup();
  });

  it('services-catalog: a guide through two versions and its retirement, and a draft never seen', async () => {
    const client = { url: url(), users };
    const { id, beforeV1, betweenVersions, afterV2, afterRetirement } = await guideThroughTwoVersionsAndRetirement(client);
    await expectGuideTimeline(client, id, { beforeV1, betweenVersions, afterV2, afterRetirement });

    const draftOnly = (await call<{ draftServiceItem: { id: string } }>(client, 'mutation($input: ServiceItemInput!) { draftServiceItem(input: $input) { id } }', { input: serviceGuideInput('时点事项 未发布草稿') }, 'window')).draftServiceItem.id;
    // A draft never published is nobody's past, whoever asks: point in time answers with the public's view.
    expect((await call<{ serviceItem: unknown }>(client, GUIDE, { id: draftOnly, at: new Date().toISOString() }, null)).serviceItem).toBeNull();
    expect((await call<{ serviceItem: unknown }>(client, GUIDE, { id: draftOnly, at: new Date().toISOString() }, 'window')).serviceItem).toBeNull();
    expect((await call<{ serviceItem: unknown }>(client, GUIDE, { id: draftOnly, at: null }, 'window')).serviceItem).toMatchObject({ name: '时点事项 未发布草稿' });

    const refused = await graphql(url(), GUIDE, { id, at: '2026-03-02' });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('decisions: a consultation from its publication, with the draft as consulted on, then withdrawn', async () => {
    const CONSULTATION = 'query($id: ID!, $at: DateTime) { consultation(id: $id, asOfInstant: $at) { title status decisionStatus withdrawalReason draft { body version } } }';
    const DRAFTS = 'query($at: DateTime) { decisionDrafts(asOfInstant: $at, first: 50) { edges { node { id body status } } } }';
    const consultationAt = async (id: string, at: string) => (await anonymous<{ consultation: Record<string, unknown> | null }>(CONSULTATION, { id, at })).consultation;
    const today = localDateOf(new Date());
    const content = { title: '云浮市时点测试管理办法', kind: 'POLICY', body: '第一条 征求意见稿。', departmentCode: 'REGULATIONS', explanation: '起草说明' };

    const id = (await ok<{ createDecisionDraft: { id: string } }>('mutation($input: DecisionDraftInput!) { createDecisionDraft(input: $input) { id } }', { input: content }, 'regulations')).createDecisionDraft.id;
    await ok(
      'mutation($id: ID!, $opens: Date!, $closes: Date!) { requestConsultation(id: $id, expectedVersion: 1, opensOn: $opens, closesOn: $closes, channels: [WEBSITE]) { id } }',
      { id, opens: today, closes: addCalendarDays(today, 29) },
      'regulations',
    );
    const beforePublication = await instant();
    await approve(id, 1);
    await eventually(async () => (await consultationAt(id, new Date().toISOString()))?.['status'] === 'OPEN');
    const open = await instant();
    await ok('mutation($id: ID!) { withdrawDecision(id: $id, reason: "上位法调整") { id } }', { id }, 'leader');
    const withdrawn = await instant();

    expect(await consultationAt(id, beforePublication)).toBeNull();
    expect(await consultationAt(id, open)).toMatchObject({ title: content.title, status: 'OPEN', decisionStatus: 'DRAFT', withdrawalReason: null, draft: { body: '第一条 征求意见稿。', version: 1 } });
    // A withdrawal does not unpublish what was consulted on: the public then saw it withdrawn, with the reason.
    expect(await consultationAt(id, withdrawn)).toMatchObject({ status: 'CLOSED', decisionStatus: 'WITHDRAWN', withdrawalReason: '上位法调整', draft: { body: '第一条 征求意见稿。' } });
    const listedAt = async (at: string) => (await anonymous<{ decisionDrafts: { edges: { node: { id: string; body: string; status: string } }[] } }>(DRAFTS, { at })).decisionDrafts.edges.filter((e) => e.node.id === id);
    expect(await listedAt(beforePublication)).toEqual([]);
    expect((await listedAt(open)).map((e) => [e.node.body, e.node.status])).toEqual([['第一条 征求意见稿。', 'DRAFT']]);
    expect((await listedAt(withdrawn)).map((e) => e.node.status)).toEqual(['WITHDRAWN']);
  });

  it('supervision: a penalty disclosed, corrected and revoked, and a blacklist entry from its publication', async () => {
    const ONE = 'query($id: ID!, $at: DateTime) { disclosure(id: $id, asOfInstant: $at) { version status details } }';
    const SEARCH = 'query($at: DateTime, $code: String) { disclosures(asOfInstant: $at, enterpriseCreditCode: $code, first: 50) { totalCount edges { node { id version } } } }';
    const BLACKLIST = 'query($at: DateTime) { blacklist(asOfInstant: $at) { creditCode reason } }';
    const disclosureAt = async (id: string, at: string) => (await anonymous<{ disclosure: { version: number; details: { facts: string } | null } | null }>(ONE, { id, at })).disclosure;
    const countAt = async (at: string) => (await anonymous<{ disclosures: { totalCount: number } }>(SEARCH, { at, code: PAPER })).disclosures.totalCount;

    await ok('mutation($input: EnterpriseInput!) { registerEnterprise(input: $input) { creditCode } }', { input: { creditCode: PAPER, name: '罗定某纸业有限公司', address: '工业园', countyCode: '445381', industry: '造纸' } }, 'supervision');
    const input = { category: 'ADMINISTRATIVE_PENALTY', enterpriseCreditCode: PAPER, formedOn: '2026-02-10', title: '云环罚〔2026〕91号', details: penaltyOf('超标排放化学需氧量') };
    const id = (await ok<{ recordDisclosure: { id: string } }>('mutation($input: DisclosureInput!) { recordDisclosure(input: $input) { id } }', { input }, 'supervision')).recordDisclosure.id;
    const beforeV1 = await instant();
    await ok('mutation($id: ID!) { requestDisclosurePublication(id: $id, expectedVersion: 1) { status } }', { id }, 'supervision');
    await approve(id, 1);
    await eventually(async () => (await disclosureAt(id, new Date().toISOString()))?.version === 1);
    const betweenVersions = await instant();
    await ok('mutation($id: ID!, $details: JSON!) { correctDisclosure(id: $id, expectedVersion: 1, details: $details, reason: "违法事实笔误") { id } }', { id, details: penaltyOf('超标排放氨氮') }, 'supervision');
    await ok('mutation($id: ID!) { requestDisclosurePublication(id: $id, expectedVersion: 2) { status } }', { id }, 'supervision');
    await approve(id, 2);
    await eventually(async () => (await disclosureAt(id, new Date().toISOString()))?.version === 2);
    const afterV2 = await instant();
    await ok('mutation($id: ID!) { revokeDisclosure(id: $id, reason: "行政复议撤销") { id } }', { id }, 'supervision');
    const afterRevocation = await instant();

    expect(await disclosureAt(id, beforeV1)).toBeNull();
    expect(await disclosureAt(id, betweenVersions)).toMatchObject({ version: 1, status: 'PUBLISHED', details: { facts: '超标排放化学需氧量' } });
    expect(await disclosureAt(id, afterV2)).toMatchObject({ version: 2, details: { facts: '超标排放氨氮' } });
    expect(await disclosureAt(id, afterRevocation)).toBeNull();
    expect([await countAt(beforeV1), await countAt(betweenVersions), await countAt(afterV2), await countAt(afterRevocation)]).toEqual([0, 1, 1, 0]);
    const PROFILE = 'query($code: String!, $at: DateTime) { enterprise(creditCode: $code, asOfInstant: $at) { name blacklisted disclosures { version details } } }';
    const profileAt = async (at: string, user: string | null = null) =>
      (await ok<{ enterprise: { blacklisted: boolean; disclosures: { details: { facts: string } }[] } | null }>(PROFILE, { code: PAPER, at }, user)).enterprise;
    // Registered but nothing published about it yet: unknown to the public then, and to staff asking about then.
    expect(await profileAt(beforeV1, 'supervision')).toBeNull();
    expect((await profileAt(betweenVersions))?.disclosures.map((d) => d.details.facts)).toEqual(['超标排放化学需氧量']);
    expect((await profileAt(afterV2))?.disclosures.map((d) => d.details.facts)).toEqual(['超标排放氨氮']);
    expect(await profileAt(afterRevocation)).toMatchObject({ name: '罗定某纸业有限公司', blacklisted: false, disclosures: [] });

    await ok('mutation($on: Date!) { addToBlacklist(creditCode: "91445381MA4UK7L2XB", reason: "偷排", legalBasis: "信用评价办法", on: $on) { creditCode } }', { on: localDateOf(new Date()) }, 'supervision');
    const beforeEntry = await instant();
    await approve(PAPER, 1);
    await eventually(async () => (await anonymous<{ blacklist: unknown[] }>(BLACKLIST, { at: new Date().toISOString() })).blacklist.length > 0);
    const listed = await instant();
    expect((await anonymous<{ blacklist: unknown[] }>(BLACKLIST, { at: beforeEntry })).blacklist).toEqual([]);
    expect((await anonymous<{ blacklist: unknown[] }>(BLACKLIST, { at: listed })).blacklist).toEqual([{ creditCode: PAPER, reason: '偷排' }]);
    expect([(await profileAt(beforeEntry))?.blacklisted, (await profileAt(listed))?.blacklisted]).toEqual([false, true]);
  });

  it('interpretations: an interpretation of a registered document through two versions', async () => {
    const ONE = 'query($id: ID!, $at: DateTime) { interpretation(id: $id, asOfInstant: $at) { title version status } }';
    const LIST = 'query($at: DateTime, $documentId: ID) { interpretations(asOfInstant: $at, documentId: $documentId, first: 20) { edges { node { title } } } }';
    const interpretationAt = async (id: string, at: string) => (await anonymous<{ interpretation: { title: string; version: number } | null }>(ONE, { id, at })).interpretation;
    const document = { number: '云环〔2026〕93号', title: '云浮市时点测试规定', issuingDepartmentCode: 'REGULATIONS', issuedOn: localDateOf(new Date()) };
    const documentId = (await ok<{ registerNormativeDocument: { id: string } }>('mutation($input: NormativeDocumentInput!) { registerNormativeDocument(input: $input) { id } }', { input: document }, 'regulations'))
      .registerNormativeDocument.id;
    const input = (title: string) => ({ documentId, form: 'QA', title, content: '问：适用范围？答：本市行政区域。', interpreters: ['法规科 李科长'], departmentCode: 'REGULATIONS' });
    const CREATE = 'mutation($input: InterpretationInput!) { createInterpretation(input: $input) { id } }';
    // The register tells this context of the document asynchronously.
    const id = await eventually(async () => (await graphql<{ createInterpretation: { id: string } }>(url(), CREATE, { input: input('时点解读 第一版') }, users['regulations'])).data?.createInterpretation.id);
    const beforeV1 = await instant();
    await ok('mutation($id: ID!) { requestInterpretationPublication(id: $id, expectedVersion: 1) { id } }', { id }, 'regulations');
    await approve(id, 1);
    await eventually(async () => (await interpretationAt(id, new Date().toISOString()))?.version === 1);
    const betweenVersions = await instant();
    await ok('mutation($id: ID!, $input: InterpretationInput!) { reviseInterpretation(id: $id, expectedVersion: 1, input: $input) { id } }', { id, input: input('时点解读 第二版') }, 'regulations');
    await ok('mutation($id: ID!) { requestInterpretationPublication(id: $id, expectedVersion: 2) { id } }', { id }, 'regulations');
    await approve(id, 2);
    await eventually(async () => (await interpretationAt(id, new Date().toISOString()))?.version === 2);
    const afterV2 = await instant();

    expect(await interpretationAt(id, beforeV1)).toBeNull();
    expect(await interpretationAt(id, betweenVersions)).toMatchObject({ title: '时点解读 第一版', version: 1, status: 'PUBLISHED' });
    expect(await interpretationAt(id, afterV2)).toMatchObject({ title: '时点解读 第二版', version: 2 });
    const titlesAt = async (at: string) => (await anonymous<{ interpretations: { edges: { node: { title: string } }[] } }>(LIST, { at, documentId })).interpretations.edges.map((e) => e.node.title);
    expect([await titlesAt(beforeV1), await titlesAt(betweenVersions), await titlesAt(afterV2)]).toEqual([[], ['时点解读 第一版'], ['时点解读 第二版']]);
  });

  it('participation: a public message from its publication to its hide stub, never with its author, whoever asks', async () => {
    const MESSAGE = 'query($id: ID!, $at: DateTime) { publicMessage(id: $id, asOfInstant: $at) { id subject text hidden hiddenReason publicationState answer { text answeredBy } author { name contact } } }';
    const MESSAGES = 'query($at: DateTime) { publicMessages(asOfInstant: $at, first: 50) { edges { node { id subject hidden answer { text } author { name contact } } } } }';
    const AUTHOR = '时点留言人';
    const CONTACT = '13800000099';
    type Seen = { subject: string | null; hidden: boolean; author: unknown } | null;
    const messageAt = async (id: string, at: string, user: string | null = null) => (await ok<{ publicMessage: Seen }>(MESSAGE, { id, at }, user)).publicMessage;
    const listedAt = async (id: string, at: string, user: string | null = null) =>
      (await ok<{ publicMessages: { edges: { node: { id: string } & Record<string, unknown> }[] } }>(MESSAGES, { at }, user)).publicMessages.edges.filter((e) => e.node.id === id).map((e) => e.node);

    const input = { kind: 'INQUIRY', subject: '时点留言 夜间施工', text: '工地夜间施工噪声扰民', authorName: AUTHOR, contact: CONTACT, publishable: true };
    const id = (await anonymous<{ submitPublicMessage: { id: string } }>('mutation($input: PublicMessageInput!) { submitPublicMessage(input: $input) { id } }', { input })).submitPublicMessage.id;
    await ok('mutation($id: ID!) { routePublicMessage(id: $id, departmentCode: "SUPERVISION") { id } }', { id }, 'office');
    await ok('mutation($id: ID!) { answerPublicMessage(id: $id, answer: "已责令停止夜间施工") { id } }', { id }, 'supervision');
    const beforePublication = await instant();
    await approve(id, 1);
    await eventually(async () => (await messageAt(id, new Date().toISOString())) !== null, 30_000);
    const published = await instant();
    expect(await messageAt(id, published)).toMatchObject({ subject: '时点留言 夜间施工', text: '工地夜间施工噪声扰民', hidden: false, answer: { text: '已责令停止夜间施工', answeredBy: null }, author: null });
    expect(await listedAt(id, published)).toMatchObject([{ subject: '时点留言 夜间施工', hidden: false }]);
    await ok('mutation($id: ID!) { hidePublicMessage(id: $id, reason: "含他人隐私") { id } }', { id }, 'supervision');
    const hidden = await instant();

    expect(await messageAt(id, beforePublication)).toBeNull();
    // Hidden for someone's privacy: no instant brings the text back, not even one from the days it was public.
    const stub = { subject: null, text: null, answer: null, hidden: true, hiddenReason: '含他人隐私', author: null };
    expect(await messageAt(id, published)).toMatchObject(stub);
    expect(await messageAt(id, hidden)).toMatchObject(stub);
    expect(await listedAt(id, beforePublication)).toEqual([]);
    expect(await listedAt(id, published)).toMatchObject([{ subject: null, hidden: true, answer: null }]);
    expect(await listedAt(id, hidden)).toMatchObject([{ subject: null, hidden: true, answer: null }]);
    // The handling staff may open the author today, but a point in time answers with the public's view, for them too.
    expect(JSON.stringify(await ok(MESSAGE, { id, at: null }, 'supervision'))).toContain(CONTACT);
    const seenAtInstants = [];
    for (const at of [beforePublication, published, hidden]) {
      for (const user of [null, 'supervision', 'office']) seenAtInstants.push(await messageAt(id, at, user), await listedAt(id, at, user));
    }
    expect(JSON.stringify(seenAtInstants)).not.toContain(CONTACT);
    expect(JSON.stringify(seenAtInstants)).not.toContain(AUTHOR);
  });

  it('participation: an outreach activity through its announcement and its outcome record', async () => {
    const ACTIVITY = 'query($id: ID!, $at: DateTime) { activity(id: $id, asOfInstant: $at) { id version participants publicationStatus pendingReviewId } }';
    const ACTIVITIES = 'query($at: DateTime, $from: Date, $to: Date) { activities(asOfInstant: $at, from: $from, to: $to, first: 100) { edges { node { id version } } } }';
    type Seen = { version: number; participants: number | null } | null;
    const activityAt = async (id: string, at: string, user: string | null = null) => (await ok<{ activity: Seen }>(ACTIVITY, { id, at }, user)).activity;
    const today = localDateOf(new Date());
    const listedAt = async (id: string, at: string) =>
      (await anonymous<{ activities: { edges: { node: { id: string; version: number } }[] } }>(ACTIVITIES, { at, from: today, to: today })).activities.edges.map((edge) => edge.node).filter((a) => a.id === id);
    const input = { title: '时点宣传活动', date: today, place: '云浮市人民广场', organiser: '办公室', description: '发放宣传资料' };

    const id = (await ok<{ announceActivity: { id: string } }>('mutation($input: ActivityInput!) { announceActivity(input: $input) { id } }', { input }, 'office')).announceActivity.id;
    const beforeAnnouncement = await instant();
    await approve(id, 1);
    await eventually(async () => (await activityAt(id, new Date().toISOString()))?.version === 1, 30_000);
    const announced = await instant();
    await ok('mutation($id: ID!) { recordActivityOutcome(id: $id, participants: 320, summary: "发放资料一千二百份") { id } }', { id }, 'office');
    const outcomeUnderReview = await instant();
    await approve(id, 2);
    await eventually(async () => (await activityAt(id, new Date().toISOString()))?.version === 2, 30_000);
    const outcomePublished = await instant();

    expect(await activityAt(id, beforeAnnouncement)).toBeNull();
    expect(await activityAt(id, announced)).toMatchObject({ version: 1, participants: null, publicationStatus: 'PUBLISHED', pendingReviewId: null });
    // The outcome under review was nobody's to see then, not even for the office asking now about then.
    expect(await activityAt(id, outcomeUnderReview, 'office')).toMatchObject({ version: 1, participants: null, pendingReviewId: null });
    expect(await activityAt(id, outcomePublished)).toMatchObject({ version: 2, participants: 320 });
    expect([await listedAt(id, beforeAnnouncement), await listedAt(id, announced), await listedAt(id, outcomePublished)]).toEqual([[], [{ id, version: 1 }], [{ id, version: 2 }]]);
  });

  it('oversight: the annual report as published, and nothing before its publication', async () => {
    const REPORT = 'query($year: Int!, $at: DateTime) { annualReport(year: $year, agencyCode: "445300", asOfInstant: $at) { year source publication { version } applications { total { newThisYear } } } }';
    const year = Number(localDateOf(new Date()).slice(0, 4)) - 1;
    const beforeSubmission = await instant();
    await ok('mutation($year: Int!) { submitAnnualReport(year: $year, agencyCode: "445300", overview: "时点测试概述", problems: "无") { year } }', { year }, 'office');
    const underReview = await instant();
    await approve(`445300-${year}`, 1);
    await eventually(async () => (await graphql<{ annualReport: unknown }>(url(), REPORT, { year, at: new Date().toISOString() })).data?.annualReport, 30_000);
    const published = await instant();

    for (const at of [beforeSubmission, underReview]) {
      const refused = await graphql(url(), REPORT, { year, at });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', rule: 'ANNUAL_REPORT_NOT_PUBLISHED' });
    }
    // The published version for the office too: at an instant, never the live computation or the review status.
    for (const user of [null, 'office']) expect((await ok<{ annualReport: unknown }>(REPORT, { year, at: published }, user)).annualReport).toMatchObject({ year, source: 'PUBLISHED', publication: null });
  });

  it('oversight: the negative list as it stood, before an item was added, while on it, and after it was retired', async () => {
    const LIST = 'query($at: DateTime) { negativeList(asOfInstant: $at) { code description retired } }';
    const codesAt = async (at: string) => (await anonymous<{ negativeList: { code: string; retired: boolean }[] }>(LIST, { at })).negativeList.filter((item) => item.code === 'PIT-01');
    const beforeAdding = await instant();
    await ok('mutation { addNegativeListItem(code: "PIT-01", description: "时点测试条目", legalBasis: "《政府信息公开条例》第十四条") { code } }', {}, 'office');
    const onTheList = await instant();
    await ok('mutation { retireNegativeListItem(code: "PIT-01", reason: "测试结束") { code } }', {}, 'office');
    const afterRetirement = await instant();

    expect(await codesAt(beforeAdding)).toEqual([]);
    expect(await codesAt(onTheList)).toEqual([{ code: 'PIT-01', description: '时点测试条目', retired: false }]);
    expect(await codesAt(afterRetirement)).toEqual([]);
  });
});

describe('Point in time (asOfInstant) in the distributed runtime, where the gateway reads models fed by JetStream', () => {
  let platform: DistributedPlatform;
  const users: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    platform = await startDistributedPlatform({ contexts: ['services-catalog', 'oversight'] });
    for (const user of ['window', 'reviewer']) users[user] = await loginAs(platform.baseUrl, user);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('answers a guide through two versions and its retirement as the embedded platform does', async () => {
    const client = { url: platform.baseUrl, users };
    const { id, ...instants } = await guideThroughTwoVersionsAndRetirement(client);
    // The retirement reaches the gateway's read model through JetStream: wait for it before asking after it.
    await eventually(async () => (await call<{ serviceItem: { publicationStatus: string } | null }>(client, 'query($id: ID!) { serviceItem(id: $id) { publicationStatus } }', { id }, null)).serviceItem?.publicationStatus === 'RETIRED', 30_000);
    await expectGuideTimeline(client, id, instants);
  });
});
