import { AUDIT_OPERATIONS, CHECKPOINT_KINDS, HALVES, INSPECTION_KINDS, POWER_ADJUSTMENTS, POWER_KINDS } from '@gongkai/oversight/domain';
import { registerEnumType } from '@nestjs/graphql';

/** A GraphQL enum whose values are exactly the domain's. */
const enumOf = <T extends string>(values: readonly T[], name: string, description: string): Record<T, T> => {
  const values$ = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  registerEnumType(values$, { name, description });
  return values$;
};

export const Half = enumOf(HALVES, 'Half', 'The first half (report due 30 June) or the second (the whole year, due 31 December).');
export const PowerKind = enumOf(POWER_KINDS, 'PowerKind', 'Licensing (行政许可), penalty (行政处罚), enforcement (行政强制), inspection (行政检查) or another power.');
export const PowerAdjustment = enumOf(POWER_ADJUSTMENTS, 'PowerAdjustment', 'A power added to the list, its terms modified, or removed from it.');
export const InspectionKind = enumOf(INSPECTION_KINDS, 'InspectionKind', 'A regular (定期) or an ad-hoc (不定期) inspection.');
export const FindingStatus = enumOf(['OPEN', 'OVERDUE', 'RECTIFIED', 'RECTIFIED_LATE'] as const, 'FindingStatus', 'Where the rectification of a finding stands.');
export const CheckpointKind = enumOf(CHECKPOINT_KINDS, 'CheckpointKind', 'Issued by the daily schedule, or on demand.');
export const AuditOrder = enumOf(['NEWEST_FIRST', 'OLDEST_FIRST'] as const, 'AuditOrder', 'The order of the audit trail.');
export const AuditOperation = enumOf(AUDIT_OPERATIONS, 'AuditOperation', 'How personal data was read through the audit trail.');
export const IntegritySource = enumOf(
  ['EVENT_STORE', 'AUDIT_INDEX'] as const,
  'IntegritySource',
  'What was checked: the stored events themselves, or (in the distributed gateway, which has no event store) the copy the relays published.',
);
