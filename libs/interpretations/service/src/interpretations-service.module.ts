import { CONTEXTS } from '@gongkai/contracts';
import { ContextServiceModule } from '@gongkai/messaging/nest';
import { INTERPRETATIONS_ROUTES } from './interpretations-routes';

/** The interpretations write side: its commands and process managers. */
export const InterpretationsServiceModule = ContextServiceModule.register({
  context: CONTEXTS.interpretations,
  routes: INTERPRETATIONS_ROUTES,
  processManagers: () => [],
});
