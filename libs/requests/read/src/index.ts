import type { WorkingDayCalendar } from '@gongkai/kernel';
import type { Projection } from '@gongkai/read-store';
import { informationRequestsProjection } from './information-requests.projection';

export * from './information-request-document';
export * from './information-requests.projection';
export * from './requests-read.module';

/** The read models this context contributes to the gateway, on the process's live calendar (the one the deciders use). */
export const requestsProjections = (calendar: WorkingDayCalendar): readonly Projection[] => [informationRequestsProjection(calendar)];
