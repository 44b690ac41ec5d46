import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clockShiftEnv, eventually, graphql, type GraphqlResponse, loginAs, type PlatformProcess, startPlatformProcess } from '@gongkai/testing';

jest.setTimeout(180_000);

/**
 * Interpretations and public-opinion responses (政策解读, 舆情回应) end to end, as the bureau and a
 * portal use them. The working-day calendar is loaded for 2025 and 2026 only and the rule counts
 * days, so the platform runs on fixed days of April 2026 (a preload sets `Date`, as faketime would):
 *
 * - Wed 1 April: a policy draft goes out for a one-day consultation; its interpretation is written,
 *   submitted and approved before the policy exists publicly; opinion cases are logged and answered.
 * - Thu 2 April: the policy is adopted — its obligation appears, due Wed 8 April (Qingming, 4–6
 *   April, in between), met on time by the interpretation published with it; a normative document
 *   registered with no interpretation is flagged.
 * - Thu 9 April: that document is overdue; its interpretation, published now, is late.
 */
const DAYS = { consultation: '2026-04-01T02:00:00Z', adoption: '2026-04-02T02:00:00Z', late: '2026-04-09T02:00:00Z' } as const;
const NOTE = '监测：有自媒体账号借机散布不实信息，暂不对外';

const INTERPRETATION_FIELDS = `id documentId document { id title documentNumber } department { code } form title content mediaUrl interpreters
  version status publishedVersion publishedOn pendingReviewId interpretationDueOn onTime`;
const CREATE = `mutation($input: InterpretationInput!) { createInterpretation(input: $input) { ${INTERPRETATION_FIELDS} } }`;
const REVISE = `mutation($id: ID!, $v: Int!, $input: InterpretationInput!) { reviseInterpretation(id: $id, expectedVersion: $v, input: $input) { ${INTERPRETATION_FIELDS} } }`;
const SUBMIT = `mutation($id: ID!, $v: Int!) { requestInterpretationPublication(id: $id, expectedVersion: $v) { ${INTERPRETATION_FIELDS} } }`;
const INTERPRETATION = `query($id: ID!) { interpretation(id: $id) { ${INTERPRETATION_FIELDS} } }`;
const INTERPRETATIONS = `query($documentId: ID, $departmentCode: String, $search: String) {
  interpretations(documentId: $documentId, departmentCode: $departmentCode, search: $search, first: 20) { totalCount edges { node { ${INTERPRETATION_FIELDS} } } } }`;
const OBLIGATIONS = `query($status: ObligationStatus) { interpretationObligations(status: $status) {
  documentId documentTitle documentNumber department { code } publishedOn interpretationDueOn status missingAtPublication metOn interpretationCount } }`;

const CASE_FIELDS = `id topic severity emergency incidentAt firstSpokesperson pressConferenceDueAt firstPressConferenceAt overdue status summary
  responses { number kind at spokesperson channel link publishedAt } monitoringNotes { note }`;
const REGISTER_CASE = `mutation($input: OpinionCaseInput!) { registerOpinionCase(input: $input) { ${CASE_FIELDS} } }`;
const RESPOND = `mutation($id: ID!, $input: OpinionResponseInput!) { recordOpinionResponse(caseId: $id, input: $input) { ${CASE_FIELDS} } }`;
const NOTE_CASE = `mutation($id: ID!, $note: String!) { recordOpinionMonitoringNote(caseId: $id, note: $note) { ${CASE_FIELDS} } }`;
const CLOSE_CASE = `mutation($id: ID!, $summary: String!) { closeOpinionCase(caseId: $id, summary: $summary) { ${CASE_FIELDS} } }`;
const CASES = `query($overdue: Boolean, $severity: Severity) { opinionCases(overdue: $overdue, severity: $severity) { ${CASE_FIELDS} } }`;
const PUBLIC_RESPONSES = `query($caseId: ID) { opinionResponses(caseId: $caseId, first: 20) { totalCount edges { node { id caseId topic kind at spokesperson channel publishedAt } } } }`;

const CREATE_DRAFT = `mutation($input: DecisionDraftInput!) { createDecisionDraft(input: $input) { id } }`;
const REQUEST_CONSULTATION = `mutation($id: ID!, $on: Date!, $reason: String) {
  requestConsultation(id: $id, expectedVersion: 1, opensOn: $on, closesOn: $on, channels: [WEBSITE], shortPeriodReason: $reason) { id } }`;
