import type { Projection } from '@gongkai/read-store';
import { annualReportsProjection } from './annual-report/annual-reports.projection';
import { reportFactsProjection } from './annual-report/report-facts.projection';
import { inspectionsProjection } from './inspections/inspections.projection';
import { integrityCheckpointsProjection } from './integrity/integrity-checkpoints.projection';
import { negativeListProjection } from './negative-list/negative-list.projection';
import { powerListProjection } from './power-list/power-list.projection';
import { publicationReviewsProjection } from './publication-reviews.projection';
import { workPlanTasksProjection } from './responsibility/work-plan-tasks.projection';
import { workReportsProjection } from './work-reports/work-reports.projection';
import { workingDayCalendarProjection } from './working-day-calendar/working-day-calendar.projection';

/** The read models this context contributes to the gateway (the audit index is fed by the event bus instead: it takes every event type). */
export const OVERSIGHT_PROJECTIONS: readonly Projection[] = [
  publicationReviewsProjection,
  negativeListProjection,
  powerListProjection,
  workPlanTasksProjection,
  workReportsProjection,
  inspectionsProjection,
  reportFactsProjection,
  annualReportsProjection,
  integrityCheckpointsProjection,
  workingDayCalendarProjection,
];
export * from './integrity/verifier/proof-verification';
