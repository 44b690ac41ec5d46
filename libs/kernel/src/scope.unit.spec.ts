import { ANONYMOUS, CITY_AGENCY_CODE, systemActor, type Actor } from './index';
import {
  agencyFilter,
  canActForAgency,
  canActForDepartment,
  canReadAllAgencies,
  isBureauReader,
  requireAgencyScope,
  requireBureauReader,
  requireDepartmentScope,
  requireHandlingStaff,
  requireRole,
  requireStaffFor,
  seesInternals,
} from './scope';

const LUODING = '445381';
const XINXING = '445321';

const cityOffice: Actor = { id: 'office', roles: ['office', 'staff'], agencyCode: CITY_AGENCY_CODE, departmentCode: 'OFFICE' };
const cityStaff: Actor = { id: 'window', roles: ['staff'], agencyCode: CITY_AGENCY_CODE, departmentCode: 'SERVICE_WINDOW' };
const countyStaff: Actor = { id: 'county-window', roles: ['staff'], agencyCode: LUODING, departmentCode: 'SERVICE_WINDOW' };
const countyOffice: Actor = { id: 'county-office', roles: ['office', 'staff'], agencyCode: LUODING, departmentCode: 'OFFICE' };
const reviewer: Actor = { id: 'reviewer', roles: ['reviewer'], agencyCode: CITY_AGENCY_CODE };
const auditor: Actor = { id: 'auditor', roles: ['auditor'], agencyCode: CITY_AGENCY_CODE };
const admin: Actor = { id: 'admin', roles: ['admin'], agencyCode: CITY_AGENCY_CODE };
const applicant: Actor = { id: 'applicant:GK-2026-0001', roles: ['applicant'] };

