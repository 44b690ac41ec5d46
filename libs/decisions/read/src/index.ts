import type { Projection } from '@gongkai/read-store';

export * from './decisions-read.module';

/** The read models this context contributes to the gateway. */
export const DECISIONS_PROJECTIONS: readonly Projection[] = [];
