import type { Actor } from '@gongkai/kernel';
import {
  computeAnnualReport,
  foldReportFacts,
  inspectionDecider,
  negativeListDecider,
  powerListItemDecider,
  semiannualReportDecider,
  workPlanTaskDecider,
} from '@gongkai/oversight/domain';
import { InMemoryReadStore, ProjectionRunner } from '@gongkai/read-store';
import { EventHistory } from '@gongkai/testing';
import { loadReportFacts } from './annual-report/report-facts.projection';
import { AUDIT_EVENTS, type AuditEventDocument, auditIndexConsumer } from './audit/audit-index';
import { auditEvents, auditPage, auditQueryFilter } from './audit/audit-trail-query';
import { INSPECTIONS, type InspectionDocument } from './inspections/inspections.projection';
import { NEGATIVE_LIST_CHANGES, NEGATIVE_LIST_ITEMS } from './negative-list/negative-list.projection';
import { POWER_LIST_ITEMS, type PowerListItemDocument } from './power-list/power-list.projection';
import { WORK_PLAN_TASKS, type WorkPlanTaskDocument } from './responsibility/work-plan-tasks.projection';
import { SEMIANNUAL_REPORTS, type SemiannualReportDocument } from './work-reports/work-reports.projection';
import { OVERSIGHT_PROJECTIONS } from './oversight-projections';

const office: Actor = { id: 'demo-office', roles: ['office', 'staff'], agencyCode: '445300', departmentCode: 'OFFICE' };
const window: Actor = { id: 'demo-window', roles: ['staff'], agencyCode: '445300', departmentCode: 'SERVICE_WINDOW' };
const auditor: Actor = { id: 'demo-auditor', roles: ['auditor'], agencyCode: '445300' };
const countyOffice: Actor = { id: 'county-office', roles: ['office'], agencyCode: '445381' };
const system: Actor = { id: 'system:oversight', roles: ['system'] };
const supervisor: Actor = { id: 'demo-supervisor', roles: ['staff'], agencyCode: '445300', departmentCode: 'SUPERVISION' };
const day = (date: string) => `${date}T02:00:00Z`;

