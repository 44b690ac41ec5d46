import { type PublicationSubject, REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import { badInput, conflict, contentHash, type DecideContext, requireOneOf, requireRole, requireText } from '@gongkai/kernel';
import { answerLetter, type LetterFacts } from './answer-letter';
import type { CommandOf } from './information-request-commands';
import type { InformationRequestEvent, InformationRequestRecord, InformationRequestState } from './information-request-events';
import { redact, type Redaction, validateRedactions } from './redaction';
import { requestClock } from './request-clock';
import { openForStaff, requireDate, requireNotBefore, requireRequest } from './request-rules';
import { DELIVERY_METHODS, disclosesContent, isWithholding, REQUEST_OUTCOMES, type RequestOutcome } from './request-terms';

/** The kind of item the review gate sees for the published content of a disclosed answer. */
export const REQUEST_ANSWER_ITEM_TYPE = 'REQUEST_ANSWER';

/** The content a reviewer approves: exactly what would be published for this request. */
export const requestAnswerContentHash = (requestId: string, content: string): string => contentHash({ requestId, content });

const MAX_CONTENT = 100_000;

/** Content is kept exactly as sent (not trimmed): redactions point at its characters. */
const optionalContent = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw badInput('NOT_TEXT', 'content must be text.', { field: 'content' });
  if (value.length > MAX_CONTENT) throw badInput('TOO_LONG', `content may have at most ${MAX_CONTENT} characters.`, { field: 'content', max: MAX_CONTENT });
  return value;
};

/** What the supplement rules of Regulations Art. 30 allow to be answered now. */
const requireAnswerableNow = (record: InformationRequestRecord, outcome: RequestOutcome, answeredOn: string): void => {
  const supplement = record.supplement;
  if (outcome === 'OTHER_NO_SUPPLEMENT') {
    if (!supplement || supplement.receivedOn) throw badInput('SUPPLEMENT_NOT_AWAITED', 'Regulations Art. 30: "no supplement" closes only a request still waiting for its supplement.');
    if (answeredOn <= supplement.dueOn) {
      throw badInput('SUPPLEMENT_NOT_OVERDUE', `Regulations Art. 30: the applicant may supplement until ${supplement.dueOn}; the request cannot be closed before then.`, { field: 'answeredOn' });
    }
    return;
  }
  const fee = record.fee;
  // 国办函〔2020〕109号: a fee notice not paid by its pay-by date ends the request ("fee not paid").
  if (outcome === 'OTHER_FEE_NOT_PAID') {
    if (!fee || fee.paidOn) throw badInput('FEE_NOT_OUTSTANDING', '国办函〔2020〕109号: "fee not paid" closes only a request whose fee notice is still unpaid.', { field: 'outcome' });
    if (answeredOn <= fee.payByOn) {
      throw badInput('FEE_NOT_OVERDUE', `国办函〔2020〕109号: the applicant may pay until ${fee.payByOn}; the request cannot be closed before then.`, { field: 'answeredOn' });
    }
    return;
  }
  if (fee && !fee.paidOn) {
    throw badInput('ANSWER_WHILE_FEE_OUTSTANDING', `国办函〔2020〕109号: the request waits for the processing fee (pay by ${fee.payByOn}); answer once it is paid or the time runs out.`);
  }
  if (supplement && !supplement.receivedOn) {
    throw badInput('ANSWER_WHILE_AWAITING_SUPPLEMENT', `Regulations Art. 30: the request waits for the applicant's supplement (due ${supplement.dueOn}); answer once it arrives or the time runs out.`);
  }
  if (outcome === 'UNAVAILABLE_STILL_UNCLEAR' && !supplement?.receivedOn) {
    throw badInput('SUPPLEMENT_NOT_RECEIVED', 'Regulations Art. 30: "still unclear after supplement" needs a supplement that was asked for and received.', { field: 'outcome' });
  }
};

const requireRedactions = (outcome: RequestOutcome, content: string, value: unknown): Redaction[] => {
  if (outcome !== 'PARTLY_DISCLOSED') {
    if (Array.isArray(value) && value.length > 0) throw badInput('REDACTIONS_ONLY_FOR_PARTIAL_DISCLOSURE', 'Only a partly disclosed answer redacts passages.', { field: 'redactions' });
    return [];
  }
  const redactions = validateRedactions(content, value);
  // Regulations Art. 37: what is withheld is marked and explained, passage by passage.
  if (!content || redactions.length === 0) {
    throw badInput('REDACTION_REQUIRED', 'Regulations Art. 37: a partly disclosed answer gives the content with each withheld passage marked and its reason.', { field: 'redactions' });
  }
  return redactions;
};

