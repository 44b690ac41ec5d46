import { CONTEXTS } from '@gongkai/contracts';
import { ContextServiceModule } from '@gongkai/messaging/nest';
import { PUBLICATION_REVIEW_ROUTES } from './publication-review-routes';
import { reviewGate } from './sagas/review-gate';

/** The oversight write side: the publication review gate (先审查、后公开). */
export const OversightServiceModule = ContextServiceModule.register({
  context: CONTEXTS.oversight,
  routes: PUBLICATION_REVIEW_ROUTES,
  processManagers: (commands) => [reviewGate(commands)],
});
