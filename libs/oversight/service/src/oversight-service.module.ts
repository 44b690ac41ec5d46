import { CONTEXTS } from '@gongkai/contracts';
import { ContextServiceModule } from '@gongkai/messaging/nest';
import { Module } from '@nestjs/common';
import { OversightScheduleHost } from './oversight-schedule.host';
import { OVERSIGHT_ROUTES } from './oversight-routes';
import { publishReviewedOversightItems } from './sagas/publish-reviewed-oversight-items';
import { reviewGate } from './sagas/review-gate';

/**
 * The oversight write side: the publication review gate (先审查、后公开), the negative and the
 * power lists, responsibilities, reports and inspections, the annual report, the integrity log and
 * the audit of personal-data reads; publishing its own reviewed items; seeding and daily checkpoints.
 */
@Module({
  imports: [
    ContextServiceModule.register({
      context: CONTEXTS.oversight,
      routes: OVERSIGHT_ROUTES,
      processManagers: (commands) => [reviewGate(commands), publishReviewedOversightItems(commands)],
    }),
  ],
  providers: [OversightScheduleHost],
})
export class OversightServiceModule {}
