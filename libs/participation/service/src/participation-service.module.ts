import { CONTEXTS } from '@gongkai/contracts';
import { ContextServiceModule, deadlineWatchHost } from '@gongkai/messaging/nest';
import { Module } from '@nestjs/common';
import { WebhookDispatcherHost } from './channels/webhook-dispatcher.host';
import { PARTICIPATION_ROUTES } from './participation-routes';
import { publishReviewedActivity } from './sagas/publish-reviewed-activity';
import { publishReviewedPublicMessage } from './sagas/publish-reviewed-public-message';
import { overdueMessageRule } from './messages/overdue-message-watch';

/** The participation write side: its commands, publishing reviewed answers, escalating overdue messages, and delivering every publication to the webhooks. */
@Module({
  imports: [
    ContextServiceModule.register({
      context: CONTEXTS.participation,
      routes: PARTICIPATION_ROUTES,
      processManagers: (commands) => [publishReviewedPublicMessage(commands), publishReviewedActivity(commands)],
    }),
  ],
  providers: [
    WebhookDispatcherHost,
    deadlineWatchHost({ rule: overdueMessageRule, name: 'OverdueMessageWatch', failure: 'could not escalate an overdue public message', subjectField: 'messageId' }),
  ],
})
export class ParticipationServiceModule {}