const REQUEST_FEEDBACK = `mutation($id: ID!) { requestFeedbackPublication(consultationId: $id) { id } }`;
const ADOPT = `mutation($id: ID!, $input: AdoptionInput!) { adoptDecision(id: $id, input: $input) { id status } }`;
const REGISTER_DOCUMENT = `mutation($input: NormativeDocumentInput!) { registerNormativeDocument(input: $input) { id } }`;
const REVIEWS = `query { publicationReviews(status: PENDING) { id itemType itemId } }`;
const APPROVE = `mutation($id: ID!) { approvePublicationReview(id: $id) { id status } }`;

interface InterpretationResult {
  id: string;
  documentId: string;
  document: { title: string; documentNumber: string | null } | null;
  version: number;
  status: string;
  publishedOn: string | null;
  pendingReviewId: string | null;
  onTime: boolean | null;
}
interface Obligation {
  documentId: string;
  documentTitle: string;
  publishedOn: string;
  interpretationDueOn: string;
  status: string;
  missingAtPublication: boolean;
  metOn: string | null;
}
interface CaseResult {
  id: string;
  pressConferenceDueAt: string | null;
  firstPressConferenceAt: string | null;
  overdue: boolean;
  status: string;
  responses: { number: number; kind: string; publishedAt: string | null }[];
  monitoringNotes: { note: string }[];
}

const POLICY_TITLE = '云浮市扬尘污染防治管理办法（试行）';
const interpretationInput = (documentId: string, change: Record<string, unknown> = {}) => ({
  documentId,
  form: 'QA',
  title: `《${POLICY_TITLE}》问答`,
  content: '问：本办法适用于哪些工地？答：本市行政区域内的建设工程施工工地。',
  interpreters: ['法规科 李科长'],
  departmentCode: 'REGULATIONS',
  ...change,
});

