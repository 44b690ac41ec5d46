import { localDateOf } from '@gongkai/calendar';
import type { AuditEventDocument } from './audit-index';
import type { AuditFilterInput } from './audit-trail-query';

/**
 * The record of a read of personal data through the audit trail: the events of the requests
 * context among those returned. Undefined when none was: reading other events is not recorded.
 */
export const personalDataRead = (
  documents: readonly AuditEventDocument[],
  operation: 'AUDIT_TRAIL' | 'AUDIT_EXPORT',
  filter: AuditFilterInput,
  now: Date,
): { day: string; operation: string; filter: Record<string, unknown>; eventIds: string[] } | undefined => {
  const eventIds = documents.filter((d) => d.personalData).map((d) => d._id);
  if (eventIds.length === 0) return undefined;
  const recorded = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== null));
  return { day: localDateOf(now), operation, filter: recorded, eventIds };
};
