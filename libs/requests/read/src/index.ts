import { defaultCalendar } from '@gongkai/calendar';
import type { Projection } from '@gongkai/read-store';
import { informationRequestsProjection } from './information-requests.projection';

export * from './information-request-document';
export * from './information-requests.projection';
export * from './requests-read.module';

/** The read models this context contributes to the gateway, on the calendar the services use. */
export const REQUESTS_PROJECTIONS: readonly Projection[] = [informationRequestsProjection(defaultCalendar())];
