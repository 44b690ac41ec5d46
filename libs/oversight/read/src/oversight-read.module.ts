import { CommandGateway } from '@gongkai/graphql';
import { Module } from '@nestjs/common';
import { AuditIndexHost } from './audit/audit-index.host';
import { AnnualReportResolver } from './graphql/annual-report.resolver';
import { AuditTrailResolver } from './graphql/audit-trail.resolver';
import { InspectionsResolver } from './graphql/inspections.resolver';
import { IntegrityResolver } from './graphql/integrity.resolver';
import { NegativeListResolver } from './graphql/negative-list.resolver';
import { PointInTimeResolver } from './graphql/point-in-time.resolver';
import { PowerListResolver } from './graphql/power-list.resolver';
import { PublicationReviewsResolver } from './graphql/publication-reviews.resolver';
import { WorkPlanTasksResolver } from './graphql/work-plan-tasks.resolver';
import { WorkReportsResolver } from './graphql/work-reports.resolver';
import { WorkingDayCalendarResolver } from './graphql/working-day-calendar.resolver';
import { AnnualReportController } from './http/annual-report.controller';
import { AuditExportController } from './http/audit-export.controller';

/**
 * The oversight read side: the review gate's worklist, the negative and power lists,
 * responsibilities, reports and inspections, the annual report (GraphQL, printable page and
 * exports), the audit trail and its export, and the integrity checks.
 */
@Module({
  providers: [
    CommandGateway,
    PublicationReviewsResolver,
    NegativeListResolver,
    PowerListResolver,
    WorkPlanTasksResolver,
    WorkReportsResolver,
    InspectionsResolver,
    AnnualReportResolver,
    AuditTrailResolver,
    IntegrityResolver,
    PointInTimeResolver,
    AuditIndexHost,
    WorkingDayCalendarResolver,
  ],
  controllers: [AnnualReportController, AuditExportController],
})
export class OversightReadModule {}
