import { eventually, graphql, type GraphqlResponse, loginAs, type PlatformProcess, startPlatformProcess } from '@gongkai/testing';
import request from 'supertest';

jest.setTimeout(120_000);

/**
 * An anonymous caller (and the readers who are not the handling staff) probing the operations of
 * public messages, outreach activities, webhooks and point-in-time reads: each probe pins the
 * exact absence of personal data and unpublished text, or the refusal's code, so that a change
 * that opens one of them fails here.
 */
const AUTHOR_NAME = '司马思远';
const CONTACT = '13800138000';
const QUESTION = '请问云城区工业园污水处理厂的在线监测数据在哪里公开？';
const leaks = (value: unknown): string[] => [AUTHOR_NAME, CONTACT, QUESTION].filter((text) => JSON.stringify(value).includes(text));

const SUBMIT = `mutation($input: PublicMessageInput!) { submitPublicMessage(input: $input) { id trackingCode accessKey } }`;
const MESSAGE = `query($id: ID!, $at: DateTime) { publicMessage(id: $id, asOfInstant: $at) { id subject text answer { text } author { name contact } } }`;
const LIST = `query($at: DateTime, $first: Int, $after: String) { publicMessages(first: $first, after: $after, asOfInstant: $at) { totalCount edges { node { id subject text author { name contact } } } } }`;
const TRACK = `query($code: String!, $key: String!) { trackPublicMessage(trackingCode: $code, accessKey: $key) { subject text } }`;
const ACTIVITY = `query($id: ID!, $at: DateTime) { activity(id: $id, asOfInstant: $at) { id title } }`;
const ANNOUNCE = `mutation($input: ActivityInput!) { announceActivity(input: $input) { id } }`;
const REGISTER = `mutation($input: WebhookInput!) { registerWebhook(input: $input) { id } }`;
const SECRET = 'a-secret-long-enough-to-sign';

