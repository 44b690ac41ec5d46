import { CONTEXTS } from '@gongkai/contracts';
import { ContextServiceModule, deadlineWatchHost } from '@gongkai/messaging/nest';
import { Module } from '@nestjs/common';
import { REQUESTS_ROUTES } from './requests-routes';
import { publishReviewedRequestAnswer } from './sagas/publish-reviewed-request-answer';
import { supplementDeadlineRule } from './supplement-deadline-watch';

/** The requests write side: its commands, publishing reviewed answers, and closing unsupplemented requests. */
@Module({
  imports: [
    ContextServiceModule.register({
      context: CONTEXTS.requests,
      routes: REQUESTS_ROUTES,
      processManagers: (commands) => [publishReviewedRequestAnswer(commands)],
    }),
  ],
  providers: [deadlineWatchHost({ rule: supplementDeadlineRule, name: 'SupplementDeadlineWatch', failure: 'could not close a request without supplement', subjectField: 'requestId' })],
})
export class RequestsServiceModule {}
