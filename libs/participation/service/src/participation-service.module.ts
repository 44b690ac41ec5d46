import { CONTEXTS } from '@gongkai/contracts';
import { ContextServiceModule } from '@gongkai/messaging/nest';
import { Module } from '@nestjs/common';
import { WebhookDispatcherHost } from './channels/webhook-dispatcher.host';
import { PARTICIPATION_ROUTES } from './participation-routes';
import { publishReviewedPublicMessage } from './sagas/publish-reviewed-public-message';

/** The participation write side: its commands, publishing reviewed answers, and delivering every publication to the webhooks. */
@Module({
  imports: [
    ContextServiceModule.register({
      context: CONTEXTS.participation,
      routes: PARTICIPATION_ROUTES,
      processManagers: (commands) => [publishReviewedPublicMessage(commands)],
    }),
  ],
  providers: [WebhookDispatcherHost],
})
export class ParticipationServiceModule {}
