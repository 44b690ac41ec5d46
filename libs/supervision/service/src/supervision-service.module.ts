import { CONTEXTS } from '@gongkai/contracts';
import { ContextServiceModule } from '@gongkai/messaging/nest';
import { publishImportedChunks } from './sagas/publish-imported-chunks';
import { publishReviewedSupervisionItems } from './sagas/publish-reviewed-supervision-items';
import { SUPERVISION_ROUTES } from './supervision-routes';

/** The supervision write side: its commands, and publishing what the review gate approved. */
export const SupervisionServiceModule = ContextServiceModule.register({
  context: CONTEXTS.supervision,
  routes: SUPERVISION_ROUTES,
  processManagers: (commands) => [publishReviewedSupervisionItems(commands), publishImportedChunks(commands)],
});
