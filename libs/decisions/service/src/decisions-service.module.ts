import { CONTEXTS } from '@gongkai/contracts';
import { ContextServiceModule } from '@gongkai/messaging/nest';
import { DECISIONS_ROUTES } from './decisions-routes';
import { publishReviewedDecisionItems } from './sagas/publish-reviewed-decision-items';
import { registerAdoptedPolicy } from './sagas/register-adopted-policy';

/** The decisions write side: its commands, publishing what the review gate approved, and registering adopted policies. */
export const DecisionsServiceModule = ContextServiceModule.register({
  context: CONTEXTS.decisions,
  routes: DECISIONS_ROUTES,
  processManagers: (commands) => [publishReviewedDecisionItems(commands), registerAdoptedPolicy(commands)],
});
