import { calendarDaysBetween, compareLocalDates, type LocalDate, localDateOf, requireLocalDate } from '@gongkai/calendar';
import { badInput, requireList, requireOneOf, requireText } from '@gongkai/kernel';

/** Where a consultation is announced (征求意见渠道). */
export const CONSULTATION_CHANNELS = ['WEBSITE', 'WECHAT', 'SMS', 'NEWSPAPER', 'TV'] as const;
export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number];

// Interim Regulations on Major Administrative Decision-Making Procedures, Art. 15: the public
// consultation period is in general not less than 30 days; a shorter one must be explained.
export const MIN_CONSULTATION_DAYS = 30;

/** The terms of a public consultation (公开征求意见): its period and the channels that announce it. */
export interface ConsultationTerms {
  readonly opensOn: LocalDate;
  readonly closesOn: LocalDate;
  readonly channels: readonly ConsultationChannel[];
  /** Published with the consultation; required when the period is under 30 days. */
  readonly shortPeriodReason: string;
}

/** Calendar days of the period, both ends included: 1 March to 30 March is 30 days. */
export const consultationDays = (terms: Pick<ConsultationTerms, 'opensOn' | 'closesOn'>): number => calendarDaysBetween(terms.opensOn, terms.closesOn) + 1;

/** Validates the terms on `today` (Asia/Shanghai); every problem names its rule. */
export const validateConsultationTerms = (input: Readonly<Record<string, unknown>>, today: LocalDate): ConsultationTerms => {
  const opensOn = requireLocalDate('opensOn', input['opensOn']);
  const closesOn = requireLocalDate('closesOn', input['closesOn']);
  const channels = requireList('channels', input['channels'], { min: 1, max: CONSULTATION_CHANNELS.length * 2 }, (channel, i) =>
    requireOneOf(`channels[${i}]`, channel, CONSULTATION_CHANNELS),
  );
  const shortPeriodReason = requireText('shortPeriodReason', input['shortPeriodReason'], { max: 1000, optional: true });
  if (compareLocalDates(closesOn, opensOn) < 0) {
    throw badInput('CLOSES_BEFORE_OPENS', `The consultation cannot close (${closesOn}) before it opens (${opensOn}).`, { field: 'closesOn' });
  }
  // The public must be able to read the draft for the whole announced period.
  if (compareLocalDates(opensOn, today) < 0) {
    throw badInput('OPENS_IN_THE_PAST', `The consultation cannot open on ${opensOn}: that day has passed (today is ${today}).`, { field: 'opensOn' });
  }
  const days = consultationDays({ opensOn, closesOn });
  // Interim Regulations on Major Administrative Decision-Making Procedures, Art. 15.
  if (days < MIN_CONSULTATION_DAYS && !shortPeriodReason) {
    throw badInput(
      'CONSULTATION_PERIOD_TOO_SHORT',
      `A consultation lasts at least ${MIN_CONSULTATION_DAYS} calendar days (this one ${days}) unless a published reason for the shorter period is given.`,
      { field: 'closesOn', days, minimum: MIN_CONSULTATION_DAYS },
    );
  }
  return { opensOn, closesOn, channels: CONSULTATION_CHANNELS.filter((c) => channels.includes(c)), shortPeriodReason };
};

export type ConsultationPhase = 'UPCOMING' | 'OPEN' | 'CLOSED';

/**
 * Where a consultation stands at an instant: open from 00:00 of the opening date to 24:00 of the
 * closing date, Asia/Shanghai. Derived from the instant alone, so no job has to open or close it.
 */
export const consultationPhaseAt = (terms: Pick<ConsultationTerms, 'opensOn' | 'closesOn'>, now: Date): ConsultationPhase => {
  const today = localDateOf(now);
  if (compareLocalDates(today, terms.opensOn) < 0) return 'UPCOMING';
  if (compareLocalDates(today, terms.closesOn) <= 0) return 'OPEN';
  return 'CLOSED';
};