describe('Visibility review: what an anonymous caller and the wrong reader get from the new operations', () => {
  let platform: PlatformProcess;
  let office: Record<string, string>;
  let regulations: Record<string, string>;
  let reviewer: Record<string, string>;
  let auditor: Record<string, string>;
  let admin: Record<string, string>;
  let message: { id: string; trackingCode: string; accessKey: string };
  let activityId: string;

  const url = () => platform.baseUrl;
  const data = async <T>(query: string, variables: Record<string, unknown> = {}, as: Record<string, string> = {}): Promise<T> => {
    const result = await graphql<Record<string, T>>(url(), query, variables, as);
    expect(result.errors).toBeUndefined();
    return Object.values(result.data!)[0]!;
  };
  const refusal = async (query: string, variables: Record<string, unknown> = {}, as: Record<string, string> = {}) => {
    const result: GraphqlResponse = await graphql(url(), query, variables, as);
    expect(leaks(result)).toEqual([]);
    return result.errors?.[0]?.extensions;
  };

  beforeAll(async () => {
    platform = await startPlatformProcess();
    [office, regulations, reviewer, auditor, admin] = await Promise.all(['office', 'regulations', 'reviewer', 'auditor', 'admin'].map((name) => loginAs(url(), name)));
    const input = { kind: 'INQUIRY', subject: '在线监测数据', text: QUESTION, authorName: AUTHOR_NAME, contact: CONTACT, publishable: true };
    message = await data(SUBMIT, { input });
    await data(`mutation($id: ID!) { routePublicMessage(id: $id, departmentCode: "SUPERVISION") { id } }`, { id: message.id }, office);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const activity = { title: '环保设施向公众开放日', date: today, place: '云浮市污水处理厂', organiser: '云浮市环境保护局办公室', description: '参观污水处理工艺。' };
    activityId = (await data<{ id: string }>(ANNOUNCE, { input: activity }, office)).id;
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('shows an unanswered message to nobody outside its department, by id, in the list or at any instant', async () => {
    const now = new Date().toISOString();
    expect(await data(MESSAGE, { id: message.id })).toBeNull();
    expect(await data(MESSAGE, { id: message.id, at: now })).toBeNull();
    expect(await data(MESSAGE, { id: message.id, at: now }, office)).toBeNull();
    expect(await data(MESSAGE, { id: message.id }, regulations)).toBeNull();
    expect(await data(LIST, {})).toEqual({ totalCount: 0, edges: [] });
    expect(await data(LIST, { at: now }, office)).toEqual({ totalCount: 0, edges: [] });
    expect(leaks(await data(LIST, {}, regulations))).toEqual([]);
  });

  it('gives the author to the handling staff only: not to a reviewer or an auditor', async () => {
    expect(await data(MESSAGE, { id: message.id }, office)).toMatchObject({ author: { name: AUTHOR_NAME, contact: CONTACT } });
    expect(await data(MESSAGE, { id: message.id }, reviewer)).toBeNull();
    expect(await data(MESSAGE, { id: message.id }, auditor)).toMatchObject({ text: QUESTION, author: null });
  });

  it('refuses the staff operations and figures to an anonymous caller', async () => {
    const anonymous = [
      ['query { escalatedPublicMessages { totalCount } }', {}],
      ['query { publicMessageStatistics(year: 2026) { year } }', {}],
      [`mutation($id: ID!) { answerPublicMessage(id: $id, answer: "答复") { id } }`, { id: message.id }],
      [`mutation($id: ID!) { hidePublicMessage(id: $id, reason: "理由") { id } }`, { id: message.id }],
      [`mutation($id: ID!) { routePublicMessage(id: $id, departmentCode: "OFFICE") { id } }`, { id: message.id }],
      [`mutation { setPublicMessageAnswerLimits(limits: [{ kind: INQUIRY, workingDays: 1 }], reason: "匿名") { reason } }`, {}],
      ['query { webhooks { id } }', {}],
      ['query { deadLetteredDeliveries { totalCount } }', {}],
      ['query { channelDeliveryStatistics(year: 2026) { year } }', {}],
      ['query { verifyEventLog { valid } }', {}],
    ] as const;
    for (const [query, variables] of anonymous) expect(await refusal(query, variables)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal('query { publicMessageStatistics(year: 2026) { year } }', {}, reviewer)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses unbounded pages and forged cursors', async () => {
    expect(await refusal(LIST, { first: 100_000 })).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'OUT_OF_RANGE' });
    expect(await refusal(LIST, { after: 'bm90LWEtY3Vyc29y' })).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'INVALID_CURSOR' });
  });

  it('never shows an announced but unreviewed activity, nor its channels, to the public', async () => {
    expect(await data(ACTIVITY, { id: activityId })).toBeNull();
    expect(await data(ACTIVITY, { id: activityId, at: new Date().toISOString() }, office)).toBeNull();
    expect(await data('query { activities { totalCount edges { node { id } } } }')).toEqual({ totalCount: 0, edges: [] });
    expect(await data(`query($id: ID!) { publicationChannels(itemType: "OUTREACH_ACTIVITY", itemId: $id) { channelsDelivered } }`, { id: activityId })).toBeNull();
  });

  it('registers webhooks for admins only, never on a link-local address, and never shows a secret, not even in the audit trail', async () => {
    const input = { name: '短信平台', url: 'https://sms.example/hook', secret: SECRET };
    expect(await refusal(REGISTER, { input }, office)).toMatchObject({ code: 'FORBIDDEN', rule: 'ROLE_REQUIRED' });
    expect(await refusal(REGISTER, { input: { ...input, url: 'http://169.254.169.254/latest/meta-data/' } }, admin)).toMatchObject({
      code: 'BAD_USER_INPUT',
      rule: 'WEBHOOK_ADDRESS_LINK_LOCAL',
      field: 'url',
    });
    expect(await data('query { webhooks { id } }', {}, admin)).toEqual([]);
    await data(REGISTER, { input }, admin);
    expect(JSON.stringify(await data('query { webhooks { id name url } }', {}, auditor))).not.toContain(SECRET);
    expect(await refusal('query { webhooks { secret } }', {}, admin)).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    // The audit index follows the event log: wait until it holds the registration.
    const trail = await eventually(async () => {
      const page = await data<{ edges: { node: { data: string } }[] }>(`query { auditTrail(filter: { eventType: "WebhookRegistered" }) { edges { node { data } } } }`, {}, auditor);
      return page.edges.length > 0 ? page : undefined;
    });
    // The log holds the secret sealed in the vault, so neither the trail nor its export can show it.
    const [registered] = trail.edges.map((edge) => JSON.parse(edge.node.data) as Record<string, unknown>);
    expect(registered).toMatchObject({ sealedSecret: { keyId: expect.stringMatching(/^webhook-secret:/), ciphertext: expect.stringMatching(/^pd1\./) } });
    expect(registered).not.toHaveProperty('secret');
    expect(JSON.stringify(trail)).not.toContain(SECRET);
    const exported = await request(url()).get('/oversight/audit-trail.ndjson').set(auditor);
    expect(exported.status).toBe(200);
    expect(exported.text).toContain('WebhookRegistered');
    expect(exported.text).not.toContain(SECRET);
  });

  // Last: it spends this client's tracking allowance.
  it('answers a wrong access key with null, and slows guessing down', async () => {
    expect(await data(TRACK, { code: message.trackingCode, key: 'AAAAA-AAAAA-AAAAA-AAAAA' })).toBeNull();
    expect(await data(TRACK, { code: 'YM26-0000-0000', key: message.accessKey })).toBeNull();
    const aliased = Array.from({ length: 12 }, (_, n) => `t${n}: trackPublicMessage(trackingCode: "${message.trackingCode}", accessKey: "BBBBB-BBBBB-BBBBB-${String(n).padStart(5, '0')}") { subject }`);
    const burst: GraphqlResponse = await graphql(url(), `query { ${aliased.join(' ')} }`);
    expect(burst.errors?.map((error) => error.extensions?.['code'])).toContain('RATE_LIMITED');
  });
});
