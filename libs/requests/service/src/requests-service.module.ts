import { CONTEXTS } from '@gongkai/contracts';
import { ContextServiceModule } from '@gongkai/messaging/nest';
import { REQUESTS_ROUTES } from './requests-routes';

/** The requests write side: its commands and process managers. */
export const RequestsServiceModule = ContextServiceModule.register({
  context: CONTEXTS.requests,
  routes: REQUESTS_ROUTES,
  processManagers: () => [],
});
