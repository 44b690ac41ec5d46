import { localDateOf } from '@gongkai/calendar';
import { conflict, type DecideContext, type LocalDate, notFound, requireRole, requireStaffFor } from '@gongkai/kernel';
import type { DisclosureLedgerState, DisclosureRecordState } from './disclosure-ledger-events';

/** The day in law a command is decided on (Asia/Shanghai). */
export const todayOf = (context: DecideContext): LocalDate => localDateOf(context.now);

export const requireRecord = (state: DisclosureLedgerState, disclosureId: string): DisclosureRecordState => {
  const record = state.records.get(disclosureId);
  if (!record) throw notFound('DISCLOSURE_NOT_FOUND', `There is no disclosure record ${disclosureId}.`);
  return record;
};

/** A revoked record keeps its history but changes no more. */
export const requireNotRevoked = (record: DisclosureRecordState): void => {
  if (record.status === 'REVOKED') throw conflict('DISCLOSURE_REVOKED', `Disclosure record ${record.disclosureId} was revoked and can no longer change.`);
};

export const requireCurrentVersion = (record: DisclosureRecordState, expectedVersion: number): void => {
  if (record.version !== expectedVersion) {
    throw conflict('STALE_VERSION', `Disclosure record ${record.disclosureId} is at version ${record.version}, not ${expectedVersion}: reload it and try again.`, {
      currentVersion: record.version,
    });
  }
};

/** The record's own staff may change it; what they send is examined only after that. */
export const requireEditableRecord = (state: DisclosureLedgerState, disclosureId: string, context: DecideContext): DisclosureRecordState => {
  requireRole(context.actor, 'staff', 'office', 'admin');
  const record = requireRecord(state, disclosureId);
  requireStaffFor(context, record.agencyCode, record.departmentCode);
  requireNotRevoked(record);
  return record;
};
