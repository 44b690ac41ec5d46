export * from './publication-review-document';
export * from './publication-reviews.projection';
export * from './oversight-read.module';

import { publicationReviewsProjection } from './publication-reviews.projection';
/** The read models this context contributes to the gateway. */
export const OVERSIGHT_PROJECTIONS = [publicationReviewsProjection];
