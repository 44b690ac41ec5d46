import type { Projection } from '@gongkai/read-store';

export * from './supervision-read.module';

/** The read models this context contributes to the gateway. */
export const SUPERVISION_PROJECTIONS: readonly Projection[] = [];
