import type { Projection } from '@gongkai/read-store';

export * from './requests-read.module';

/** The read models this context contributes to the gateway. */
export const REQUESTS_PROJECTIONS: readonly Projection[] = [];
