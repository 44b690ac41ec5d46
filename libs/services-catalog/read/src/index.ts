export * from './service-item-document';
export * from './service-items.projection';
export * from './service-item-visibility';
export * from './services-catalog-read.module';

import { serviceItemsProjection } from './service-items.projection';
/** The read models this context contributes to the gateway. */
export const SERVICES_CATALOG_PROJECTIONS = [serviceItemsProjection];
