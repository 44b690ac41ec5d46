import { graphql, loginAs, type PlatformProcess, startPlatformProcess } from '@gongkai/testing';

jest.setTimeout(60_000);

const cursor = (text: string) => Buffer.from(text).toString('base64url');

/**
 * A query's argument that names nothing the bureau has (a mistyped department, a year no list or
 * report can have, a hand-made cursor) is refused with the rule it broke, so that a portal or a
 * member of staff can tell a mistake from a list that is really empty.
 */
describe('Query arguments that name nothing the bureau has', () => {
  let platform: PlatformProcess;
  let office: Record<string, string>;
  let auditor: Record<string, string>;
  const url = () => platform.baseUrl;

  beforeAll(async () => {
    platform = await startPlatformProcess();
    [office, auditor] = await Promise.all(['office', 'auditor'].map((name) => loginAs(platform.baseUrl, name)));
  });

  afterAll(async () => {
    await platform.stop();
  });

  const refusals: [string, string, Record<string, unknown>, () => Record<string, string>, string, string][] = [
    ['a department filter on the work plan', 'query($d: String) { tasks(departmentCode: $d) { id } }', { d: 'office' }, () => office, 'UNKNOWN_DEPARTMENT', 'departmentCode'],
    ['a department filter on inspections', 'query($d: String) { inspections(departmentCode: $d) { id } }', { d: 'NO_SUCH' }, () => office, 'UNKNOWN_DEPARTMENT', 'departmentCode'],
    ['year 0 on inspections (it used to drop the filter)', '{ inspections(year: 0) { id } }', {}, () => office, 'OUT_OF_RANGE', 'year'],
    ['a two-digit year of half-year reports', '{ semiannualReports(year: 25, half: FIRST_HALF) { dueOn } }', {}, () => office, 'OUT_OF_RANGE', 'year'],
    ['a five-digit year of consolidated reports', '{ bureauWorkReports(year: 20260) { year } }', {}, () => office, 'OUT_OF_RANGE', 'year'],
    ['a year of leadership hearings before the plan', '{ leadershipHearings(year: 1999) { year } }', {}, () => office, 'OUT_OF_RANGE', 'year'],
    ['a key monitored list of a year never drawn up', '{ keyMonitoredEnterprises(year: 2999) { creditCode } }', {}, () => ({}), 'OUT_OF_RANGE', 'year'],
    ['no checkpoints at all', '{ integrityCheckpoints(first: 0) { sequence } }', {}, () => auditor, 'OUT_OF_RANGE', 'first'],
    ['a thousand checkpoints at once', '{ integrityCheckpoints(first: 1000) { sequence } }', {}, () => auditor, 'OUT_OF_RANGE', 'first'],
    ['a hand-made audit cursor', 'query($after: String) { auditTrail(filter: {}, after: $after) { totalCount } }', { after: cursor('position:-5') }, () => auditor, 'INVALID_CURSOR', 'after'],
    ['a department filter on the public catalogue', 'query($d: String) { serviceItems(departmentCode: $d) { totalCount } }', { d: 'WINDOW' }, () => ({}), 'UNKNOWN_DEPARTMENT', 'departmentCode'],
    ['a department filter on the catalogue as it was', 'query($d: String) { serviceItems(departmentCode: $d, asOfInstant: "2026-01-01T00:00:00Z") { totalCount } }', { d: 'WINDOW' }, () => ({}), 'UNKNOWN_DEPARTMENT', 'departmentCode'],
    ['a department filter on interpretations', 'query($d: String) { interpretations(departmentCode: $d) { totalCount } }', { d: 'regulations' }, () => ({}), 'UNKNOWN_DEPARTMENT', 'departmentCode'],
    ['a county filter on disclosures naming the city', 'query($c: String) { disclosures(countyCode: $c) { totalCount } }', { c: '445300' }, () => ({}), 'UNKNOWN_COUNTY', 'countyCode'],
    ['a county filter on disclosures naming no county', 'query($c: String) { disclosures(countyCode: $c) { totalCount } }', { c: '4453021' }, () => ({}), 'TOO_LONG', 'countyCode'],
    ['a kind of item the review gate never sees', 'query($t: String!) { publishedVersionAsOf(itemType: $t, itemId: "x", at: "2026-01-01T00:00:00Z") { version } }', { t: 'SERVICE_GUIDES' }, () => ({}), 'NOT_ALLOWED_VALUE', 'itemType'],
    ['a kind of item no channel carries', 'query($t: String!) { publicationChannels(itemType: $t, itemId: "x") { feedEntryId } }', { t: 'service_guide' }, () => ({}), 'NOT_ALLOWED_VALUE', 'itemType'],
    ['a hand-made page cursor', 'query($after: String) { serviceItems(after: $after) { totalCount } }', { after: cursor('offset:1e21') }, () => ({}), 'INVALID_CURSOR', 'after'],
  ];

  it.each(refusals)('refuses %s, naming the rule and the argument', async (_case, query, variables, as, rule, field) => {
    const result = await graphql(url(), query, variables, as());
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule, field });
  });

  it('still answers the same queries with arguments the bureau has', async () => {
    const answers = await Promise.all([
      graphql(url(), '{ tasks(departmentCode: "OFFICE") { id } inspections(year: 2026, departmentCode: "SUPERVISION") { id } }', {}, office),
      graphql(url(), '{ semiannualReports(year: 2026, half: FIRST_HALF) { dueOn } bureauWorkReports(year: 2026) { year } leadershipHearings(year: 2026) { year } }', {}, office),
      graphql(url(), '{ keyMonitoredEnterprises(year: 2026) { creditCode } }'),
      graphql(url(), '{ serviceItems(departmentCode: "SERVICE_WINDOW") { totalCount } interpretations(departmentCode: "REGULATIONS") { totalCount } disclosures(countyCode: "445302") { totalCount } }'),
      graphql(url(), '{ publishedVersionAsOf(itemType: "SERVICE_GUIDE", itemId: "x", at: "2026-01-01T00:00:00Z") { version } publicationChannels(itemType: "SERVICE_GUIDE", itemId: "x") { feedEntryId } }'),
      graphql(url(), '{ integrityCheckpoints(first: 100) { sequence } }', {}, auditor),
    ]);
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect((answers[1]!.data as { semiannualReports: { dueOn: string }[] }).semiannualReports[0]?.dueOn).toBe('2026-06-30');
  });
});
