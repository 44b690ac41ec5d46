import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventually, graphql, loginAs, type PlatformProcess, startPlatformProcess } from '@gongkai/testing';
import request from 'supertest';

jest.setTimeout(90_000);

const CEMENT = '91445302707712343T';
const STEEL = '914453211943876526';
const ROOT = resolve(__dirname, '../../..');
const HEADER = '统一社会信用代码,形成日期,排放口,污染物,监测值,单位,标准限值,采样时间';
const monitoringRow = (i: number, code = CEMENT) => `${code},2026-02-27,${1 + (i % 3)}号排放口,颗粒物,${i % 2 ? 35 : 20},mg/m³,30,2026-02-${String(1 + (i % 26)).padStart(2, '0')} 10:00`;
const csv = (rows: readonly string[]) => `${[HEADER, ...rows].join('\r\n')}\r\n`;
const IMPORTS = '{ disclosureImports { id status rowCount fileName } }';
const COUNT = 'query($code: String, $from: Date, $to: Date, $exceeded: Boolean) { disclosures(category: SUPERVISORY_MONITORING, enterpriseCreditCode: $code, from: $from, to: $to, exceeded: $exceeded) { totalCount } }';

/** Runs the import command line as a user would, against the platform under test. */
const runCli = (args: readonly string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((done) => {
    const child = spawn(process.execPath, ['-r', './tools/register.js', 'libs/supervision/read/src/import/import-disclosures.cli.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });

describe('Bulk import of supervision records (批量导入), end to end over HTTP and the command line', () => {
  let platform: PlatformProcess;
  let staff: Record<string, string>;
  let reviewer: Record<string, string>;
  let files: string;
  const url = () => platform.baseUrl;
  const upload = (body: string | Buffer, query = 'category=SUPERVISORY_MONITORING&fileName=2026-02.csv', headers: Record<string, string> = staff) =>
    request(url()).post(`/supervision/disclosure-imports?${query}`).set(headers).set('content-type', 'text/csv').send(body);
  const count = async (variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
    (await graphql<{ disclosures: { totalCount: number } }>(url(), COUNT, variables, headers)).data?.disclosures.totalCount;

  beforeAll(async () => {
    platform = await startPlatformProcess();
    [staff, reviewer] = await Promise.all(['supervision', 'reviewer'].map((user) => loginAs(platform.baseUrl, user)));
    const register = 'mutation($input: EnterpriseInput!) { registerEnterprise(input: $input) { creditCode } }';
    await graphql(url(), register, { input: { creditCode: CEMENT, name: '云城某水泥有限公司', address: '云城', countyCode: '445302', industry: '水泥' } }, staff);
    files = mkdtempSync(join(tmpdir(), 'gongkai-import-e2e-'));
  });

  afterAll(async () => {
    await platform?.stop();
    platform?.cleanup();
    rmSync(files, { recursive: true, force: true });
  });

  it('imports nothing when one row is bad, and reports its row, column and rule', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => monitoringRow(i));
    rows[41] = monitoringRow(41).replace(',35,', ',未检出,');
    rows[250] = monitoringRow(250, STEEL);
    const response = await upload(csv(rows));
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'IMPORT_ROWS_INVALID', imported: false, problemCount: 2 });
    expect(response.body.problems).toEqual([
      { row: 43, column: '监测值', rule: 'NOT_A_NUMBER', message: 'measuredValue must be a number.' },
      { row: 252, column: '统一社会信用代码', rule: 'UNKNOWN_ENTERPRISE', message: `No enterprise with credit code ${STEEL} is registered.` },
    ]);
    expect((await graphql<{ disclosureImports: unknown[] }>(url(), IMPORTS, {}, staff)).data?.disclosureImports).toEqual([]);
    expect(await count({}, staff)).toBe(0);
  });

  it('imports a valid file as individual records, public only after the whole import passes review', async () => {
    const response = await upload(csv(Array.from({ length: 1200 }, (_, i) => monitoringRow(i))));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ imported: true, rowCount: 1200, chunkCount: 3 });
    const { importId } = response.body as { importId: string };
    expect(await count({}, staff)).toBe(1200);
    expect(await count({})).toBe(0);

    const requested = await graphql<{ requestDisclosureImportPublication: { status: string } }>(url(), 'mutation($id: ID!) { requestDisclosureImportPublication(id: $id) { status } }', { id: importId }, staff);
    expect(requested.data?.requestDisclosureImportPublication.status).toBe('PENDING_REVIEW');
    const review = await eventually(async () =>
      (await graphql<{ publicationReviews: { id: string; itemId: string; title: string }[] }>(url(), '{ publicationReviews(status: PENDING) { id itemId title } }', {}, reviewer)).data?.publicationReviews.find(
        (r) => r.itemId === importId,
      ),
    );
    expect(review.title).toBe('批量导入：监督性监测 1200 条（2026-02.csv）');
    await graphql(url(), 'mutation($id: ID!) { approvePublicationReview(id: $id) { status } }', { id: review.id }, reviewer);
    await eventually(async () => ((await count({})) === 1200 ? true : undefined));

    // One enterprise's exceedances in a month, as the public asks for them: every odd row exceeds.
    expect(await count({ code: CEMENT, from: '2026-02-01', to: '2026-02-28', exceeded: true })).toBe(600);
    const one = await graphql<{ disclosure: { status: string; importId: string; late: boolean; details: { sampledAt: string } } }>(
      url(),
      'query($id: ID!) { disclosure(id: $id) { status importId late details } }',
      { id: `${importId}:3` },
    );
    expect(one.data?.disclosure).toMatchObject({ status: 'PUBLISHED', importId, details: { sampledAt: '2026-02-02T02:00:00.000Z' } });
  });

  it('refuses an anonymous upload and an unknown category before reading the file', async () => {
    const anonymous = await upload(csv([monitoringRow(0)]), 'category=SUPERVISORY_MONITORING', {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ code: 'UNAUTHENTICATED', rule: 'ROLE_REQUIRED' });
    const unknown = await upload(csv([monitoringRow(0)]), 'category=GOSSIP');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'NOT_ALLOWED_VALUE', field: 'category' });
  });

  it('imports a GB18030 file from the command line, and exits 2 with the report for a bad one', async () => {
    // English headings, and "颗粒物" and "号排放口" in GB18030, as Excel on Chinese Windows saves them.
    const gbRow = (value: string) => Buffer.concat([Buffer.from(`${CEMENT},2026-02-27,1`), Buffer.from('bac5c5c5b7c5bfda2c', 'hex'), Buffer.from('bfc5c1a3ceef', 'hex'), Buffer.from(`,${value},mg/m3,30,2026-02-26 10:00\r\n`)]);
    const header = Buffer.from('enterpriseCreditCode,formedOn,outlet,pollutant,measuredValue,unit,limit,sampledAt\r\n');
    writeFileSync(join(files, 'good.csv'), Buffer.concat([header, gbRow('31'), gbRow('12')]));
    writeFileSync(join(files, 'bad.csv'), Buffer.concat([header, gbRow('31'), gbRow('N/A')]));
    const env = { GONGKAI_USER: 'supervision', GONGKAI_PASSWORD: 'gongkai-demo' };

    const good = await runCli(['--url', url(), '--category', 'SUPERVISORY_MONITORING', join(files, 'good.csv')], env);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    const { importId } = JSON.parse(good.stdout) as { importId: string };
    const imported = await graphql<{ disclosure: { details: { outlet: string; pollutant: string } } }>(url(), 'query($id: ID!) { disclosure(id: $id) { details } }', { id: `${importId}:2` }, staff);
    expect(imported.data?.disclosure.details).toMatchObject({ outlet: '1号排放口', pollutant: '颗粒物' });

    const bad = await runCli(['--url', url(), '--category', 'SUPERVISORY_MONITORING', '--encoding', 'gb18030', join(files, 'bad.csv')], env);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ problems: [{ row: 3, column: 'measuredValue', rule: 'NOT_A_NUMBER' }] });
  });
});
