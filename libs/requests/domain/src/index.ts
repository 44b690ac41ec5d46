export * from './request-terms';
export * from './applicant';
export * from './request-clock';
export * from './redaction';
export * from './answer-letter';
export * from './information-request-events';
export * from './information-request-commands';
export { REQUEST_ANSWER_ITEM_TYPE, requestAnswerContentHash } from './answering';
