import { eventually, graphql, loginAs, type PlatformProcess, startPlatformProcess } from '@gongkai/testing';
import request from 'supertest';

jest.setTimeout(90_000);

const REGISTER = `mutation($input: InformationRequestInput!, $receivedOn: Date!) { registerInformationRequest(input: $input, channel: LETTER, receivedOn: $receivedOn) { id } }`;
const ANSWER = `mutation($id: ID!, $input: AnswerInput!) { answerInformationRequest(id: $id, input: $input) { id status } }`;
const APPEAL = `mutation($id: ID!, $kind: AppealKind!, $result: AppealResult!, $on: Date) { recordRequestAppeal(id: $id, kind: $kind, result: $result, decidedOn: $on) { id } }`;
const ROW = 'applicantType newThisYear carriedOverFromLastYear outcomes { outcome count } totalProcessed carriedOverToNextYear';
const REPORT = `query($year: Int!, $agency: String) { annualReport(year: $year, agencyCode: $agency) {
  year dueOn source notCounted agency { code }
  applications { byApplicantType { ${ROW} } total { ${ROW} } }
  proactive { normativeDocumentsIssued normativeDocumentsRepealed normativeDocumentsInForce licensingDecisions penaltyDecisions enforcementDecisions feesCollectedFen }
  appeals { reconsideration { upheld corrected other pending total } litigationDirect { upheld corrected other pending total } litigationAfterReconsideration { upheld corrected other pending total } }
  figures { key value eventIds }
  publication { version status late publishedOn } } }`;

const person = { applicantName: '欧阳明远', idNumber: '445302198807156611', contact: '13926600000', address: '云浮市云城区星岩四路88号' };
const input = (applicantType: string) => ({ applicantType, ...person, description: '监督性监测数据', preferredForm: 'ELECTRONIC' });

type Row = { applicantType: string; newThisYear: number; carriedOverFromLastYear: number; outcomes: { outcome: string; count: number }[]; totalProcessed: number; carriedOverToNextYear: number };
interface Report {
  source: string;
  applications: { byApplicantType: Row[]; total: Row };
  proactive: Record<string, number>;
  appeals: Record<string, Record<string, number>>;
  figures: { key: string; value: number; eventIds: string[] }[];
  notCounted: string[];
  publication: { version: number; status: string; late: boolean | null; publishedOn: string | null } | null;
}

/** The counts the table shows, outcomes with a count only. */
const counts = (row: Row) => ({
  newThisYear: row.newThisYear,
  carriedOverFromLastYear: row.carriedOverFromLastYear,
  outcomes: Object.fromEntries(row.outcomes.filter((o) => o.count > 0).map((o) => [o.outcome, o.count])),
  totalProcessed: row.totalProcessed,
  carriedOverToNextYear: row.carriedOverToNextYear,
});

