import { CONTEXTS } from '@gongkai/contracts';
import { ContextServiceModule } from '@gongkai/messaging/nest';
import { Module } from '@nestjs/common';
import { REQUESTS_ROUTES } from './requests-routes';
import { publishReviewedRequestAnswer } from './sagas/publish-reviewed-request-answer';
import { SupplementDeadlineWatchHost } from './supplement-deadline-watch.host';

/** The requests write side: its commands, publishing reviewed answers, and closing unsupplemented requests. */
@Module({
  imports: [
    ContextServiceModule.register({
      context: CONTEXTS.requests,
      routes: REQUESTS_ROUTES,
      processManagers: (commands) => [publishReviewedRequestAnswer(commands)],
    }),
  ],
  providers: [SupplementDeadlineWatchHost],
})
export class RequestsServiceModule {}
