import type { Projection } from '@gongkai/read-store';

export * from './interpretations-read.module';

/** The read models this context contributes to the gateway. */
export const INTERPRETATIONS_PROJECTIONS: readonly Projection[] = [];