const history = (): EventHistory => {
  const h = new EventHistory();
  h.decide(negativeListDecider, 'oversight.NegativeList-445300', { type: 'AddNegativeListItem', data: { agencyCode: '445300', code: 'NL-01', description: '国家秘密', legalBasis: '第十四条' } }, office, day('2026-01-05'));
  h.decide(negativeListDecider, 'oversight.NegativeList-445300', { type: 'AddNegativeListItem', data: { agencyCode: '445300', code: 'NL-02', description: '过程性信息', legalBasis: '第十六条' } }, office, day('2026-01-06'));
  h.decide(negativeListDecider, 'oversight.NegativeList-445300', { type: 'RetireNegativeListItem', data: { agencyCode: '445300', code: 'NL-02', reason: '调整' } }, office, day('2026-02-01'));
  const entry = { name: '排污许可证核发', kind: 'LICENSING', departmentCode: 'EMISSION_TOTALS', legalBasis: '《排污许可管理条例》' };
  const [adjusted] = h.decide(powerListItemDecider, 'oversight.PowerListItem-p1', { type: 'AdjustPowerListItem', data: { itemId: 'p1', agencyCode: '445300', reviewId: 'r1', adjustment: 'ADD', entry, reason: '新增' } }, office, day('2026-03-01'));
  const hash = (adjusted.data as { contentHash: string }).contentHash;
  h.decide(powerListItemDecider, 'oversight.PowerListItem-p1', { type: 'PublishReviewedPowerListItem', data: { itemId: 'p1', version: 1, contentHash: hash, reviewId: 'r1' } }, system, day('2026-03-02'));
  h.decide(powerListItemDecider, 'oversight.PowerListItem-p1', { type: 'AdjustPowerListItem', data: { itemId: 'p1', reviewId: 'r2', adjustment: 'MODIFY', entry: { ...entry, departmentCode: 'SUPERVISION' }, reason: '调整科室' } }, office, day('2026-04-01'));
  h.decide(workPlanTaskDecider, 'oversight.WorkPlanTask-wp-2017-11-02', { type: 'SeedWorkPlanTask', data: { taskId: 'wp-2017-11-02' } }, system, day('2026-01-01'));
  h.decide(workPlanTaskDecider, 'oversight.WorkPlanTask-wp-2017-11-02', { type: 'AssignWorkPlanTask', data: { taskId: 'wp-2017-11-02', departmentCode: 'SERVICE_WINDOW', assignee: '李明' } }, window, day('2026-01-10'));
  h.decide(workPlanTaskDecider, 'oversight.WorkPlanTask-wp-2017-11-02', { type: 'AssignWorkPlanTask', data: { taskId: 'wp-2017-11-02', departmentCode: 'SERVICE_WINDOW', assignee: '王芳' } }, office, day('2026-05-10'));
  const report = { agencyCode: '445300', departmentCode: 'SERVICE_WINDOW', year: 2026, half: 'FIRST_HALF', content: '上半年' };
  h.decide(semiannualReportDecider, 'oversight.SemiannualReport-445300-SERVICE_WINDOW-2026-FIRST_HALF', { type: 'SubmitSemiannualReport', data: report }, window, day('2026-07-02'));
  h.decide(semiannualReportDecider, 'oversight.SemiannualReport-445300-SERVICE_WINDOW-2026-FIRST_HALF', { type: 'SubmitSemiannualReport', data: { ...report, content: '上半年（修订）' } }, window, day('2026-07-09'));
  const findings = [{ description: '未标注时限', departmentCode: 'SERVICE_WINDOW', rectificationDueOn: '2026-09-30' }];
  h.decide(inspectionDecider, 'oversight.Inspection-i1', { type: 'RecordInspection', data: { inspectionId: 'i1', agencyCode: '445300', kind: 'REGULAR', inspectedOn: '2026-09-01', subject: '办事指南', findings } }, office, day('2026-09-02'));
  h.decide(inspectionDecider, 'oversight.Inspection-i1', { type: 'RecordRectification', data: { inspectionId: 'i1', findingNumber: 1, rectifiedOn: '2026-10-08', note: '已补' } }, window, day('2026-10-08'));
  h.append('requests.InformationRequest-q1', 'InformationRequestReceived', { requestId: 'q1', agencyCode: '445300', applicantType: 'NATURAL_PERSON', receivedOn: '2025-12-29', applicant: { keyId: 'q1', ciphertext: 'pd1.a.b.c' } }, window, day('2025-12-29'));
  h.append('requests.InformationRequest-q1', 'InformationRequestAnswered', { requestId: 'q1', outcome: 'DISCLOSED', answeredOn: '2026-01-15' }, window, day('2026-01-15'));
  h.append('requests.InformationRequest-q1', 'FeeNoticeIssued', { requestId: 'q1', method: 'BY_PAGES', basis: 120, amountFen: 10_000, noticeOn: '2026-01-05', payByOn: '2026-01-20' }, supervisor, day('2026-01-05'));
  h.append('requests.InformationRequest-q1', 'FeePaymentRecorded', { requestId: 'q1', paidOn: '2026-01-08' }, supervisor, day('2026-01-08'));
  const disclosure = { agencyCode: '445300', departmentCode: 'SUPERVISION', enterpriseCreditCode: '91445300MA4UXXXX1X', title: 't', publicationDueOn: '2026-11-30' };
  h.append('supervision.Disclosure-s1', 'DisclosureRecorded', { ...disclosure, disclosureId: 's1', category: 'DISCHARGE_PERMIT', formedOn: '2026-11-16', details: { action: 'ISSUED' } }, supervisor, day('2026-11-16'));
  h.append('supervision.Disclosure-s1', 'DisclosureCorrected', { disclosureId: 's1', version: 2, details: { action: 'RENEWED' }, reason: '更正', correctedOn: '2026-11-17', publicationDueOn: '2026-11-30' }, supervisor, day('2026-11-17'));
  const row = (id: string, importId: string, amountFen: number) => ({ ...disclosure, disclosureId: id, category: 'DISCHARGE_FEE', formedOn: '2026-11-16', importId, row: 1, details: { amountFen } });
  h.append('supervision.DisclosureImportChunk-m1.0', 'DisclosureImported', row('m1-1', 'm1', 20_000), supervisor, day('2026-11-18'));
  h.append('supervision.DisclosureImport-m1', 'DisclosureImportCompleted', { importId: 'm1', rowCount: 1, completedAt: day('2026-11-18') }, supervisor, day('2026-11-18'));
  h.append('supervision.DisclosureImportChunk-m2.0', 'DisclosureImported', row('m2-1', 'm2', 30_000), supervisor, day('2026-11-19'));
  h.append('decisions.NormativeRegister-445300', 'NormativeDocumentRegistered', { agencyCode: '445300', documentId: 'd1', document: { number: '云环办〔2026〕1号', title: 't', issuedOn: '2026-02-01', validUntil: '2031-01-31' } }, office, day('2026-02-01'));
  return h;
};

