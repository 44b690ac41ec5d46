import { CONTEXTS } from '@gongkai/contracts';
import { ContextServiceModule } from '@gongkai/messaging/nest';
import { publishReviewedServiceItem } from './sagas/publish-reviewed-service-item';
import { SERVICE_ITEM_ROUTES } from './service-item-routes';

/** The services-catalog write side: its commands, and publishing what the review gate approved. */
export const ServicesCatalogServiceModule = ContextServiceModule.register({
  context: CONTEXTS.servicesCatalog,
  routes: SERVICE_ITEM_ROUTES,
  processManagers: (commands) => [publishReviewedServiceItem(commands)],
});
