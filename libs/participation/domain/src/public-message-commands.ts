import { localDateOf } from '@gongkai/calendar';
import { type PublicationSubject, REVIEWED_VERSION_OUTDATED } from '@gongkai/contracts';
import {
  assertNever,
  badInput,
  CITY_AGENCY_CODE,
  conflict,
  contentHash,
  type DecideContext,
  type Decider,
  notFound,
  requireAccessKeyHash,
  requireDepartment,
  requireHandlingStaff,
  requireOneOf,
  requireRole,
  requireSealed,
  requireText,
  requireTrackingCode,
} from '@gongkai/kernel';
import { DEFAULT_ANSWER_LIMIT_WORKING_DAYS, requireAnswerLimit } from './answer-limits';
import { answerDueOnOf, answeredLate, dueDayOf, escalate, workingDaysTakenOf } from './public-message-deadlines';
import {
  evolvePublicMessage,
  initialPublicMessageState,
  MESSAGE_KINDS,
  type PublicMessageEvent,
  type PublicMessageRecord,
  type PublicMessageState,
  type SealedAuthor,
} from './public-message-events';

export const PUBLIC_MESSAGE_ITEM_TYPE = 'PUBLIC_MESSAGE_ANSWER';
export const MAX_MESSAGE_LENGTH = 5000;

/** Messages arrive at the office, which co-ordinates open-government work and routes them on. */
const RECEIVING_DEPARTMENT = 'OFFICE';

/** As the Regulations do for requests that are really petitions (Art. 39), complaints are pointed to the petition procedure. */
export const COMPLAINT_REDIRECT_NOTE =
  '投诉举报事项请通过信访渠道（12345 热线或信访窗口）依照《信访工作条例》办理；本栏目不作为投诉处理渠道。 Complaints are handled under the petition procedure (信访), not as messages (cf. Regulations Art. 39).';

/** The vault key a message's author name and contact are encrypted under. */
export const authorKeyOf = (messageId: string): string => `public-message:${messageId}`;

export type PublicMessageCommand =
  | {
      type: 'SubmitPublicMessage';
      data: {
        messageId: string;
        kind: string;
        subject: string;
        text: string;
        publishable: boolean;
        trackingCode: string;
        accessKeyHash: string;
        author?: SealedAuthor;
        /** The limit for this kind in force today, looked up by the gateway from the office's answer limits; 5 when absent. */
        answerLimitWorkingDays?: number;
      };
    }
  | { type: 'RoutePublicMessage'; data: { messageId: string; departmentCode: string } }
  | { type: 'AnswerPublicMessage'; data: { messageId: string; answer: string; reviewId: string } }
  | { type: 'PublishReviewedPublicMessage'; data: { messageId: string; version: number; contentHash: string; reviewId: string } }
  | { type: 'HidePublicMessage'; data: { messageId: string; reason: string } }
  | { type: 'RatePublicMessage'; data: { messageId: string; accessKeyHash: string; rating: number } }
  | { type: 'EscalateOverduePublicMessage'; data: { messageId: string } };

type CommandOf<T extends PublicMessageCommand['type']> = Extract<PublicMessageCommand, { type: T }>;

/** The content a reviewer approves: the question and its answer, one version per message. */
export const publicMessageContentHash = (message: Pick<PublicMessageRecord, 'messageId' | 'kind' | 'subject' | 'text' | 'answer'>): string =>
  contentHash({ messageId: message.messageId, version: 1, kind: message.kind, subject: message.subject, text: message.text, answer: message.answer ?? '' });

/** The sealed author, or undefined; plain text in a command is refused, never stored. */
export const requireSealedAuthor = (value: unknown, messageId: string): SealedAuthor | undefined => {
  if (value === undefined || value === null) return undefined;
  return requireSealed(value, authorKeyOf(messageId), {
    maxLength: 2000,
    code: 'AUTHOR_NOT_SEALED',
    message: 'The author’s name and contact must arrive encrypted under the message’s own key.',
    field: 'contact',
  });
};

const requireMessage = (state: PublicMessageState, messageId: string): PublicMessageRecord => {
  if (state.status === 'NONE') throw notFound('PUBLIC_MESSAGE_NOT_FOUND', `There is no public message ${messageId}.`);
  return state;
};

