import { CONTEXTS } from '@gongkai/contracts';
import { ContextServiceModule } from '@gongkai/messaging/nest';
import { PARTICIPATION_ROUTES } from './participation-routes';

/** The participation write side: its commands and process managers. */
export const ParticipationServiceModule = ContextServiceModule.register({
  context: CONTEXTS.participation,
  routes: PARTICIPATION_ROUTES,
  processManagers: () => [],
});
