import { badInput, type DecideContext, requireBoolean, requireText } from '@gongkai/kernel';
import type { CommandOf } from './information-request-commands';
import type { InformationRequestEvent, InformationRequestRecord, InformationRequestState } from './information-request-events';
import { openForStaff, requireDate, requireNotBefore } from './request-rules';
import { CONSULTATION_PERIOD_WORKING_DAYS } from './request-terms';

/** The day a consultation stopped keeping the clock still: the reply, or the end of the third party's limit. */
const consultationEnd = (c: InformationRequestRecord['consultations'][number]): string => (c.repliedOn && c.repliedOn < c.replyDueOn ? c.repliedOn : c.replyDueOn);

/** Third-party consultation (征求第三方意见): the time it takes is not counted. */
export const startConsultation = (command: CommandOf<'StartThirdPartyConsultation'>, state: InformationRequestState, context: DecideContext): InformationRequestEvent[] => {
  const record = openForStaff(state, command.data.requestId, context);
  const thirdParty = requireText('thirdParty', command.data.thirdParty, { max: 200 });
  const sentOn = requireDate('sentOn', command.data.sentOn, context);
  requireNotBefore('sentOn', sentOn, record.receivedOn, 'receipt');
  // 国办函〔2020〕109号 and Art. 32 both pause the clock: one pause at a time, so no day is left out of the count twice.
  const fee = record.fee;
  if (fee && (!fee.paidOn || sentOn < fee.paidOn)) {
    throw badInput('CONSULTATION_DURING_FEE_NOTICE', fee.paidOn ? `The fee notice paused the clock until ${fee.paidOn}: a consultation starts on or after that day.` : `The fee notice (pay by ${fee.payByOn}) is not paid yet: consult once it is.`, {
      field: 'sentOn',
    });
  }
  const previous = record.consultations.at(-1);
  // One consultation at a time, so that no working day is left out of the count twice.
  if (previous && sentOn < consultationEnd(previous)) {
    throw badInput('CONSULTATION_ALREADY_OPEN', `Consultation ${record.consultations.length} runs until ${consultationEnd(previous)}: record its reply before starting another.`, {
      field: 'sentOn',
    });
  }
  // Regulations Art. 32: the third party answers within 15 working days.
  const replyDueOn = context.calendar.addWorkingDays(sentOn, CONSULTATION_PERIOD_WORKING_DAYS);
  return [{ type: 'ThirdPartyConsultationStarted', data: { requestId: record.requestId, consultation: record.consultations.length + 1, thirdParty, sentOn, replyDueOn } }];
};

export const recordReply = (command: CommandOf<'RecordThirdPartyReply'>, state: InformationRequestState, context: DecideContext): InformationRequestEvent[] => {
  const record = openForStaff(state, command.data.requestId, context);
  const index = record.consultations.findIndex((c) => c.repliedOn === undefined);
  if (index < 0) throw badInput('NO_OPEN_CONSULTATION', `Information request ${record.trackingCode} has no consultation waiting for a reply.`);
  const receivedOn = requireDate('receivedOn', command.data.receivedOn, context);
  requireNotBefore('receivedOn', receivedOn, record.consultations[index].sentOn, 'consultation');
  const consents = requireBoolean('consents', command.data.consents);
  return [{ type: 'ThirdPartyReplyRecorded', data: { requestId: record.requestId, consultation: index + 1, receivedOn, consents } }];
};