describe('Interpretations and public-opinion responses, end to end through GraphQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-interpretations-'));
  let platform: PlatformProcess | undefined;
  const users: Record<string, Record<string, string>> = {};
  const ids: Record<string, string> = {};

  const url = () => platform!.baseUrl;
  const as = (user: string | null) => (user ? users[user] : {});
  const call = <T>(query: string, variables: Record<string, unknown>, user: string | null): Promise<GraphqlResponse<T>> => graphql<T>(url(), query, variables, as(user));
  const ok = async <T>(query: string, variables: Record<string, unknown>, user: string | null): Promise<T> => {
    const result = await call<T>(query, variables, user);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const start = async (instant: string) => {
    const shift = Date.parse(instant) - Date.now();
    platform = await startPlatformProcess({ dataDir, env: clockShiftEnv(dataDir, shift) });
    for (const user of ['regulations', 'supervision', 'window', 'office', 'reviewer', 'auditor']) users[user] = await loginAs(url(), user);
  };
  const stop = async () => {
    await platform?.stop();
    platform = undefined;
  };
  const approveReviewOf = async (itemType: string, itemId: string) => {
    const review = await eventually(async () => (await call<{ publicationReviews: { id: string; itemType: string; itemId: string }[] }>(REVIEWS, {}, 'reviewer')).data?.publicationReviews.find((r) => r.itemType === itemType && r.itemId === itemId));
    expect((await ok<{ approvePublicationReview: { status: string } }>(APPROVE, { id: review.id }, 'reviewer')).approvePublicationReview.status).toBe('APPROVED');
  };
  const interpretation = async (id: string, user: string | null) => (await ok<{ interpretation: InterpretationResult | null }>(INTERPRETATION, { id }, user)).interpretation;
  const publicList = async (variables: Record<string, unknown>) =>
    (await ok<{ interpretations: { totalCount: number; edges: { node: InterpretationResult }[] } }>(INTERPRETATIONS, variables, null)).interpretations;
  const obligations = async (status: string | null, user = 'regulations') => (await ok<{ interpretationObligations: Obligation[] }>(OBLIGATIONS, { status }, user)).interpretationObligations;
  const obligationOf = (documentId: string, status: string | null = null) => eventually(async () => (await obligations(status)).find((o) => o.documentId === documentId));

  afterAll(async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('Wednesday 1 April: a policy is drafted with its interpretation; opinion cases are answered', () => {
    beforeAll(() => start(DAYS.consultation));
    afterAll(stop);

    it('learns of the policy draft from the decisions context and takes its interpretation before publication', async () => {
      const draft = { title: POLICY_TITLE, kind: 'POLICY', body: '第一条 为防治扬尘污染，制定本办法。', departmentCode: 'REGULATIONS', explanation: '起草说明' };
      ids['policy'] = (await ok<{ createDecisionDraft: { id: string } }>(CREATE_DRAFT, { input: draft }, 'regulations')).createDecisionDraft.id;
      await ok(REQUEST_CONSULTATION, { id: ids['policy'], on: '2026-04-01', reason: '上级督办，征求意见时间缩短' }, 'regulations');
      await approveReviewOf('CONSULTATION_DRAFT', ids['policy']);

      // The process manager notes the draft asynchronously: until then the document is unknown here.
      const created = await eventually(async () => (await call<{ createInterpretation: InterpretationResult }>(CREATE, { input: interpretationInput(ids['policy']) }, 'regulations')).data?.createInterpretation);
      ids['qa'] = created.id;
      expect(created).toMatchObject({ documentId: ids['policy'], version: 1, status: 'DRAFT', document: { title: POLICY_TITLE, documentNumber: null }, onTime: null });
    });

    it('refuses an interpretation of an unknown document, and one by a department that did not draft the policy', async () => {
      const unknown = await call(CREATE, { input: interpretationInput('no-such-document') }, 'regulations');
      expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'UNKNOWN_DOCUMENT' });
      const otherDepartment = await call(CREATE, { input: interpretationInput(ids['policy'], { departmentCode: 'SERVICE_WINDOW' }) }, 'window');
      expect(otherDepartment.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'NOT_THE_DRAFTING_DEPARTMENT' });
      const notTheirs = await call(CREATE, { input: interpretationInput(ids['policy']) }, 'window');
      expect(notTheirs.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'OUTSIDE_DEPARTMENT_SCOPE' });
      const anonymous = await call(CREATE, { input: interpretationInput(ids['policy']) }, null);
      expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
      const graphic = await call(CREATE, { input: interpretationInput(ids['policy'], { form: 'GRAPHIC' }) }, 'regulations');
      expect(graphic.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'MEDIA_REQUIRED_FOR_FORM', field: 'mediaUrl' });
    });

    it('revises by version, and submits the interpretation for approval with the document (一并报批)', async () => {
      const revised = await ok<{ reviseInterpretation: InterpretationResult }>(REVISE, { id: ids['qa'], v: 1, input: interpretationInput(ids['policy'], { content: '问：适用范围？答：全市建设工程施工工地。' }) }, 'regulations');
      expect(revised.reviseInterpretation).toMatchObject({ version: 2, status: 'DRAFT' });
      const stale = await call(REVISE, { id: ids['qa'], v: 1, input: interpretationInput(ids['policy']) }, 'regulations');
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'STALE_VERSION' });

      const submitted = await ok<{ requestInterpretationPublication: InterpretationResult }>(SUBMIT, { id: ids['qa'], v: 2 }, 'regulations');
      expect(submitted.requestInterpretationPublication).toMatchObject({ status: 'PENDING_REVIEW', pendingReviewId: expect.any(String) });
      await approveReviewOf('POLICY_INTERPRETATION', ids['qa']);
      // Approved, but the policy itself is not out yet: the interpretation waits for it.
      await eventually(async () => (await interpretation(ids['qa'], 'regulations'))?.status === 'APPROVED');
    });

    it('shows an anonymous caller no unpublished interpretation, not even an approved one', async () => {
      expect(await interpretation(ids['qa'], null)).toBeNull();
      expect(await publicList({ documentId: ids['policy'] })).toMatchObject({ totalCount: 0, edges: [] });
      expect(await publicList({ search: '适用范围' })).toMatchObject({ totalCount: 0 });
      expect((await call(OBLIGATIONS, {}, null)).errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('flags a major emergency without a press conference 24 hours after the incident', async () => {
      const overdueCase = {
        topic: '云城区某化工厂爆炸后周边河流出现异味',
        source: 'MEDIA',
        firstSeenAt: '2026-03-31T09:40:00+08:00',
        severity: 'MAJOR',
        emergency: true,
        incidentAt: '2026-03-31T09:00:00+08:00',
        departmentCode: 'SUPERVISION',
        firstSpokesperson: '局长 王某',
      };
      const noSpokesperson = await call(REGISTER_CASE, { input: { ...overdueCase, firstSpokesperson: null } }, 'supervision');
      expect(noSpokesperson.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'FIRST_SPOKESPERSON_REQUIRED' });
      const registered = await ok<{ registerOpinionCase: CaseResult }>(REGISTER_CASE, { input: overdueCase }, 'supervision');
      ids['overdueCase'] = registered.registerOpinionCase.id;
      expect(registered.registerOpinionCase).toMatchObject({ pressConferenceDueAt: '2026-04-01T01:00:00.000Z', overdue: true, status: 'OPEN' });
    });

    it('records responses of a case in time, keeps its monitoring notes internal and publishes a response only once reviewed', async () => {
      const input = {
        topic: '西江支流出现死鱼，网民质疑上游企业偷排',
        source: 'ONLINE',
        firstSeenAt: '2026-04-01T08:30:00+08:00',
        severity: 'ESPECIALLY_MAJOR',
        emergency: true,
        incidentAt: '2026-04-01T08:00:00+08:00',
        departmentCode: 'SUPERVISION',
        firstSpokesperson: '局长 王某',
      };
      const caseId = (await ok<{ registerOpinionCase: CaseResult }>(REGISTER_CASE, { input }, 'supervision')).registerOpinionCase.id;
      ids['answeredCase'] = caseId;
      const conference = { kind: 'PRESS_CONFERENCE', at: '2026-04-01T09:30:00+08:00', channel: '市政府新闻发布厅', spokesperson: '局长 王某', link: 'https://www.yunfu.gov.cn/hbj/xwfb/1.html' };
      const early = await call(RESPOND, { id: caseId, input: { ...conference, at: '2026-04-01T07:59:00+08:00' } }, 'supervision');
      expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'RESPONSE_BEFORE_INCIDENT' });

      await ok(NOTE_CASE, { id: caseId, note: NOTE }, 'supervision');
      const answered = (await ok<{ recordOpinionResponse: CaseResult }>(RESPOND, { id: caseId, input: conference }, 'supervision')).recordOpinionResponse;
      expect(answered).toMatchObject({ pressConferenceDueAt: '2026-04-02T00:00:00.000Z', firstPressConferenceAt: '2026-04-01T01:30:00.000Z', overdue: false, monitoringNotes: [{ note: NOTE }] });
      expect(answered.responses).toEqual([expect.objectContaining({ number: 1, kind: 'PRESS_CONFERENCE', publishedAt: null })]);

      const overdueIds = (await ok<{ opinionCases: CaseResult[] }>(CASES, { overdue: true }, 'office')).opinionCases.map((c) => c.id);
      expect(overdueIds).toContain(ids['overdueCase']);
      expect(overdueIds).not.toContain(caseId);
      expect((await ok<{ opinionCases: CaseResult[] }>(CASES, { severity: 'ESPECIALLY_MAJOR' }, 'auditor')).opinionCases.map((c) => c.id)).toEqual([caseId]);
      expect((await call(CASES, {}, null)).errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });

      expect((await ok<{ opinionResponses: { totalCount: number } }>(PUBLIC_RESPONSES, { caseId }, null)).opinionResponses.totalCount).toBe(0);
      await approveReviewOf('OPINION_RESPONSE', caseId);
      const listed = await eventually(async () => {
        const result = await call<{ opinionResponses: { totalCount: number; edges: { node: Record<string, unknown> }[] } }>(PUBLIC_RESPONSES, { caseId }, null);
        return result.data?.opinionResponses.totalCount === 1 ? result : undefined;
      });
      expect(listed.data?.opinionResponses.edges[0].node).toMatchObject({ caseId, topic: input.topic, kind: 'PRESS_CONFERENCE', spokesperson: '局长 王某' });
      expect(JSON.stringify(listed)).not.toContain(NOTE);

      const closed = await ok<{ closeOpinionCase: CaseResult }>(CLOSE_CASE, { id: caseId, summary: '已查明系上游养殖场违规排放，依法立案查处' }, 'supervision');
      expect(closed.closeOpinionCase).toMatchObject({ status: 'CLOSED', overdue: false });
    });
  });

  describe('Thursday 2 April: the policy is adopted and published', () => {
    beforeAll(() => start(DAYS.adoption));
    afterAll(stop);

    it('makes the obligation appear with its due day three working days on, met on time by the interpretation published with the policy', async () => {
      await ok(REQUEST_FEEDBACK, { id: ids['policy'] }, 'regulations');
      await approveReviewOf('CONSULTATION_FEEDBACK', ids['policy']);
      const adoption = { finalText: '第一条 为防治扬尘污染，制定本办法。（正式文本）', documentNumber: '云环〔2026〕8号', effectiveOn: '2026-05-01', approvedBy: '局务会议（2026年第5次）' };
      await eventually(async () => (await call<{ adoptDecision: { status: string } }>(ADOPT, { id: ids['policy'], input: adoption }, 'office')).data?.adoptDecision.status === 'ADOPTED');

      const obligation = await obligationOf(ids['policy'], 'MET_ON_TIME');
      expect(obligation).toMatchObject({ documentTitle: POLICY_TITLE, publishedOn: '2026-04-02', interpretationDueOn: '2026-04-08', missingAtPublication: false, metOn: '2026-04-02' });
      expect(await interpretation(ids['qa'], 'regulations')).toMatchObject({ status: 'PUBLISHED', publishedOn: '2026-04-02', interpretationDueOn: '2026-04-08', onTime: true });
    });

    it('shows the public the published interpretation by document, by department and by text, without staff-only facts', async () => {
      const byDocument = await publicList({ documentId: ids['policy'] });
      expect(byDocument.totalCount).toBe(1);
      expect(byDocument.edges[0].node).toMatchObject({
        id: ids['qa'],
        version: 2,
        status: 'PUBLISHED',
        document: { title: POLICY_TITLE, documentNumber: '云环〔2026〕8号' },
        publishedOn: '2026-04-02',
        pendingReviewId: null,
        interpretationDueOn: null,
        onTime: null,
      });
      expect((await publicList({ departmentCode: 'REGULATIONS' })).edges.map((e) => e.node.id)).toEqual([ids['qa']]);
      expect((await publicList({ search: '适用范围' })).edges.map((e) => e.node.id)).toEqual([ids['qa']]);
      expect((await publicList({ departmentCode: 'SUPERVISION' })).totalCount).toBe(0);
    });

    it('refuses a search over 200 characters with TOO_LONG instead of cutting it, today and at an instant', async () => {
      const search = `query($search: String, $at: DateTime) { interpretations(search: $search, asOfInstant: $at, first: 20) { totalCount } }`;
      expect(await call(search, { search: '解'.repeat(200) }, null)).toEqual({ status: 200, data: { interpretations: { totalCount: 0 } } });
      for (const at of [null, new Date().toISOString()]) {
        const refused = await call(search, { search: '解'.repeat(201), at }, null);
        expect(refused.data).toBeNull();
        expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'TOO_LONG', field: 'search' });
      }
    });

    it('flags a normative document published with no interpretation submitted, the moment it is registered', async () => {
      const document = { number: '云环〔2026〕9号', title: '云浮市环境信用评价办法', issuingDepartmentCode: 'SUPERVISION', issuedOn: '2026-04-02' };
      ids['register'] = (await ok<{ registerNormativeDocument: { id: string } }>(REGISTER_DOCUMENT, { input: document }, 'regulations')).registerNormativeDocument.id;
      const obligation = await obligationOf(ids['register'], 'PENDING');
      expect(obligation).toMatchObject({ documentTitle: '云浮市环境信用评价办法', publishedOn: '2026-04-02', interpretationDueOn: '2026-04-08', missingAtPublication: true, metOn: null });

      const input = interpretationInput(ids['register'], { form: 'GRAPHIC', title: '一图读懂环境信用评价', content: null, mediaUrl: 'https://www.yunfu.gov.cn/hbj/tj/credit.png', departmentCode: 'SUPERVISION' });
      ids['graphic'] = (await ok<{ createInterpretation: InterpretationResult }>(CREATE, { input }, 'supervision')).createInterpretation.id;
      expect(await interpretation(ids['graphic'], null)).toBeNull();
    });
  });

  describe('Thursday 9 April: after the due day', () => {
    beforeAll(() => start(DAYS.late));

    it('shows the uninterpreted document as overdue, and the policy as met on time still', async () => {
      expect((await obligations('OVERDUE')).map((o) => o.documentId)).toEqual([ids['register']]);
      expect((await obligations('MET_ON_TIME', 'auditor')).map((o) => o.documentId)).toEqual([ids['policy']]);
    });

    it('records an interpretation published after the due day as late', async () => {
      await ok(SUBMIT, { id: ids['graphic'], v: 1 }, 'supervision');
      await approveReviewOf('POLICY_INTERPRETATION', ids['graphic']);
      const published = await eventually(async () => {
        const current = await interpretation(ids['graphic'], 'supervision');
        return current?.status === 'PUBLISHED' ? current : undefined;
      });
      expect(published).toMatchObject({ publishedOn: '2026-04-09', interpretationDueOn: '2026-04-08', onTime: false });
      expect(await obligationOf(ids['register'], 'MET_LATE')).toMatchObject({ metOn: '2026-04-09', missingAtPublication: true });
      expect((await publicList({ documentId: ids['register'] })).edges.map((e) => e.node.id)).toEqual([ids['graphic']]);
    });

    it('keeps a major emergency never answered by a press conference flagged as overdue', async () => {
      const overdue = await ok<{ opinionCases: CaseResult[] }>(CASES, { overdue: true }, 'supervision');
      expect(overdue.opinionCases.map((c) => c.id)).toEqual([ids['overdueCase']]);
    });
  });
});
