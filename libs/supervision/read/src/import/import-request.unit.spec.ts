import { type Actor, httpStatusOf } from '@gongkai/kernel';
import { parseImportCliArguments } from './import-cli-arguments';
import { importRequestOf } from './import-request';

const MONITORING: Actor = { id: 'demo-monitoring', roles: ['staff'], agencyCode: '445300', departmentCode: 'MONITORING_STATION' };

describe('an import request over HTTP', () => {
  it('takes the category from the query and the agency and department from the caller', () => {
    expect(importRequestOf(MONITORING, { category: 'SUPERVISORY_MONITORING' }, 'text/csv', 'i-1')).toEqual({
      importId: 'i-1',
      category: 'SUPERVISORY_MONITORING',
      agencyCode: '445300',
      departmentCode: 'MONITORING_STATION',
      fileName: 'SUPERVISORY_MONITORING.csv',
    });
  });

  it('reads the encoding from the charset or the query; GBK and GB2312 are read as GB18030', () => {
    expect(importRequestOf(MONITORING, { category: 'DISCHARGE_FEE' }, 'text/csv; charset=GBK', 'i').encoding).toBe('gb18030');
    expect(importRequestOf(MONITORING, { category: 'DISCHARGE_FEE', encoding: 'UTF8' }, 'text/csv', 'i').encoding).toBe('utf-8');
    expect(() => importRequestOf(MONITORING, { category: 'DISCHARGE_FEE', encoding: 'big5' }, 'text/csv', 'i')).toThrow(expect.objectContaining({ rule: 'NOT_ALLOWED_VALUE' }));
  });

  it('refuses the public, other agencies and other departments before the file is read', () => {
    expect(() => importRequestOf({ id: 'anonymous', roles: ['public'] }, { category: 'DISCHARGE_FEE' }, 'text/csv', 'i')).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => importRequestOf(MONITORING, { category: 'DISCHARGE_FEE', agencyCode: '445381' }, 'text/csv', 'i')).toThrow(expect.objectContaining({ rule: 'OUTSIDE_AGENCY_SCOPE' }));
    expect(() => importRequestOf(MONITORING, { category: 'DISCHARGE_FEE', departmentCode: 'PLANNING' }, 'text/csv', 'i')).toThrow(expect.objectContaining({ rule: 'OUTSIDE_DEPARTMENT_SCOPE' }));
    expect(() => importRequestOf(MONITORING, { category: 'GOSSIP' }, 'text/csv', 'i')).toThrow(expect.objectContaining({ rule: 'NOT_ALLOWED_VALUE' }));
  });

  it('answers domain errors with the matching HTTP status', () => {
    expect([httpStatusOf('BAD_USER_INPUT'), httpStatusOf('UNAUTHENTICATED'), httpStatusOf('FORBIDDEN'), httpStatusOf('CONFLICT')]).toEqual([400, 401, 403, 409]);
  });
});

describe('the import command line', () => {
  it('takes the file and the category, and credentials only from the environment', () => {
    const args = parseImportCliArguments(['--url', 'http://127.0.0.1:3000/', '--category', 'SUPERVISORY_MONITORING', '--encoding', 'gb18030', 'data/2026-01.csv'], {
      GONGKAI_USER: 'supervision',
      GONGKAI_PASSWORD: 'secret',
    });
    expect(args).toEqual({
      url: 'http://127.0.0.1:3000',
      file: 'data/2026-01.csv',
      query: { category: 'SUPERVISORY_MONITORING', fileName: '2026-01.csv', encoding: 'gb18030' },
      credentials: { username: 'supervision', password: 'secret' },
    });
  });

  it('refuses to run without a file, a category or credentials', () => {
    expect(() => parseImportCliArguments(['--url', 'http://x', 'a.csv'], { GONGKAI_TOKEN: 't' })).toThrow(/Usage/);
    expect(() => parseImportCliArguments(['--url', 'http://x', '--category', 'DISCHARGE_FEE', 'a.csv'], {})).toThrow(/No credentials/);
  });
});