const requireUnanswered = (message: PublicMessageRecord): void => {
  if (message.status !== 'RECEIVED') throw conflict('PUBLIC_MESSAGE_CLOSED', `Public message ${message.messageId} is already ${message.status.toLowerCase()}.`);
};

const submit = (command: CommandOf<'SubmitPublicMessage'>, state: PublicMessageState, context: DecideContext): PublicMessageEvent[] => {
  const { data } = command;
  if (state.status !== 'NONE') throw conflict('PUBLIC_MESSAGE_EXISTS', `Public message ${data.messageId} already exists.`);
  const kind = requireOneOf('kind', data.kind, MESSAGE_KINDS);
  const subject = requireText('subject', data.subject, { max: 200 });
  const text = requireText('text', data.text, { max: MAX_MESSAGE_LENGTH });
  if (typeof data.publishable !== 'boolean') throw badInput('REQUIRED', 'publishable must say whether the message may be published.', { field: 'publishable' });
  const trackingCode = requireTrackingCode(data.trackingCode);
  const accessKeyHash = requireAccessKeyHash(data.accessKeyHash);
  const answerLimitWorkingDays = data.answerLimitWorkingDays === undefined ? DEFAULT_ANSWER_LIMIT_WORKING_DAYS : requireAnswerLimit(kind, data.answerLimitWorkingDays);
  const author = requireSealedAuthor(data.author, data.messageId);
  const receivedOn = localDateOf(context.now);
  const received: PublicMessageEvent = {
    type: 'PublicMessageReceived',
    data: {
      messageId: data.messageId,
      agencyCode: CITY_AGENCY_CODE,
      departmentCode: RECEIVING_DEPARTMENT,
      kind,
      subject,
      text,
      publishable: data.publishable,
      trackingCode,
      accessKeyHash,
      ...(author ? { author } : {}),
      receivedOn,
      answerLimitWorkingDays,
      answerDueOn: answerDueOnOf(context.calendar, receivedOn, answerLimitWorkingDays),
    },
  };
  if (kind !== 'COMPLAINT') return [received];
  return [received, { type: 'ComplaintRedirected', data: { messageId: data.messageId, note: COMPLAINT_REDIRECT_NOTE, redirectedOn: receivedOn } }];
};

const routeTo = (command: CommandOf<'RoutePublicMessage'>, state: PublicMessageState, context: DecideContext): PublicMessageEvent[] => {
  const message = requireMessage(state, command.data.messageId);
  requireHandlingStaff(context, message);
  requireUnanswered(message);
  const departmentCode = requireDepartment('departmentCode', command.data.departmentCode);
  if (departmentCode === message.departmentCode) return [];
  return [{ type: 'PublicMessageRouted', data: { messageId: message.messageId, fromDepartmentCode: message.departmentCode, departmentCode, routedOn: localDateOf(context.now) } }];
};

const answer = (command: CommandOf<'AnswerPublicMessage'>, state: PublicMessageState, context: DecideContext): PublicMessageEvent[] => {
  const message = requireMessage(state, command.data.messageId);
  requireHandlingStaff(context, message);
  requireUnanswered(message);
  const text = requireText('answer', command.data.answer, { max: MAX_MESSAGE_LENGTH });
  const answeredOn = localDateOf(context.now);
  const answerDueOn = dueDayOf(context.calendar, message);
  const answered: PublicMessageEvent = {
    type: 'PublicMessageAnswered',
    data: {
      messageId: message.messageId,
      answer: text,
      answeredBy: context.actor.id,
      answeredOn,
      answerDueOn,
      late: answeredLate(answerDueOn, answeredOn),
      workingDaysTaken: workingDaysTakenOf(context.calendar, message.receivedOn, answeredOn),
    },
  };
  // Only what the author allowed, and nothing hidden, goes to the review gate (先审查、后公开).
  if (!message.publishable || message.hidden) return [answered];
  const hash = publicMessageContentHash({ ...message, answer: text });
  const publicationRequest: PublicationSubject = {
    reviewId: requireText('reviewId', command.data.reviewId, { max: 128 }),
    itemType: PUBLIC_MESSAGE_ITEM_TYPE,
    itemId: message.messageId,
    itemVersion: 1,
    contentHash: hash,
    title: message.subject,
    agencyCode: message.agencyCode,
    departmentCode: message.departmentCode,
    requestedBy: context.actor.id,
  };
  return [answered, { type: 'PublicMessagePublicationRequested', data: { messageId: message.messageId, version: 1, contentHash: hash, publicationRequest } }];
};

