import { optionalAgency, optionalDepartment, requireBoolean } from './validation';

describe('edge validation', () => {
  it('takes only true or false for a yes-or-no field', () => {
    expect(requireBoolean('consents', false)).toBe(false);
    expect(() => requireBoolean('consents', 'yes')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', rule: 'NOT_BOOLEAN', message: 'consents must be true or false.' }));
  });

  it('reads a left-out agency or department filter as no filter, and refuses a code the bureau does not have', () => {
    expect(optionalAgency('agencyCode', undefined)).toBeNull();
    expect(optionalAgency('agencyCode', null)).toBeNull();
    expect(optionalAgency('agencyCode', '445300')).toBe('445300');
    expect(optionalDepartment('departmentCode', 'SERVICE_WINDOW')).toBe('SERVICE_WINDOW');
    expect(() => optionalAgency('agencyCode', '')).toThrow(expect.objectContaining({ rule: 'REQUIRED', details: { field: 'agencyCode' } }));
    expect(() => optionalAgency('agencyCode', '999999')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', rule: 'UNKNOWN_AGENCY', details: { field: 'agencyCode' } }));
    expect(() => optionalDepartment('departmentCode', 'service_window')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', rule: 'UNKNOWN_DEPARTMENT', details: { field: 'departmentCode' } }));
  });
});
