import { anonymous, applicant, countyStaff, given, intake, received, register } from './information-request.fixtures';

describe('Information request (政府信息公开申请): receiving', () => {
  it('registers a letter with the day it was signed for', () => {
    given([]).when(register('2026-02-09')).then([received('2026-02-09')]);
  });

  it('dates an online submission by the day the platform confirms it, in Shanghai', () => {
    // 16:30 UTC on 13 February is 00:30 on the 14th in Shanghai.
    const [event] = given([])
      .when({ type: 'SubmitInformationRequest', data: intake }, { actor: anonymous, now: '2026-02-13T16:30:00Z' })
      .events();
    expect(event).toMatchObject({ type: 'InformationRequestReceived', data: { receivedOn: '2026-02-14', channel: 'ONLINE', agencyCode: '445300', departmentCode: 'OFFICE', delivery: 'ONLINE' } });
  });

  it('refuses personal data that is not sealed, without repeating it', () => {
    const error = given([])
      .when({ type: 'SubmitInformationRequest', data: { ...intake, applicant: { name: '张三', idNumber: '445302199001011234' } } }, { actor: anonymous })
      .thenThrows('BAD_USER_INPUT', 'PERSONAL_DATA_NOT_SEALED');
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toMatch(/张三|445302199001011234/);
  });

  it('refuses a ciphertext under another request’s key', () => {
    given([])
      .when({ type: 'SubmitInformationRequest', data: { ...intake, applicant: { ...applicant, keyId: 'request-2' } } }, { actor: anonymous })
      .thenThrows('BAD_USER_INPUT', 'PERSONAL_DATA_NOT_SEALED');
  });

  it.each([
    ['a receipt date in the future', register('2026-11-28'), 'DATE_IN_FUTURE'],
    ['an unknown channel', register('2026-02-09', { channel: 'PIGEON' }), 'NOT_ALLOWED_VALUE'],
    ['an access key instead of its hash', register('2026-02-09', { accessKeyHash: 'K7Q2-…' }), 'ACCESS_KEY_NOT_HASHED'],
    ['a missing description', register('2026-02-09', { description: ' ' }), 'REQUIRED'],
    ['an unknown applicant type', register('2026-02-09', { applicantType: 'ROBOT' }), 'NOT_ALLOWED_VALUE'],
  ])('refuses %s', (_, command, rule) => {
    given([]).when(command).thenThrows('BAD_USER_INPUT', rule);
  });

  it('lets only staff register, before looking at what was sent', () => {
    given([]).when(register('2099-01-01', { channel: 'PIGEON' }), { actor: anonymous }).thenThrows('UNAUTHENTICATED', 'ROLE_REQUIRED');
  });

  it('keeps county staff to their own bureau', () => {
    given([]).when(register('2026-02-09', { agencyCode: '445300' }), { actor: countyStaff }).thenThrows('FORBIDDEN', 'OUTSIDE_AGENCY_SCOPE');
  });

  it('refuses a second request under the same id', () => {
    given([received('2026-02-09')]).when(register('2026-02-09')).thenThrows('CONFLICT', 'INFORMATION_REQUEST_EXISTS');
  });
});
