import type { WorkingDayCalendar } from '@gongkai/kernel';
import type { Projection } from '@gongkai/read-store';
import { interpretationDueDatesProjection } from './interpretation-due-dates.projection';
import { opinionCasesProjection } from './opinion-cases.projection';
import { policyInterpretationsProjection } from './policy-interpretations.projection';

export * from './bureau-readers';
export * from './interpretation-documents';
export * from './interpretation-visibility';
export * from './obligation-queries';
export * from './opinion-case-documents';
export * from './opinion-case-visibility';
export * from './policy-interpretations.projection';
export * from './opinion-cases.projection';
export * from './interpretations-read.module';

/** The read models this context contributes to the gateway; due days missing a calendar year are filled in on the process's live calendar. */
export const interpretationsProjections = (calendar: WorkingDayCalendar): readonly Projection[] => [policyInterpretationsProjection, opinionCasesProjection, interpretationDueDatesProjection(calendar)];
