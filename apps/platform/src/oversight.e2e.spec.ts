import { localDateOf } from '@gongkai/calendar';
import { draftServiceGuide, eventually, graphql, loginAs, type PlatformProcess, requestServiceGuidePublication, serviceGuideInput, startPlatformProcess } from '@gongkai/testing';
import request from 'supertest';

jest.setTimeout(90_000);

const REVIEWS = `query($status: ReviewStatus) { publicationReviews(status: $status) { id itemType itemId status negativeListItemCode negativeListVersion noNegativeListItemReason } }`;
const APPROVE = `mutation($id: ID!) { approvePublicationReview(id: $id, comment: "不涉密") { id status } }`;
const REJECT = `mutation($id: ID!, $code: String, $none: String) { rejectPublicationReview(id: $id, reason: "涉及国家秘密", negativeListItemCode: $code, noNegativeListItemReason: $none) { id status negativeListItemCode negativeListVersion } }`;
const NEGATIVE_LIST = `{ negativeList { code description legalBasis retired addedInVersion } negativeListHistory { listVersion change code reason } }`;
const ADD_ITEM = `mutation($code: String!, $description: String!, $legalBasis: String!) { addNegativeListItem(code: $code, description: $description, legalBasis: $legalBasis) { code addedInVersion } }`;
const POWER_FIELDS = 'id listed published { version name kind department { code } publishedAt } pending { version adjustment } history { version adjustment reason publishedAt }';
const ADJUST = `mutation($input: PowerListAdjustmentInput!) { adjustPowerListItem(input: $input) { ${POWER_FIELDS} } }`;
const POWER_LIST = `{ powerList { ${POWER_FIELDS} } }`;
const TASKS = `query($d: String) { tasks(departmentCode: $d) { id number title departments { code } assignees { department { code } assignee } assignments { assignee previousAssignee assignedBy } } }`;
const ASSIGN = `mutation($taskId: ID!, $d: String!, $who: String!) { assignTask(taskId: $taskId, departmentCode: $d, assignee: $who) { id assignees { department { code } assignee } assignments { assignee previousAssignee } } }`;
const SEMIANNUAL = `query($year: Int!, $half: Half!) { semiannualReports(year: $year, half: $half) { department { code } dueOn submittedOn late overdue version } }`;
const SUBMIT_SEMIANNUAL = `mutation($d: String!, $year: Int!, $half: Half!, $content: String!) { submitSemiannualReport(departmentCode: $d, year: $year, half: $half, content: $content) { department { code } dueOn submittedOn late version } }`;
const INSPECT = `mutation($input: InspectionInput!) { recordInspection(input: $input) { id kind findings { number department { code } rectificationDueOn status } } }`;
const RECTIFY = `mutation($id: ID!, $n: Int!, $on: Date!) { recordRectification(inspectionId: $id, findingNumber: $n, rectifiedOn: $on, note: "已补充承诺时限") { id findings { number status rectifiedOn } } }`;

interface Review {
  id: string;
  itemType: string;
  itemId: string;
  status: string;
}