/** Answering (答复): exactly one outcome of the annual report, the letter, and the content provided. */
export const answer = (command: CommandOf<'AnswerInformationRequest'>, state: InformationRequestState, context: DecideContext): InformationRequestEvent[] => {
  const input = command.data;
  const record = openForStaff(state, command.data.requestId, context);
  const outcome = requireOneOf('outcome', input['outcome'], REQUEST_OUTCOMES);
  const answeredOn = requireDate('answeredOn', input['answeredOn'], context);
  requireNotBefore('answeredOn', answeredOn, record.receivedOn, 'receipt');
  requireAnswerableNow(record, outcome, answeredOn);
  const legalBasis = requireText('legalBasis', input['legalBasis'], { max: 2000, optional: true });
  // Regulations Art. 36: withholding states its reasons and legal basis.
  if (isWithholding(outcome) && !legalBasis) {
    throw badInput('LEGAL_BASIS_REQUIRED', 'Regulations Art. 36: an answer that withholds information must give the legal basis for it.', { field: 'legalBasis' });
  }
  const content = optionalContent(input['content']);
  const redactions = requireRedactions(outcome, content, input['redactions']);
  const redacted = redact(content, redactions);
  const facts: LetterFacts = {
    agencyCode: record.agencyCode,
    trackingCode: record.trackingCode,
    receivedOn: record.receivedOn,
    description: record.description,
    outcome,
    answeredOn,
    legalBasis,
    delivery: input['delivery'] ? requireOneOf('delivery', input['delivery'], DELIVERY_METHODS) : record.delivery,
    preferredForm: record.preferredForm,
    publishedAt: requireText('publishedAt', input['publishedAt'], { max: 500, optional: true }),
    holderAgency: requireText('holderAgency', input['holderAgency'], { max: 200, optional: true }),
    redactionReasons: redacted.reasons,
    ...(record.supplement ? { supplement: record.supplement } : {}),
  };
  const letter = requireText('text', input['text'], { max: 20_000, optional: true }) || answerLetter(facts);
  const answerDueOn = requestClock(record, context.calendar).answerDueOn;
  const published = disclosesContent(outcome) && redacted.text ? publicationRequest(record, redacted.text, input['reviewId'], context) : undefined;
  return [
    {
      type: 'InformationRequestAnswered',
      data: {
        requestId: record.requestId,
        outcome,
        answeredOn,
        answerDueOn,
        // Regulations Art. 33: answering after the due date is allowed, and marked late.
        late: answerDueOn !== null && answeredOn > answerDueOn,
        letter,
        legalBasis,
        delivery: facts.delivery,
        content,
        redactions,
        redactedContent: redacted.text,
        publishedAt: facts.publishedAt,
        holderAgency: facts.holderAgency,
        ...(published ? { publicationRequest: published } : {}),
      },
    },
  ];
};

/** 先审查、后公开: the disclosed content is published only after a review of exactly that content. */
const publicationRequest = (record: InformationRequestRecord, content: string, reviewId: unknown, context: DecideContext): PublicationSubject => ({
  reviewId: requireText('reviewId', reviewId, { max: 128 }),
  itemType: REQUEST_ANSWER_ITEM_TYPE,
  itemId: record.requestId,
  itemVersion: 1,
  contentHash: requestAnswerContentHash(record.requestId, content),
  // The title names the request by its code only: the reviewer's list is no place for personal data.
  title: `依申请公开答复 ${record.trackingCode}`,
  agencyCode: record.agencyCode,
  departmentCode: record.departmentCode,
  requestedBy: context.actor.id,
});

export const publishReviewedAnswer = (command: CommandOf<'PublishReviewedRequestAnswer'>, state: InformationRequestState, context: DecideContext): InformationRequestEvent[] => {
  requireRole(context.actor, 'system');
  const record = requireRequest(state, command.data.requestId);
  const answered = record.answer;
  if (answered?.published && answered.reviewId === command.data.reviewId) return []; // a redelivered approval
  if (!answered || answered.reviewId !== command.data.reviewId || answered.contentHash !== command.data.contentHash) {
    throw conflict(REVIEWED_VERSION_OUTDATED, `The answer to information request ${record.trackingCode} is not the content that was reviewed: nothing was published.`);
  }
  return [
    { type: 'RequestAnswerPublished', data: { requestId: record.requestId, reviewId: command.data.reviewId, contentHash: command.data.contentHash, publishedAt: context.now.toISOString() } },
  ];
};
