import type { LocalDate } from '@gongkai/kernel';
import { isOverdue, MESSAGE_KINDS, type MessageKind } from '@gongkai/participation/domain';
import type { PublicMessageDocument } from './public-message-document';

/**
 * Oversight figures on public messages for one year of receipt: what arrived and what was
 * answered, by kind and by the department that holds it now, how many answers kept the limit,
 * how long answers took in working days, and how authors rated them.
 */
export interface MessageFigures {
  readonly received: number;
  readonly answered: number;
  /** Complaints sent to the petition procedure: they are not answered here. */
  readonly redirected: number;
  readonly answeredOnTime: number;
  /** Answered on time ÷ answered; null while nothing is answered. */
  readonly onTimeRate: number | null;
  /** Over the answers whose period the calendar could count; null when there are none. */
  readonly averageWorkingDaysToAnswer: number | null;
  /** Unanswered and past the due date on the day asked. */
  readonly overdueUnanswered: number;
  readonly escalated: number;
  readonly ratings: number;
  readonly averageRating: number | null;
}

export interface MessageStatistics {
  readonly year: number;
  readonly total: MessageFigures;
  readonly byKind: readonly (MessageFigures & { readonly kind: MessageKind })[];
  readonly byDepartment: readonly (MessageFigures & { readonly departmentCode: string })[];
  /** How many answers got each rating, 1 to 5. */
  readonly ratingDistribution: readonly { readonly rating: number; readonly count: number }[];
}

const round = (value: number, places: number): number => Math.round(value * 10 ** places) / 10 ** places;
const averageOf = (values: readonly number[], places: number): number | null => (values.length === 0 ? null : round(values.reduce((a, b) => a + b, 0) / values.length, places));

export const figuresOf = (messages: readonly PublicMessageDocument[], today: LocalDate): MessageFigures => {
  const answers = messages.flatMap((m) => (m.answer ? [m.answer] : []));
  const onTime = answers.filter((a) => !a.late).length;
  const ratings = messages.flatMap((m) => (m.rating === null ? [] : [m.rating]));
  return {
    received: messages.length,
    answered: answers.length,
    redirected: messages.filter((m) => m.status === 'REDIRECTED').length,
    answeredOnTime: onTime,
    onTimeRate: answers.length === 0 ? null : round(onTime / answers.length, 4),
    averageWorkingDaysToAnswer: averageOf(answers.flatMap((a) => (a.workingDaysTaken === null ? [] : [a.workingDaysTaken])), 2),
    overdueUnanswered: messages.filter((m) => isOverdue(m, today)).length,
    escalated: messages.filter((m) => m.escalation !== null).length,
    ratings: ratings.length,
    averageRating: averageOf(ratings, 2),
  };
};

export const messageStatistics = (year: number, messages: readonly PublicMessageDocument[], today: LocalDate): MessageStatistics => {
  const departments = [...new Set(messages.map((m) => m.departmentCode))].sort();
  return {
    year,
    total: figuresOf(messages, today),
    byKind: MESSAGE_KINDS.map((kind) => ({ kind, ...figuresOf(messages.filter((m) => m.kind === kind), today) })),
    byDepartment: departments.map((departmentCode) => ({ departmentCode, ...figuresOf(messages.filter((m) => m.departmentCode === departmentCode), today) })),
    ratingDistribution: [1, 2, 3, 4, 5].map((rating) => ({ rating, count: messages.filter((m) => m.rating === rating).length })),
  };
};
