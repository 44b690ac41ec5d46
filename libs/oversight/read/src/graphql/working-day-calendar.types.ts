import { LocalDateValue } from '@gongkai/graphql';
import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A statutory holiday (法定节假日).' })
export class CalendarHolidayDay {
  @Field(() => LocalDateValue) date!: string;
  @Field(() => String, { nullable: true, description: 'The festival, e.g. 春节, when the administrator gave it.' }) name!: string | null;
}

@ObjectType({ description: 'The State Council General Office notice a calendar year comes from.' })
export class CalendarNoticeRef {
  @Field(() => String) title!: string;
  @Field(() => String) documentNumber!: string;
  @Field(() => LocalDateValue) issuedOn!: string;
}

@ObjectType({ description: 'One year of the working-day calendar every legal deadline is counted on; public, as deadlines in law are.' })
export class WorkingDayCalendarYear {
  @Field(() => Int) year!: number;
  @Field(() => [CalendarHolidayDay]) holidays!: CalendarHolidayDay[];
  @Field(() => [LocalDateValue], { description: 'Weekend days declared working days (调休上班).' }) makeUpWorkingDays!: string[];
  @Field(() => Int, { description: 'Working days in the year: 248 in 2025 and 2026, a self-check for the data.' }) workingDays!: number;
  @Field(() => String, { description: 'Where the data comes from.' }) source!: string;
  @Field(() => CalendarNoticeRef, { nullable: true, description: 'The notice, for a year loaded by an administrator.' }) notice!: CalendarNoticeRef | null;
  @Field(() => Boolean, { description: 'Shipped with the platform and not replaced by a loaded year.' }) builtIn!: boolean;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) loadedAt!: string | null;
  @Field(() => Int, { description: 'How many times the year was loaded (corrections included); 0 for built-in data.' }) versions!: number;
}

@InputType()
export class CalendarHolidayInput {
  @Field(() => LocalDateValue) date!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
}

@InputType()
export class CalendarNoticeInput {
  @Field(() => String, { description: 'e.g. 国务院办公厅关于2027年部分节假日安排的通知' }) title!: string;
  @Field(() => String, { description: 'e.g. 国办发明电〔2026〕N号' }) documentNumber!: string;
  @Field(() => LocalDateValue) issuedOn!: string;
}

@InputType({ description: 'One year of the State Council holiday notice, as an administrator loads it.' })
export class WorkingDayCalendarYearInput {
  @Field(() => Int) year!: number;
  @Field(() => [CalendarHolidayInput]) holidays!: CalendarHolidayInput[];
  @Field(() => [LocalDateValue]) makeUpWorkingDays!: string[];
  @Field(() => CalendarNoticeInput) notice!: CalendarNoticeInput;
  @Field(() => String, { description: 'Why the year is loaded or replaced; kept in the history.' }) reason!: string;
  @Field(() => Boolean, { nullable: true, description: 'Must be true to replace a year already in force (loaded or built in).' }) replace?: boolean | null;
}
