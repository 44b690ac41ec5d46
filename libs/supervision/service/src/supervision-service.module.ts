import { CONTEXTS } from '@gongkai/contracts';
import { ContextServiceModule } from '@gongkai/messaging/nest';
import { SUPERVISION_ROUTES } from './supervision-routes';

/** The supervision write side: its commands and process managers. */
export const SupervisionServiceModule = ContextServiceModule.register({
  context: CONTEXTS.supervision,
  routes: SUPERVISION_ROUTES,
  processManagers: () => [],
});
