import { CONTEXTS } from '@gongkai/contracts';
import { ContextServiceModule } from '@gongkai/messaging/nest';
import { INTERPRETATIONS_ROUTES } from './interpretations-routes';
import { followPolicyDocuments } from './sagas/follow-policy-documents';
import { publishReviewedInterpretationItems } from './sagas/publish-reviewed-interpretation-items';
import { reportPublishedInterpretationItems } from './sagas/report-published-interpretation-items';

/** The interpretations write side: its commands, following the decisions context's documents, and the review gate. */
export const InterpretationsServiceModule = ContextServiceModule.register({
  context: CONTEXTS.interpretations,
  routes: INTERPRETATIONS_ROUTES,
  processManagers: (commands) => [followPolicyDocuments(commands), publishReviewedInterpretationItems(commands), reportPublishedInterpretationItems(commands)],
});
