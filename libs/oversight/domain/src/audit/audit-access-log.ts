import { assertNever, badInput, canonicalJson, type DecideContext, type Decider, requireList, requireOneOf, requireRole } from '@gongkai/kernel';
import { requireId, todayOf } from '../oversight-rules';

/**
 * The audit of the audit trail: whoever reads events holding applicants' personal data through
 * the audit trail leaves a record of it — who, when, with which filter, and which events. One
 * stream per day, so that no stream grows without end.
 */
export const AUDIT_OPERATIONS = ['AUDIT_TRAIL', 'AUDIT_EXPORT'] as const;
export type AuditOperation = (typeof AUDIT_OPERATIONS)[number];

export type AuditAccessEvent = {
  type: 'PersonalDataReadThroughAudit';
  data: { day: string; readerId: string; operation: AuditOperation; filter: Record<string, unknown>; eventIds: string[]; readAt: string };
};

export type AuditAccessCommand = {
  type: 'RecordPersonalDataRead';
  data: { day: string; operation: string; filter: unknown; eventIds: unknown };
};

const MAX_FILTER_JSON = 4000;

const record = (command: AuditAccessCommand, context: DecideContext): AuditAccessEvent[] => {
  requireRole(context.actor, 'auditor', 'office', 'admin');
  const day = todayOf(context);
  // The day names the stream; a read recorded into another day's stream would be hard to find.
  if (command.data.day !== day) throw badInput('AUDIT_DAY_MISMATCH', `The access log of ${day} records today's reads only.`, { field: 'day' });
  const operation = requireOneOf('operation', command.data.operation, AUDIT_OPERATIONS);
  const filter = (command.data.filter ?? {}) as Record<string, unknown>;
  if (typeof filter !== 'object' || Array.isArray(filter) || canonicalJson(filter).length > MAX_FILTER_JSON) throw badInput('INVALID_FILTER', 'filter must be the audit filter used.', { field: 'filter' });
  const eventIds = requireList('eventIds', command.data.eventIds, { min: 1, max: 100_000 }, (id, i) => requireId(`eventIds[${i}]`, id));
  return [{ type: 'PersonalDataReadThroughAudit', data: { day, readerId: context.actor.id, operation, filter, eventIds, readAt: context.now.toISOString() } }];
};

export const auditAccessLogDecider: Decider<AuditAccessCommand, AuditAccessEvent, { reads: number }> = {
  initialState: () => ({ reads: 0 }),
  decide: (command, _state, context) => {
    switch (command.type) {
      case 'RecordPersonalDataRead':
        return record(command, context);
      default:
        return assertNever(command.type);
    }
  },
  evolve: (state) => ({ reads: state.reads + 1 }),
};
