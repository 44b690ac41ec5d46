import { CONTEXTS } from '@gongkai/contracts';
import { DECISIONS_PROJECTIONS, DecisionsReadModule } from '@gongkai/decisions/read';
import { interpretationsProjections, InterpretationsReadModule } from '@gongkai/interpretations/read';
import { InterpretationsServiceModule } from '@gongkai/interpretations/service';
import { DecisionsServiceModule } from '@gongkai/decisions/service';
import { OVERSIGHT_PROJECTIONS, OversightReadModule } from '@gongkai/oversight/read';
import { OversightServiceModule } from '@gongkai/oversight/service';
import { participationProjections, ParticipationReadModule } from '@gongkai/participation/read';
import { ParticipationServiceModule } from '@gongkai/participation/service';
import type { WorkingDayCalendar } from '@gongkai/kernel';
import type { Projection } from '@gongkai/read-store';
import { requestsProjections, RequestsReadModule } from '@gongkai/requests/read';
import { RequestsServiceModule } from '@gongkai/requests/service';
import { SERVICES_CATALOG_PROJECTIONS, ServicesCatalogReadModule } from '@gongkai/services-catalog/read';
import { ServicesCatalogServiceModule } from '@gongkai/services-catalog/service';
import { SUPERVISION_PROJECTIONS, SupervisionReadModule } from '@gongkai/supervision/read';
import { SupervisionServiceModule } from '@gongkai/supervision/service';
import type { DynamicModule, Type } from '@nestjs/common';

/** Every bounded context's write side, by context name: what a service process runs. */
export const SERVICE_MODULES: Readonly<Record<string, DynamicModule | Type>> = {
  [CONTEXTS.servicesCatalog]: ServicesCatalogServiceModule,
  [CONTEXTS.oversight]: OversightServiceModule,
  [CONTEXTS.requests]: RequestsServiceModule,
  [CONTEXTS.decisions]: DecisionsServiceModule,
  [CONTEXTS.supervision]: SupervisionServiceModule,
  [CONTEXTS.interpretations]: InterpretationsServiceModule,
  [CONTEXTS.participation]: ParticipationServiceModule,
};

/** Every context's GraphQL queries and mutations: what the gateway serves. */
export const READ_MODULES: readonly Type[] = [
  ServicesCatalogReadModule,
  OversightReadModule,
  RequestsReadModule,
  DecisionsReadModule,
  SupervisionReadModule,
  InterpretationsReadModule,
  ParticipationReadModule,
];

/** Every read model of the gateway, from every context; those that derive due dates count on the process's live calendar. */
export const allProjections = (calendar: WorkingDayCalendar): readonly Projection[] => [
  ...SERVICES_CATALOG_PROJECTIONS,
  ...OVERSIGHT_PROJECTIONS,
  ...requestsProjections(calendar),
  ...DECISIONS_PROJECTIONS,
  ...SUPERVISION_PROJECTIONS,
  ...interpretationsProjections(calendar),
  ...participationProjections(calendar),
];