describe('agency scope', () => {
  it.each([
    ['city office', cityOffice],
    ['reviewer', reviewer],
    ['auditor', auditor],
    ['admin', admin],
    ['a process manager', systemActor('publisher')],
  ])('lets %s reach every agency', (_label, actor) => {
    expect(canReadAllAgencies(actor)).toBe(true);
    expect(canActForAgency(actor, CITY_AGENCY_CODE)).toBe(true);
    expect(canActForAgency(actor, LUODING)).toBe(true);
    expect(agencyFilter(actor)).toBeUndefined();
    expect(() => requireAgencyScope(actor, XINXING)).not.toThrow();
  });

  it('keeps county staff to their own county bureau', () => {
    expect(canReadAllAgencies(countyStaff)).toBe(false);
    expect(canActForAgency(countyStaff, LUODING)).toBe(true);
    expect(canActForAgency(countyStaff, XINXING)).toBe(false);
    expect(canActForAgency(countyStaff, CITY_AGENCY_CODE)).toBe(false);
    expect(agencyFilter(countyStaff)).toEqual([LUODING]);
  });

  it('keeps a county office to its own county: only the city bureau oversees others', () => {
    expect(canReadAllAgencies(countyOffice)).toBe(false);
    expect(agencyFilter(countyOffice)).toEqual([LUODING]);
  });

  it("keeps city department staff to the city bureau's own records", () => {
    expect(canActForAgency(cityStaff, CITY_AGENCY_CODE)).toBe(true);
    expect(canActForAgency(cityStaff, LUODING)).toBe(false);
    expect(agencyFilter(cityStaff)).toEqual([CITY_AGENCY_CODE]);
  });

  it('gives the public and applicants no agency', () => {
    for (const actor of [ANONYMOUS, applicant]) {
      expect(canActForAgency(actor, CITY_AGENCY_CODE)).toBe(false);
      expect(agencyFilter(actor)).toEqual([]);
    }
  });

  it('refuses records of an agency that does not exist, even to city-wide roles', () => {
    expect(canActForAgency(admin, '999999')).toBe(false);
  });

  it('says which agency is out of scope', () => {
    expect(() => requireAgencyScope(countyStaff, XINXING)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', rule: 'OUTSIDE_AGENCY_SCOPE', details: { agencyCode: XINXING } }),
    );
    expect(() => requireAgencyScope(ANONYMOUS, XINXING)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', rule: 'OUTSIDE_AGENCY_SCOPE' }));
  });
});

describe('requireRole', () => {
  it('passes when the actor holds any of the roles', () => {
    expect(() => requireRole(cityOffice, 'reviewer', 'office')).not.toThrow();
  });

  it('is FORBIDDEN for a signed-in actor without them, naming the roles', () => {
    expect(() => requireRole(auditor, 'staff', 'office')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', rule: 'ROLE_REQUIRED', message: 'This needs one of the roles staff, office.' }),
    );
    expect(() => requireRole(countyStaff, 'reviewer')).toThrow(expect.objectContaining({ message: 'This needs the reviewer role.' }));
  });

  it('is UNAUTHENTICATED for the anonymous public', () => {
    expect(() => requireRole(ANONYMOUS, 'staff')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED', rule: 'ROLE_REQUIRED', message: 'Sign in first. This needs the staff role.' }),
    );
  });

  it('does not let an auditor act as staff: auditors read, they change nothing', () => {
    expect(() => requireRole(auditor, 'staff')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});

describe('department scope (责任科室)', () => {
  it('lets staff act for their own department only', () => {
    expect(canActForDepartment(cityStaff, 'SERVICE_WINDOW')).toBe(true);
    expect(canActForDepartment(cityStaff, 'PLANNING')).toBe(false);
    expect(() => requireDepartmentScope(cityStaff, 'PLANNING')).toThrow(expect.objectContaining({ code: 'FORBIDDEN', rule: 'OUTSIDE_DEPARTMENT_SCOPE' }));
  });

  it('lets the office act for any department', () => {
    expect(canActForDepartment(cityOffice, 'PLANNING')).toBe(true);
  });

  it('lets process managers act for any department', () => {
    expect(canActForDepartment(systemActor('review-gate'), 'PLANNING')).toBe(true);
  });
});

describe('bureau readers', () => {
  it('counts everyone who works in a bureau, and neither the public nor applicants', () => {
    expect([cityStaff, countyOffice, reviewer, auditor, admin].every(isBureauReader)).toBe(true);
    expect([ANONYMOUS, applicant, systemActor('publisher')].some(isBureauReader)).toBe(false);
  });

  it('shows work in progress to bureau people of the record’s agency only', () => {
    expect(seesInternals(countyStaff, LUODING)).toBe(true);
    expect(seesInternals(countyStaff, CITY_AGENCY_CODE)).toBe(false);
    expect(seesInternals(auditor, LUODING)).toBe(true);
    expect(seesInternals(applicant, LUODING)).toBe(false);
  });

  it('tells anonymous callers to sign in and applicants that they may not', () => {
    expect(() => requireBureauReader(ANONYMOUS)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', rule: 'ROLE_REQUIRED' }));
    expect(() => requireBureauReader(applicant)).toThrow(expect.objectContaining({ code: 'FORBIDDEN', rule: 'ROLE_REQUIRED' }));
  });
});

describe('staff of a record (责任科室) and the staff handling a case (承办)', () => {
  it('checks the role first, then the agency, then the department', () => {
    expect(() => requireStaffFor({ actor: auditor }, LUODING, 'PLANNING')).toThrow(expect.objectContaining({ rule: 'ROLE_REQUIRED' }));
    expect(() => requireStaffFor({ actor: countyStaff }, CITY_AGENCY_CODE, 'SERVICE_WINDOW')).toThrow(expect.objectContaining({ rule: 'OUTSIDE_AGENCY_SCOPE' }));
    expect(() => requireStaffFor({ actor: countyStaff }, LUODING, 'PLANNING')).toThrow(expect.objectContaining({ rule: 'OUTSIDE_DEPARTMENT_SCOPE' }));
    expect(() => requireStaffFor({ actor: countyOffice }, LUODING, 'PLANNING')).not.toThrow();
  });

  it('lets admins work on a record but not handle a case', () => {
    expect(() => requireStaffFor({ actor: admin }, LUODING, 'PLANNING')).not.toThrow();
    expect(() => requireHandlingStaff({ actor: admin }, { agencyCode: LUODING, departmentCode: 'PLANNING' })).toThrow(expect.objectContaining({ rule: 'ROLE_REQUIRED' }));
    expect(() => requireHandlingStaff({ actor: countyStaff }, { agencyCode: LUODING, departmentCode: 'SERVICE_WINDOW' })).not.toThrow();
  });
});
