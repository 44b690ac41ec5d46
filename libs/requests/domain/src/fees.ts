import { parseLocalDate } from '@gongkai/calendar';
import { badInput, type DecideContext, requireInteger, requireOneOf } from '@gongkai/kernel';
import type { CommandOf } from './information-request-commands';
import type { InformationRequestEvent, InformationRequestRecord, InformationRequestState } from './information-request-events';
import { FEE_METHODS, FREE_APPLICATIONS_PER_MONTH, FREE_PAGES_PER_APPLICATION, processingFee } from './processing-fee';
import { openForStaff, requireDate, requireNotBefore, todayOf } from './request-rules';

const MEASURES = '国办函〔2020〕109号';

/** The largest basis taken seriously: no application runs to a million pages, no applicant files a million a month. */
const MAX_BASIS = 999_999;

/** Whether a fee notice waits for payment: the clock is paused meanwhile (国办函〔2020〕109号). */
export const feeOutstanding = (record: InformationRequestRecord): boolean => record.fee !== undefined && record.fee.paidOn === undefined;

/**
 * The fee notice (收费通知). The amount is computed here from the method and its basis, never
 * taken from the caller: a caller's amount that differs is refused. By count, the basis is which
 * application of the applicant's calendar month this one is; the decider cannot query, so the
 * read side counts and sends its figure, and a basis that disagrees with it is refused.
 */
export const issueFeeNotice = (command: CommandOf<'IssueFeeNotice'>, state: InformationRequestState, context: DecideContext): InformationRequestEvent[] => {
  const record = openForStaff(state, command.data.requestId, context);
  const method = requireOneOf('method', command.data.method, FEE_METHODS);
  // 国办函〔2020〕109号: by count or by pages, never both on one application — and one notice only.
  if (record.fee) {
    if (record.fee.method !== method) {
      throw badInput('FEE_BOTH_METHODS', `${MEASURES}: a fee is charged by count or by pages, never both on one application; this one was charged ${record.fee.method}.`, {
        field: 'method',
      });
    }
    throw badInput('FEE_NOTICE_ALREADY_ISSUED', `${MEASURES}: a fee notice was already issued on ${record.fee.noticeOn} for this application.`);
  }
  // The clock is already stopped while the applicant supplements; the fee waits for the clearer request.
  if (record.supplement && !record.supplement.receivedOn) {
    throw badInput('FEE_WHILE_AWAITING_SUPPLEMENT', `Regulations Art. 30: the request waits for the applicant's supplement (due ${record.supplement.dueOn}); issue the fee notice once it arrives.`);
  }
  // Two pauses at once would leave the same working days out of the count twice.
  if (record.consultations.some((c) => c.repliedOn === undefined)) {
    throw badInput('FEE_DURING_CONSULTATION', 'A third-party consultation is still open: record its reply before issuing the fee notice, so that no day is left out of the count twice.');
  }
  const basis = requireInteger('basis', command.data.basis, { min: 1, max: MAX_BASIS });
  if (method === 'BY_COUNT') requireCountedBasis(basis, command.data.countedApplications);
  const amountFen = processingFee(method, basis);
  // 国办函〔2020〕109号: below the thresholds the information is free (Regulations Art. 42).
  if (amountFen === 0) {
    throw badInput(
      'FEE_BELOW_THRESHOLD',
      method === 'BY_COUNT'
        ? `${MEASURES}: up to ${FREE_APPLICATIONS_PER_MONTH} applications a calendar month are free; this is application ${basis}: nothing to charge.`
        : `${MEASURES}: up to ${FREE_PAGES_PER_APPLICATION} pages are free; ${basis} pages: nothing to charge.`,
      { field: 'basis' },
    );
  }
  const given = command.data.amountFen;
  if (given !== undefined && given !== null && given !== amountFen) {
    throw badInput('FEE_AMOUNT_MISMATCH', `${MEASURES}: ${method} with basis ${basis} is ${amountFen} fen, not ${String(given)}.`, { field: 'amountFen', amountFen });
  }
  // Today, unless staff transcribe a notice sent on paper earlier, as the other steps allow.
  const noticeOn = command.data.noticeOn ? requireDate('noticeOn', command.data.noticeOn, context) : todayOf(context);
  requireNotBefore('noticeOn', noticeOn, record.receivedOn, 'receipt');
  const lastConsulted = record.consultations.map((c) => (c.repliedOn && c.repliedOn < c.replyDueOn ? c.repliedOn : c.replyDueOn)).sort().at(-1);
  if (lastConsulted && noticeOn < lastConsulted) {
    throw badInput('FEE_DURING_CONSULTATION', `The consultation paused the clock until ${lastConsulted}: a fee notice is dated on or after that day.`, { field: 'noticeOn' });
  }
  // A pay-by date is in the future by nature, so it is parsed, not checked against today as a recorded fact is.
  const payByOn = parseLocalDate(String(command.data.payByOn ?? ''), 'payByOn');
  if (payByOn <= noticeOn) throw badInput('FEE_PAY_BY_NOT_AFTER_NOTICE', `payByOn must be a day after the notice (${noticeOn}).`, { field: 'payByOn' });
  return [{ type: 'FeeNoticeIssued', data: { requestId: record.requestId, method, basis, amountFen, noticeOn, payByOn } }];
};

const requireCountedBasis = (basis: number, counted: unknown): void => {
  if (typeof counted !== 'number' || !Number.isInteger(counted) || counted < 1) {
    throw badInput('FEE_COUNT_UNKNOWN', `${MEASURES}: the applicant's applications this month are not known for this request, so no fee can be charged by count.`, { field: 'method' });
  }
  if (basis !== counted) {
    throw badInput('FEE_COUNT_MISMATCH', `${MEASURES}: this is the applicant's application ${counted} of its calendar month, not ${basis}.`, { field: 'basis', counted });
  }
};

/** The payment: the clock runs again from the next day (国办函〔2020〕109号). */
export const recordFeePayment = (command: CommandOf<'RecordFeePayment'>, state: InformationRequestState, context: DecideContext): InformationRequestEvent[] => {
  const record = openForStaff(state, command.data.requestId, context);
  const fee = record.fee;
  if (!fee) throw badInput('FEE_NOT_NOTIFIED', `No fee notice was issued for information request ${record.trackingCode}.`);
  if (fee.paidOn) throw badInput('FEE_ALREADY_PAID', `The fee was already paid on ${fee.paidOn}.`);
  const paidOn = requireDate('paidOn', command.data.paidOn, context);
  requireNotBefore('paidOn', paidOn, fee.noticeOn, 'notice');
  // 国办函〔2020〕109号: unpaid by the pay-by date, the request is not processed further.
  if (paidOn > fee.payByOn) {
    throw badInput('FEE_PAYMENT_OVERDUE', `${MEASURES}: the fee was due by ${fee.payByOn}; a request whose fee is not paid in time is not processed further.`, { field: 'paidOn' });
  }
  return [{ type: 'FeePaymentRecorded', data: { requestId: record.requestId, paidOn } }];
};
