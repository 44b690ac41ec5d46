import type { Projection } from '@gongkai/read-store';
import { feedEntriesProjection } from './feeds/feed-entries.projection';

export * from './participation-read.module';
export * from './feeds/feed-entries.projection';
export * from './feeds/atom-feed';

/** The read models this context contributes to the gateway. */
export const PARTICIPATION_PROJECTIONS: readonly Projection[] = [feedEntriesProjection];