/** 先审查、后公开: exactly the question and answer the reviewer approved, and nothing hidden since. */
const publishReviewed = (command: CommandOf<'PublishReviewedPublicMessage'>, state: PublicMessageState, context: DecideContext): PublicMessageEvent[] => {
  requireRole(context.actor, 'system');
  const message = requireMessage(state, command.data.messageId);
  if (message.published) return [];
  const current =
    !message.hidden &&
    message.pendingReviewId === command.data.reviewId &&
    message.pendingContentHash === command.data.contentHash &&
    publicMessageContentHash(message) === command.data.contentHash;
  if (!current) throw conflict(REVIEWED_VERSION_OUTDATED, `Public message ${message.messageId} changed or was hidden after it was reviewed: nothing was published.`);
  return [
    {
      type: 'PublicMessagePublished',
      data: { messageId: message.messageId, version: 1, contentHash: command.data.contentHash, reviewId: command.data.reviewId, publishedAt: context.now.toISOString() },
    },
  ];
};

/** Moderation as for comments: hidden with a published reason, never deleted. */
const hide = (command: CommandOf<'HidePublicMessage'>, state: PublicMessageState, context: DecideContext): PublicMessageEvent[] => {
  const message = requireMessage(state, command.data.messageId);
  requireHandlingStaff(context, message);
  if (message.hidden) return [];
  const reason = requireText('reason', command.data.reason, { max: 1000 });
  return [{ type: 'PublicMessageHidden', data: { messageId: message.messageId, reason, hiddenAt: context.now.toISOString() } }];
};

/** A rating of the answer: 1 (poor) to 5 (very good). Checked at the edge too, before the key is. */
export const requireRating = (rating: unknown): number => {
  if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < 1 || rating > 5) {
    throw badInput('RATING_OUT_OF_RANGE', 'rating must be a whole number from 1 to 5.', { field: 'rating', min: 1, max: 5 });
  }
  return rating;
};

/** Only the author, holding the access key, rates the answer, once it exists. */
const rate = (command: CommandOf<'RatePublicMessage'>, state: PublicMessageState, context: DecideContext): PublicMessageEvent[] => {
  const message = requireMessage(state, command.data.messageId);
  const rating = requireRating(command.data.rating);
  if (command.data.accessKeyHash !== message.accessKeyHash) throw notFound('PUBLIC_MESSAGE_NOT_FOUND', 'No message matches this tracking code and access key.');
  if (message.status !== 'ANSWERED') throw conflict('PUBLIC_MESSAGE_NOT_ANSWERED', 'A message can be rated once it has been answered.');
  if (message.rating === rating) return [];
  return [{ type: 'PublicMessageRated', data: { messageId: message.messageId, rating, ratedAt: context.now.toISOString() } }];
};

export const decidePublicMessage = (command: PublicMessageCommand, state: PublicMessageState, context: DecideContext): PublicMessageEvent[] => {
  switch (command.type) {
    case 'SubmitPublicMessage':
      return submit(command, state, context);
    case 'RoutePublicMessage':
      return routeTo(command, state, context);
    case 'AnswerPublicMessage':
      return answer(command, state, context);
    case 'PublishReviewedPublicMessage':
      return publishReviewed(command, state, context);
    case 'HidePublicMessage':
      return hide(command, state, context);
    case 'RatePublicMessage':
      return rate(command, state, context);
    case 'EscalateOverduePublicMessage':
      return escalate(command.data.messageId, state, context);
    default:
      return assertNever(command);
  }
};

export const publicMessageDecider: Decider<PublicMessageCommand, PublicMessageEvent, PublicMessageState> = {
  initialState: initialPublicMessageState,
  decide: decidePublicMessage,
  evolve: evolvePublicMessage,
};
