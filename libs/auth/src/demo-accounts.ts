import { CITY_AGENCY_CODE } from '@gongkai/kernel';
import type { UserAccount } from './accounts';
import { hashPassword } from './passwords';

/** Public by design: the demo accounts exist to try the platform out, never in production. */
export const DEMO_PASSWORD = 'gongkai-demo';

export type DemoAccount = Omit<UserAccount, 'passwordHash'>;

/** Luoding (罗定市), one of the county-level bureaus, so that agency scope can be tried out. */
const COUNTY_AGENCY_CODE = '445381';

/** One account per kind of work in the plan, all at the city bureau except `county-window`. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = Object.freeze([
  { id: 'demo-admin', username: 'admin', displayName: '系统管理员（演示）', roles: ['admin'], agencyCode: CITY_AGENCY_CODE },
  {
    id: 'demo-office',
    username: 'office',
    displayName: '办公室（演示）',
    roles: ['office', 'staff'],
    agencyCode: CITY_AGENCY_CODE,
    departmentCode: 'OFFICE',
  },
  { id: 'demo-leader', username: 'leader', displayName: '局领导（演示）', roles: ['leader'], agencyCode: CITY_AGENCY_CODE },
  { id: 'demo-reviewer', username: 'reviewer', displayName: '保密审查员（演示）', roles: ['reviewer'], agencyCode: CITY_AGENCY_CODE },
  {
    id: 'demo-window',
    username: 'window',
    displayName: '环保窗口（演示）',
    roles: ['staff'],
    agencyCode: CITY_AGENCY_CODE,
    departmentCode: 'SERVICE_WINDOW',
  },
  {
    id: 'demo-regulations',
    username: 'regulations',
    displayName: '法规科（演示）',
    roles: ['staff'],
    agencyCode: CITY_AGENCY_CODE,
    departmentCode: 'REGULATIONS',
  },
  {
    id: 'demo-supervision',
    username: 'supervision',
    displayName: '监督科（演示）',
    roles: ['staff'],
    agencyCode: CITY_AGENCY_CODE,
    departmentCode: 'SUPERVISION',
  },
  { id: 'demo-auditor', username: 'auditor', displayName: '审计员（演示）', roles: ['auditor'], agencyCode: CITY_AGENCY_CODE },
  {
    id: 'demo-county-window',
    username: 'county-window',
    displayName: '罗定市环保窗口（演示）',
    roles: ['staff'],
    agencyCode: COUNTY_AGENCY_CODE,
    departmentCode: 'SERVICE_WINDOW',
  },
] satisfies DemoAccount[]);

let demoAccounts: Promise<readonly UserAccount[]> | undefined;

/**
 * The demo accounts with their password hashed, computed once per process: scrypt is deliberately
 * slow, and every account shares the same public password, so one hash serves them all.
 */
export const loadDemoAccounts = (): Promise<readonly UserAccount[]> => {
  demoAccounts ??= hashPassword(DEMO_PASSWORD).then(
    (passwordHash) => Object.freeze(DEMO_ACCOUNTS.map((account) => Object.freeze({ ...account, passwordHash }))),
    (error: unknown) => {
      // Forget a failed attempt so that the next caller tries again instead of inheriting the failure.
      demoAccounts = undefined;
      throw error;
    },
  );
  return demoAccounts;
};
