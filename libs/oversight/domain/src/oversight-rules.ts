import { localDateOf, requireLocalDate } from '@gongkai/calendar';
import { badInput, type DecideContext, type LocalDate, requireInteger, requireText } from '@gongkai/kernel';

/** Today in Asia/Shanghai, from the decision's clock: dates in the bureau's rules are local days. */
export const todayOf = (context: DecideContext): LocalDate => localDateOf(context.now);

/** A day that has already come: the bureau records what happened, not what is planned. */
export const requirePastDate = (field: string, value: unknown, context: DecideContext): LocalDate => {
  const date = requireLocalDate(field, value);
  const today = todayOf(context);
  if (date > today) throw badInput('DATE_IN_FUTURE', `${field} (${date}) may not be later than today (${today}).`, { field });
  return date;
};

/** The years the platform keeps records for: the work plan dates from 2017. */
export const requireYear = (field: string, value: unknown): number => requireInteger(field, value, { min: 2017, max: 2100 });

/** Ids chosen by callers (codes, task ids): short, printable, no spaces, so that they fit a stream id. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const requireId = (field: string, value: unknown): string => {
  const id = requireText(field, value, { max: 128 });
  if (!ID.test(id)) throw badInput('INVALID_ID', `${field} must be letters, digits and . _ : - (at most 128).`, { field });
  return id;
};