describe('The oversight read models, fed the events the deciders write', () => {
  const store = new InMemoryReadStore();
  const h = history();

  beforeAll(async () => {
    const runner = new ProjectionRunner(store, OVERSIGHT_PROJECTIONS);
    await runner.start();
    const audit = auditIndexConsumer(store, 'test');
    for (const event of h.events) {
      await runner.handle(event);
      await audit.handle(event);
    }
    // Delivered twice, as a bus may after a crash: nothing changes.
    for (const event of h.events) await audit.handle(event);
  });

  it('keeps the negative list and every version of it', async () => {
    const items = await store.collection(NEGATIVE_LIST_ITEMS).find({}, { sort: { code: 1 } });
    expect(items.map((i) => [i['code'], i['retired'], i['retiredInVersion']])).toEqual([
      ['NL-01', false, null],
      ['NL-02', true, 3],
    ]);
    expect((await store.collection(NEGATIVE_LIST_CHANGES).find({}, { sort: { listVersion: 1 } })).map((c) => `${c['listVersion']}:${c['change']}:${c['code']}`)).toEqual(['1:ADDED:NL-01', '2:ADDED:NL-02', '3:RETIRED:NL-02']);
  });

  it('shows the published power beside the adjustment still waiting for review', async () => {
    const item = await store.collection<PowerListItemDocument>(POWER_LIST_ITEMS).findOne({ _id: 'p1' });
    expect(item).toMatchObject({ listed: true, published: { version: 1, entry: { departmentCode: 'EMISSION_TOTALS' }, publishedAt: '2026-03-02T02:00:00.000Z' }, latest: { version: 2, publishedAt: null } });
    expect(item?.history.map((v) => [v.version, v.adjustment, v.publishedAt !== null])).toEqual([
      [1, 'ADD', true],
      [2, 'MODIFY', false],
    ]);
  });

  it('keeps every assignment of a task', async () => {
    const task = await store.collection<WorkPlanTaskDocument>(WORK_PLAN_TASKS).findOne({ _id: 'wp-2017-11-02' });
    expect(task?.assignees).toEqual({ SERVICE_WINDOW: '王芳' });
    expect(task?.assignments.map((a) => [a.assignee, a.previousAssignee, a.assignedBy])).toEqual([
      ['李明', null, 'demo-window'],
      ['王芳', '李明', 'demo-office'],
    ]);
  });

  it('keeps a semiannual report late from its first submission through its revision', async () => {
    const [report] = await store.collection<SemiannualReportDocument>(SEMIANNUAL_REPORTS).find({});
    expect(report).toMatchObject({ version: 2, content: '上半年（修订）', submittedOn: '2026-07-02', lastRevisedOn: '2026-07-09', late: true, dueOn: '2026-06-30' });
  });

  it('records a rectification beside its finding', async () => {
    const inspection = await store.collection<InspectionDocument>(INSPECTIONS).findOne({ _id: 'i1' });
    expect(inspection?.findings).toEqual([expect.objectContaining({ number: 1, rectifiedOn: '2026-10-08', rectifiedLate: true })]);
  });

  it('gives the annual report the same facts from the read model as from the events themselves', async () => {
    const fromStore = computeAnnualReport(await loadReportFacts(store, '445300'), 2026, '445300');
    const fromEvents = computeAnnualReport(foldReportFacts(h.events), 2026, '445300');
    expect(fromStore).toEqual(fromEvents);
    expect(fromStore.applications.total).toMatchObject({ carriedOverFromLastYear: 1, totalProcessed: 1 });
    expect(fromStore.proactive).toMatchObject({ normativeDocumentsIssued: 1, licensingDecisions: 1, feesCollectedFen: 30_000 });
  });

  it('indexes every event of every context once, for the audit trail', async () => {
    expect(await store.collection(AUDIT_EVENTS).count({})).toBe(h.events.length);
    const byWindow = await auditPage(store, auditQueryFilter({ actorId: 'demo-window' }, auditor), 'OLDEST_FIRST', 3, undefined);
    expect(byWindow.documents.map((d) => d.type)).toEqual(['WorkPlanTaskAssigned', 'SemiannualReportSubmitted', 'SemiannualReportSubmitted']);
    expect(byWindow).toMatchObject({ hasNextPage: true, totalCount: 6 });
    const next = await auditPage(store, auditQueryFilter({ actorId: 'demo-window' }, auditor), 'OLDEST_FIRST', 3, byWindow.documents[2].globalPosition);
    expect(next.documents.map((d) => d.type)).toEqual(['RectificationRecorded', 'InformationRequestReceived', 'InformationRequestAnswered']);
    expect(next.hasNextPage).toBe(false);
  });

  it('filters the trail by aggregate type, department, type and time, newest first', async () => {
    const newest = await auditPage(store, auditQueryFilter({ aggregateType: 'PowerListItem' }, auditor), 'NEWEST_FIRST', 10, undefined);
    expect(newest.documents.map((d) => d.type)).toEqual(['PowerListItemAdjusted', 'PowerListItemPublished', 'PowerListItemAdjusted']);
    const inMarch = await auditPage(store, auditQueryFilter({ from: '2026-03-01T00:00:00Z', to: '2026-03-31T23:59:59Z' }, auditor), 'OLDEST_FIRST', 10, undefined);
    expect(inMarch.documents.map((d) => d.streamId)).toEqual(['oversight.PowerListItem-p1', 'oversight.PowerListItem-p1']);
    const department = await auditPage(store, auditQueryFilter({ departmentCode: 'SERVICE_WINDOW', eventType: 'SemiannualReportSubmitted' }, auditor), 'OLDEST_FIRST', 10, undefined);
    expect(department.totalCount).toBe(2);
    const requests: AuditEventDocument[] = [];
    for await (const document of auditEvents(store, auditQueryFilter({ aggregateType: 'InformationRequest' }, auditor), 'OLDEST_FIRST', 1)) requests.push(document);
    expect(requests.map((d) => d.personalData)).toEqual([true, true, true, true]);
  });

  it('keeps a county office to what its own agency’s people did, and refuses a bad time range', async () => {
    expect((await auditPage(store, auditQueryFilter({}, countyOffice), 'NEWEST_FIRST', 10, undefined)).totalCount).toBe(0);
    expect(() => auditQueryFilter({ from: 'yesterday' }, auditor)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', rule: 'INVALID_INSTANT' }));
    // Without its offset the server would read it in its own time zone: a different instant on another machine.
    expect(() => auditQueryFilter({ to: '2026-03-31T23:59:59' }, auditor)).toThrow(expect.objectContaining({ rule: 'INVALID_INSTANT', details: { field: 'to' } }));
    expect(() => auditQueryFilter({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, auditor)).toThrow(expect.objectContaining({ rule: 'INVALID_TIME_RANGE' }));
  });
});