describe('The annual report, generated from the history that GraphQL wrote', () => {
  let platform: PlatformProcess;
  let window: Record<string, string>;
  let office: Record<string, string>;
  let reviewer: Record<string, string>;
  let regulations: Record<string, string>;
  const url = () => platform.baseUrl;
  const ok = async <T>(query: string, variables: Record<string, unknown>, as: Record<string, string>): Promise<T> => {
    const result = await graphql<T>(url(), query, variables, as);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const register = async (applicantType: string, receivedOn: string) => (await ok<{ registerInformationRequest: { id: string } }>(REGISTER, { input: input(applicantType), receivedOn }, window)).registerInformationRequest.id;
  const report = async (year: number, as: Record<string, string> = office) => (await ok<{ annualReport: Report }>(REPORT, { year }, as)).annualReport;

  beforeAll(async () => {
    platform = await startPlatformProcess();
    [window, office, reviewer, regulations] = await Promise.all(['window', 'office', 'reviewer', 'regulations'].map((name) => loginAs(platform.baseUrl, name)));
    // A: received in 2025, answered in 2026 — carried over. B: received and answered in 2025.
    const a = await register('NATURAL_PERSON', '2025-12-15');
    const b = await register('COMMERCIAL_ENTERPRISE', '2025-11-03');
    await ok(ANSWER, { id: b, input: { outcome: 'UNAVAILABLE_NOT_HELD', answeredOn: '2025-11-20', holderAgency: '云浮市自然资源局' } }, window);
    await ok(ANSWER, { id: a, input: { outcome: 'DISCLOSED', answeredOn: '2026-01-12', content: '2025年监测数据' } }, window);
    await ok(APPEAL, { id: a, kind: 'RECONSIDERATION', result: 'UPHELD', on: '2026-06-01' }, window);
    // C: received and answered in 2026, then sued directly, still pending. D: received in 2026, not answered.
    const c = await register('NATURAL_PERSON', '2026-03-02');
    await ok(ANSWER, { id: c, input: { outcome: 'WITHHELD_STATE_SECRET', answeredOn: '2026-03-20', legalBasis: '《中华人民共和国政府信息公开条例》第十四条' } }, window);
    await ok(APPEAL, { id: c, kind: 'LITIGATION_DIRECT', result: 'PENDING' }, window);
    await register('RESEARCH_INSTITUTION', '2026-11-02');
    await ok(
      `mutation($input: NormativeDocumentInput!) { registerNormativeDocument(input: $input) { id } }`,
      { input: { number: '云环办〔2026〕91号', title: '云浮市环境保护局政务公开工作规则', issuingDepartmentCode: 'REGULATIONS', issuedOn: '2026-02-01' } },
      regulations,
    );
  });

  afterAll(async () => {
    await platform?.stop();
    platform?.cleanup();
  });

  it('counts 2025 and 2026 as worked out by hand', async () => {
    const y2025 = await eventually(async () => {
      const r = await report(2025);
      return r.applications.total.newThisYear === 2 ? r : undefined;
    });
    expect(counts(y2025.applications.total)).toEqual({ newThisYear: 2, carriedOverFromLastYear: 0, outcomes: { UNAVAILABLE_NOT_HELD: 1 }, totalProcessed: 1, carriedOverToNextYear: 1 });
    expect(counts(y2025.applications.byApplicantType.find((r) => r.applicantType === 'NATURAL_PERSON')!)).toEqual({ newThisYear: 1, carriedOverFromLastYear: 0, outcomes: {}, totalProcessed: 0, carriedOverToNextYear: 1 });

    const y2026 = await report(2026);
    expect(y2026.source).toBe('LIVE');
    expect(counts(y2026.applications.total)).toEqual({ newThisYear: 2, carriedOverFromLastYear: 1, outcomes: { DISCLOSED: 1, WITHHELD_STATE_SECRET: 1 }, totalProcessed: 2, carriedOverToNextYear: 1 });
    expect(counts(y2026.applications.byApplicantType.find((r) => r.applicantType === 'RESEARCH_INSTITUTION')!)).toEqual({ newThisYear: 1, carriedOverFromLastYear: 0, outcomes: {}, totalProcessed: 0, carriedOverToNextYear: 1 });
    expect(y2026.appeals.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(y2026.appeals.litigationDirect).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    expect(y2026.proactive).toMatchObject({ normativeDocumentsIssued: 1, normativeDocumentsRepealed: 0, normativeDocumentsInForce: 1 });
    expect(y2026.notCounted.join(' ')).toContain('supervision');
    const carried = y2026.figures.find((f) => f.key === 'applications.TOTAL.carriedOverFromLastYear')!;
    expect(carried.value).toBe(1);
    expect(carried.eventIds).toHaveLength(1);
  });

  it('lists every applicant type and outcome of the requests context’s own enums, zeros included', async () => {
    const enumValues = async (name: string) =>
      (await ok<{ __type: { enumValues: { name: string }[] } }>('query($name: String!) { __type(name: $name) { enumValues { name } } }', { name }, office)).__type.enumValues.map((v) => v.name).sort();
    const y2026 = await report(2026);
    expect(y2026.applications.total.outcomes.map((o) => o.outcome).sort()).toEqual(await enumValues('RequestOutcome'));
    expect(y2026.applications.byApplicantType.map((r) => r.applicantType).sort()).toEqual(await enumValues('ApplicantType'));
  });

  it('exports the report as CSV and JSON and prints it as HTML, each figure linked to its events', async () => {
    const csv = await request(url()).get('/oversight/annual-reports/445300/2026?format=csv').set(office);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toMatch(/\r\napplications\.TOTAL\.newThisYear,总计｜本年新收政府信息公开申请数量,2,[0-9a-f-]+ [0-9a-f-]+\r\n/);
    const json = await request(url()).get('/oversight/annual-reports/445300/2026?format=json').set(office);
    expect(JSON.parse(json.text)).toMatchObject({ source: 'LIVE', year: 2026, applications: { total: { newThisYear: 2 } } });
    const html = await request(url()).get('/oversight/annual-reports/445300/2026').set(office);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toContain('三、收到和处理政府信息公开申请情况');
    expect(html.text).toContain('href="#f-applications-TOTAL-newThisYear"');
    expect(html.text).toMatch(/id="f-applications-TOTAL-newThisYear"/);
    expect((await request(url()).get('/oversight/annual-reports/445300/2026?format=pdf').set(office)).body).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'NOT_ALLOWED_VALUE' });
  });

  it('publishes the report through the review gate, late after 31 January, and then shows it to the public', async () => {
    const submitted = await ok<{ submitAnnualReport: Report }>(
      `mutation { submitAnnualReport(year: 2025, overview: "2025年，我局认真贯彻《条例》…", problems: "依申请公开答复质量有待提高。") { publication { version status } } }`,
      {},
      office,
    );
    expect(submitted.submitAnnualReport.publication).toEqual({ version: 1, status: 'PENDING_REVIEW' });
    const review = await eventually(async () => {
      const reviews = (await graphql<{ publicationReviews: { id: string; itemType: string }[] }>(url(), '{ publicationReviews(status: PENDING) { id itemType } }', {}, reviewer)).data?.publicationReviews;
      return reviews?.find((r) => r.itemType === 'ANNUAL_REPORT');
    });
    await ok('mutation($id: ID!) { approvePublicationReview(id: $id) { id } }', { id: review.id }, reviewer);
    const published = await eventually(async () => {
      const r = await report(2025);
      return r.publication?.status === 'PUBLISHED' ? r : undefined;
    });
    expect(published.publication).toMatchObject({ late: true, publishedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const forPublic = (await ok<{ annualReport: Report }>(REPORT, { year: 2025, agency: '445300' }, {})).annualReport;
    expect(forPublic.source).toBe('PUBLISHED');
    expect(counts(forPublic.applications.total)).toEqual(counts(published.applications.total));
    const page = await request(url()).get('/oversight/annual-reports/445300/2025?format=html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('2025年，我局认真贯彻');
    expect(await graphql(url(), 'mutation { submitAnnualReport(year: 2025, overview: "x", problems: "y") { year } }', {}, window)).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
  });
});
