import { requireLocalDate } from '@gongkai/calendar';
import { badInput, canonicalJson, type DecideContext, requireText } from '@gongkai/kernel';
import { validateCorrectedDetails } from './disclosure-content';
import { requireCurrentVersion, requireEditableRecord, todayOf } from './disclosure-guards';
import type { DisclosureLedgerCommandOf } from './disclosure-ledger-commands';
import type { DisclosureLedgerEvent, DisclosureLedgerState } from './disclosure-ledger-events';
import { publicationDueOn, withdrawalDueOn } from './publication-deadline';

/**
 * A correction (更正) is a new version with its reason; the earlier version stays in the history
 * and, if it was published, stays public until the correction itself passes review. Regulations
 * Art. 26 counts the publication period of changed information from the day it changed.
 */
export const correctDisclosure = (command: DisclosureLedgerCommandOf<'CorrectDisclosure'>, state: DisclosureLedgerState, context: DecideContext): DisclosureLedgerEvent[] => {
  const record = requireEditableRecord(state, command.data.disclosureId, context);
  requireCurrentVersion(record, command.data.expectedVersion);
  const reason = requireText('reason', command.data.reason, { max: 1000 });
  const today = todayOf(context);
  const details = validateCorrectedDetails(record.category, command.data.details, { formedOn: record.formedOn, today, now: context.now });
  if (canonicalJson(details) === canonicalJson(record.details)) {
    throw badInput('CORRECTION_CHANGES_NOTHING', `The corrected details are the same as version ${record.version}.`, { field: 'details' });
  }
  return [
    {
      type: 'DisclosureCorrected',
      data: {
        disclosureId: record.disclosureId,
        version: record.version + 1,
        details,
        reason,
        correctedOn: today,
        publicationDueOn: publicationDueOn(record.category, today, context.calendar),
        ...(record.pendingReviewId ? { withdrawnReviewId: record.pendingReviewId } : {}),
      },
    },
  ];
};

/**
 * A revocation (撤回) withdraws the record from the public at once, publishing the reason. It is
 * not held for a confidentiality review: it discloses nothing but the reason, and for a penalty the
 * law allows only 3 working days after the decision is revoked (Administrative Penalty Law Art. 48, 85).
 */
export const revokeDisclosure = (command: DisclosureLedgerCommandOf<'RevokeDisclosure'>, state: DisclosureLedgerState, context: DecideContext): DisclosureLedgerEvent[] => {
  const record = requireEditableRecord(state, command.data.disclosureId, context);
  const reason = requireText('reason', command.data.reason, { max: 2000 });
  const today = todayOf(context);
  const given = command.data.decisionRevokedOn ? requireLocalDate('decisionRevokedOn', command.data.decisionRevokedOn) : undefined;
  if (given && given > today) throw badInput('DATE_IN_FUTURE', `decisionRevokedOn ${given} is after today (${today}).`, { field: 'decisionRevokedOn' });
  if (given && given < record.formedOn) throw badInput('REVOKED_BEFORE_FORMED', `decisionRevokedOn may not be before the record was formed (${record.formedOn}).`, { field: 'decisionRevokedOn' });
  // Administrative Penalty Law Art. 48: the clock runs from the revocation of the penalty decision itself.
  const decision =
    record.category === 'ADMINISTRATIVE_PENALTY'
      ? { decisionRevokedOn: given ?? today, withdrawalDueOn: withdrawalDueOn(given ?? today, context.calendar) }
      : given
        ? { decisionRevokedOn: given }
        : {};
  return [
    {
      type: 'DisclosureRevoked',
      data: {
        disclosureId: record.disclosureId,
        reason,
        revokedAt: context.now.toISOString(),
        revokedOn: today,
        ...decision,
        ...(record.pendingReviewId ? { withdrawnReviewId: record.pendingReviewId } : {}),
      },
    },
  ];
};
