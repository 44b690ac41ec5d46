import { DeciderSpecification } from '@gongkai/kernel/testing';
import { auditor, window } from '../oversight.fixtures';
import { auditAccessLogDecider } from './audit-access-log';

const given = DeciderSpecification.for(auditAccessLogDecider, { now: '2026-11-27T02:00:00Z', actor: auditor });
const read = { day: '2026-11-27', operation: 'AUDIT_TRAIL', filter: { streamId: 'requests.InformationRequest-1' }, eventIds: ['e1', 'e2'] };

describe('Reading personal data through the audit trail is itself audited', () => {
  it('records who read which events with which filter', () => {
    given([])
      .when({ type: 'RecordPersonalDataRead', data: read })
      .then([{ type: 'PersonalDataReadThroughAudit', data: { ...read, operation: 'AUDIT_TRAIL', readerId: auditor.id, readAt: '2026-11-27T02:00:00.000Z' } }]);
  });

  it('records today’s reads in today’s log only, and only for those who may read the trail', () => {
    given([]).when({ type: 'RecordPersonalDataRead', data: { ...read, day: '2026-11-26' } }).thenThrows('BAD_USER_INPUT', 'AUDIT_DAY_MISMATCH');
    given([]).when({ type: 'RecordPersonalDataRead', data: { ...read, eventIds: [] } }).thenThrows('BAD_USER_INPUT', 'TOO_FEW');
    given([]).when({ type: 'RecordPersonalDataRead', data: read }, { actor: window }).thenThrows('FORBIDDEN', 'ROLE_REQUIRED');
  });
});
