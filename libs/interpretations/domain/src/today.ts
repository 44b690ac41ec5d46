import { localDateOf } from '@gongkai/calendar';
import type { DecideContext, LocalDate } from '@gongkai/kernel';

/** Today in Asia/Shanghai, from the decision's clock: dates in law are local days. */
export const todayOf = (context: DecideContext): LocalDate => localDateOf(context.now);
