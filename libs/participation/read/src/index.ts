import type { Projection } from '@gongkai/read-store';

export * from './participation-read.module';

/** The read models this context contributes to the gateway. */
export const PARTICIPATION_PROJECTIONS: readonly Projection[] = [];