describe('Oversight (保障措施, 负面清单), end to end through GraphQL', () => {
  let platform: PlatformProcess;
  let office: Record<string, string>;
  let window: Record<string, string>;
  let reviewer: Record<string, string>;
  let auditor: Record<string, string>;
  const url = () => platform.baseUrl;
  const ok = async <T>(query: string, variables: Record<string, unknown>, as: Record<string, string> = {}): Promise<T> => {
    const result = await graphql<T>(url(), query, variables, as);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const refusal = async (query: string, variables: Record<string, unknown>, as: Record<string, string> = {}) => (await graphql(url(), query, variables, as)).errors?.[0].extensions;
  const reviewOf = (itemId: string, status: string) =>
    eventually(async () => (await graphql<{ publicationReviews: Review[] }>(url(), REVIEWS, { status }, reviewer)).data?.publicationReviews.find((r) => r.itemId === itemId));

  beforeAll(async () => {
    platform = await startPlatformProcess();
    [office, window, reviewer, auditor] = await Promise.all(['office', 'window', 'reviewer', 'auditor'].map((name) => loginAs(platform.baseUrl, name)));
  });

  afterAll(async () => {
    await platform?.stop();
    platform?.cleanup();
  });

  it('keeps a public, versioned negative list that rejections cite, or say why none applies', async () => {
    await ok(ADD_ITEM, { code: 'NL-01', description: '属于国家秘密的政府信息', legalBasis: '《中华人民共和国政府信息公开条例》第十四条' }, office);
    await ok(ADD_ITEM, { code: 'NL-02', description: '内部事务信息', legalBasis: '《政府信息公开条例》第十六条' }, office);
    await ok(`mutation { retireNegativeListItem(code: "NL-02", reason: "并入其他条目") { code retired } }`, {}, office);
    const list = await ok<{ negativeList: { code: string }[]; negativeListHistory: { listVersion: number; change: string }[] }>(NEGATIVE_LIST, {});
    expect(list.negativeList.map((i) => i.code)).toEqual(['NL-01']);
    expect(list.negativeListHistory.map((c) => `${c.listVersion}:${c.change}`)).toEqual(['1:ADDED', '2:ADDED', '3:RETIRED']);

    expect(await refusal(ADD_ITEM, { code: 'NL-03', description: 'x', legalBasis: 'y' }, window)).toMatchObject({ code: 'FORBIDDEN', rule: 'ROLE_REQUIRED' });
    expect(await refusal(ADD_ITEM, { code: 'NL-03', description: 'x', legalBasis: 'y' }, auditor)).toMatchObject({ code: 'FORBIDDEN', rule: 'ROLE_REQUIRED' });
    expect(await refusal(ADD_ITEM, { code: 'bad code', description: 'x', legalBasis: 'y' }, office)).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'INVALID_NEGATIVE_LIST_CODE' });
    expect(await refusal(ADD_ITEM, { code: 'NL-01', description: 'x', legalBasis: 'y' }, office)).toMatchObject({ code: 'CONFLICT', rule: 'NEGATIVE_LIST_CODE_TAKEN' });

    const itemId = await draftServiceGuide(platform.baseUrl, window, serviceGuideInput('涉密事项'));
    await requestServiceGuidePublication(platform.baseUrl, window, itemId);
    const review = await reviewOf(itemId, 'PENDING');
    expect(await refusal(REJECT, { id: review.id }, reviewer)).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'NEGATIVE_LIST_CITATION_REQUIRED' });
    expect(await refusal(REJECT, { id: review.id, code: 'NL-02' }, reviewer)).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'UNKNOWN_NEGATIVE_LIST_ITEM' });
    expect(await refusal(REJECT, { id: review.id, code: 'NL-01' }, window)).toMatchObject({ code: 'FORBIDDEN' });
    const rejected = await ok<{ rejectPublicationReview: { status: string; negativeListItemCode: string; negativeListVersion: number } }>(REJECT, { id: review.id, code: 'nl-01' }, reviewer);
    expect(rejected.rejectPublicationReview).toEqual({ id: review.id, status: 'REJECTED', negativeListItemCode: 'NL-01', negativeListVersion: 3 });
  });

  it('adjusts the power and responsibility list with reasons, publishing only what a reviewer approved', async () => {
    const input = { adjustment: 'ADD', name: '排污许可证核发', kind: 'LICENSING', departmentCode: 'EMISSION_TOTALS', legalBasis: '《排污许可管理条例》第三条', reason: '依条例新增' };
    const added = (await ok<{ adjustPowerListItem: { id: string; listed: boolean; pending: { version: number } } }>(ADJUST, { input }, office)).adjustPowerListItem;
    expect(added).toMatchObject({ listed: false, pending: { version: 1, adjustment: 'ADD' } });
    expect((await ok<{ powerList: unknown[] }>(POWER_LIST, {})).powerList).toEqual([]);

    const review = await reviewOf(added.id, 'PENDING');
    expect(review.itemType).toBe('POWER_LIST_ITEM');
    await ok(APPROVE, { id: review.id }, reviewer);
    const listed = await eventually(async () => (await graphql<{ powerList: { id: string; published: { name: string; department: { code: string } } }[] }>(url(), POWER_LIST, {})).data?.powerList.find((i) => i.id === added.id));
    expect(listed.published).toMatchObject({ name: '排污许可证核发', department: { code: 'EMISSION_TOTALS' } });

    const modified = (await ok<{ adjustPowerListItem: { pending: { version: number }; published: { version: number } } }>(ADJUST, { input: { ...input, itemId: added.id, adjustment: 'MODIFY', departmentCode: 'SUPERVISION', reason: '职责调整' } }, office)).adjustPowerListItem;
    expect(modified).toMatchObject({ published: { version: 1 }, pending: { version: 2 } });
    const publicView = await ok<{ powerListItem: { pending: unknown; history: { version: number }[] } }>(`query($id: ID!) { powerListItem(id: $id) { pending { version } history { version } } }`, { id: added.id });
    expect(publicView.powerListItem).toEqual({ pending: null, history: [{ version: 1 }] });
    expect(await refusal(ADJUST, { input: { ...input, reason: '' } }, office)).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'REQUIRED' });
    expect(await refusal(ADJUST, { input }, auditor)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('seeds the plan’s ten tasks and assigns them down to named people, with the history', async () => {
    const seeded = await eventually(async () => {
      const tasks = (await graphql<{ tasks: { id: string; number: number; title: string }[] }>(url(), TASKS, {}, office)).data?.tasks;
      return tasks && tasks.length === 10 ? tasks : undefined;
    });
    expect(seeded.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const negativeListTask = seeded.find((t) => t.number === 7)!;
    expect(negativeListTask.title).toBe('探索政务公开负面清单制度');

    await ok(ASSIGN, { taskId: negativeListTask.id, d: 'OFFICE', who: '张三' }, office);
    const reassigned = await ok<{ assignTask: { assignees: unknown[]; assignments: unknown[] } }>(ASSIGN, { taskId: negativeListTask.id, d: 'OFFICE', who: '李四' }, office);
    expect(reassigned.assignTask.assignees).toEqual([{ department: { code: 'OFFICE' }, assignee: '李四' }]);
    expect(reassigned.assignTask.assignments).toEqual([
      { assignee: '张三', previousAssignee: null },
      { assignee: '李四', previousAssignee: '张三' },
    ]);
    const mine = (await ok<{ tasks: { id: string; number: number }[] }>(TASKS, { d: 'SERVICE_WINDOW' }, window)).tasks;
    expect(mine.map((t) => t.number)).toEqual([2, 3]);
    await ok(ASSIGN, { taskId: mine[0].id, d: 'SERVICE_WINDOW', who: '王芳' }, window);
    expect(await refusal(ASSIGN, { taskId: mine[0].id, d: 'SUPERVISION', who: '王芳' }, window)).toMatchObject({ code: 'FORBIDDEN', rule: 'OUTSIDE_DEPARTMENT_SCOPE' });
    expect(await refusal(TASKS, {})).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('flags a late semiannual report and the departments that sent none', async () => {
    const today = localDateOf(new Date());
    const sent = await ok<{ submitSemiannualReport: { dueOn: string; submittedOn: string; late: boolean } }>(SUBMIT_SEMIANNUAL, { d: 'SERVICE_WINDOW', year: 2026, half: 'FIRST_HALF', content: '上半年共公开信息 120 条' }, window);
    expect(sent.submitSemiannualReport).toEqual({ department: { code: 'SERVICE_WINDOW' }, dueOn: '2026-06-30', submittedOn: today, late: today > '2026-06-30', version: 1 });
    const rows = (await ok<{ semiannualReports: { department: { code: string }; submittedOn: string | null; late: boolean; overdue: boolean }[] }>(SEMIANNUAL, { year: 2026, half: 'FIRST_HALF' }, office)).semiannualReports;
    expect(rows).toHaveLength(9);
    expect(rows.find((r) => r.department.code === 'SERVICE_WINDOW')).toMatchObject({ submittedOn: today, overdue: false });
    expect(rows.filter((r) => r.overdue).map((r) => r.department.code)).toHaveLength(today > '2026-06-30' ? 8 : 0);
    expect((await ok<{ semiannualReports: unknown[] }>(SEMIANNUAL, { year: 2026, half: 'FIRST_HALF' }, window)).semiannualReports).toHaveLength(1);
    expect(await refusal(SUBMIT_SEMIANNUAL, { d: 'PLANNING', year: 2026, half: 'FIRST_HALF', content: 'x' }, window)).toMatchObject({ code: 'FORBIDDEN', rule: 'OUTSIDE_DEPARTMENT_SCOPE' });

    const consolidated = await ok<{ consolidateSemiannualReports: { includedDepartments: { code: string }[]; missingDepartments: unknown[] } }>(
      `mutation { consolidateSemiannualReports(year: 2026, half: FIRST_HALF, content: "全局上半年政务公开工作情况") { includedDepartments { code } missingDepartments { code } } }`,
      {},
      office,
    );
    expect(consolidated.consolidateSemiannualReports.includedDepartments).toEqual([{ code: 'SERVICE_WINDOW' }]);
    expect(consolidated.consolidateSemiannualReports.missingDepartments).toHaveLength(8);
    const hearing = await ok<{ recordLeadershipHearing: { hearingNumber: number } }>(
      `mutation($on: Date!) { recordLeadershipHearing(year: 2026, heldOn: $on, chairedBy: "局长", summary: "听取政务公开工作汇报") { hearingNumber heldOn } }`,
      { on: today },
      office,
    );
    expect(hearing.recordLeadershipHearing).toMatchObject({ hearingNumber: 1, heldOn: today });
  });

  it('records an inspection and its findings’ rectification', async () => {
    const recorded = (
      await ok<{ recordInspection: { id: string; findings: { status: string }[] } }>(
        INSPECT,
        {
          input: {
            kind: 'AD_HOC',
            inspectedOn: '2026-09-01',
            subject: '办事指南更新情况',
            findings: [
              { description: '部分办事指南未标注承诺时限', departmentCode: 'SERVICE_WINDOW', rectificationDueOn: '2026-09-30' },
              { description: '规划科栏目未更新', departmentCode: 'PLANNING', rectificationDueOn: '2099-12-31' },
            ],
          },
        },
        office,
      )
    ).recordInspection;
    expect(recorded).toMatchObject({ kind: 'AD_HOC', findings: [{ number: 1, status: 'OVERDUE' }, { number: 2, status: 'OPEN' }] });
    const rectified = await ok<{ recordRectification: { findings: { status: string }[] } }>(RECTIFY, { id: recorded.id, n: 1, on: '2026-10-08' }, window);
    expect(rectified.recordRectification.findings.map((f) => f.status)).toEqual(['RECTIFIED_LATE', 'OPEN']);
    expect(await refusal(RECTIFY, { id: recorded.id, n: 2, on: '2026-10-08' }, window)).toMatchObject({ code: 'FORBIDDEN', rule: 'OUTSIDE_DEPARTMENT_SCOPE' });
    expect(await refusal(RECTIFY, { id: recorded.id, n: 1, on: '2026-10-09' }, office)).toMatchObject({ code: 'CONFLICT', rule: 'FINDING_ALREADY_RECTIFIED' });
    const open = await ok<{ inspections: { id: string }[] }>(`{ inspections(findingStatus: OPEN) { id } }`, {}, auditor);
    expect(open.inspections.map((i) => i.id)).toEqual([recorded.id]);
    expect(await refusal(INSPECT, { input: { kind: 'REGULAR', inspectedOn: '2026-09-01', subject: 'x', findings: [] } }, auditor)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('answers the public with the published version of a review-gated report only', async () => {
    const anonymous = await request(url()).get('/oversight/annual-reports/445300/2024?format=json');
    expect(anonymous.status).toBe(404);
    expect(anonymous.body).toMatchObject({ code: 'NOT_FOUND', rule: 'ANNUAL_REPORT_NOT_PUBLISHED' });
  });
});
