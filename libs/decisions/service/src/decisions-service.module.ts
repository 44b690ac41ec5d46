import { CONTEXTS } from '@gongkai/contracts';
import { ContextServiceModule } from '@gongkai/messaging/nest';
import { DECISIONS_ROUTES } from './decisions-routes';

/** The decisions write side: its commands and process managers. */
export const DecisionsServiceModule = ContextServiceModule.register({
  context: CONTEXTS.decisions,
  routes: DECISIONS_ROUTES,
  processManagers: () => [],
});
