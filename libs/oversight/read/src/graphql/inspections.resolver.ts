import { localDateOf } from '@gongkai/calendar';
import { CONTEXTS } from '@gongkai/contracts';
import { CLOCK, type Clock } from '@gongkai/event-sourcing';
import { agencyRef, CommandGateway, commandOptions, CurrentActor, CurrentRequest, departmentRef, type GatewayContext, LocalDateValue, newAggregateId } from '@gongkai/graphql';
import { type Actor, notFound, optionalDepartment } from '@gongkai/kernel';
import { requireYear } from '@gongkai/oversight/domain';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type FindingEntry, INSPECTIONS, type InspectionDocument } from '../inspections/inspections.projection';
import { agencyOf, requireInternalReader } from '../oversight-access';
import { InspectionInput, OpenGovernmentInspection } from './inspection.types';
import { FindingStatus } from './oversight-enums';

/** Rectified (on time or late), or still open — and overdue once its deadline has passed. */
export const findingStatus = (finding: FindingEntry, today: string): string => {
  if (finding.rectifiedOn) return finding.rectifiedLate ? 'RECTIFIED_LATE' : 'RECTIFIED';
  return today > finding.rectificationDueOn ? 'OVERDUE' : 'OPEN';
};

/** Inspections (督查) of the open-government work and the rectification of what they found. */
@Resolver(() => OpenGovernmentInspection)
export class InspectionsResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => [OpenGovernmentInspection], { description: 'Inspections, newest first; filter by year, by department with findings, or by finding status.' })
  async inspections(
    @CurrentActor() actor: Actor,
    @Args('year', { type: () => Int, nullable: true }) year: number | null,
    @Args('departmentCode', { type: () => String, nullable: true }) departmentCode: string | null,
    @Args('findingStatus', { type: () => FindingStatus, nullable: true }) status: string | null,
    @Args('agencyCode', { type: () => String, nullable: true }) agencyCode: string | null,
  ): Promise<OpenGovernmentInspection[]> {
    const agency = agencyOf(actor, agencyCode);
    const inYear = year === null || year === undefined ? null : requireYear('year', year);
    const department = optionalDepartment('departmentCode', departmentCode);
    requireInternalReader(actor, agency);
    const filter = { agencyCode: agency, ...(inYear ? { inspectedOn: { $gte: `${inYear}-01-01`, $lte: `${inYear}-12-31` } } : {}), ...(department ? { 'findings.departmentCode': department } : {}) };
    const inspections = await this.store.collection<InspectionDocument>(INSPECTIONS).find(filter, { sort: { inspectedOn: -1, _id: 1 } });
    const today = localDateOf(this.clock.now());
    return inspections.map((i) => this.toInspection(i, today)).filter((i) => !status || i.findings.some((f) => f.status === status));
  }

  @Mutation(() => OpenGovernmentInspection, { description: 'The office records an inspection with its findings and their rectification deadlines.' })
  async recordInspection(@CurrentRequest() request: GatewayContext, @Args('input', { type: () => InspectionInput }) input: InspectionInput): Promise<OpenGovernmentInspection> {
    const inspectionId = newAggregateId(request, 'inspection');
    const { agencyCode, ...inspection } = input;
    await this.commands.execute(request, CONTEXTS.oversight, 'RecordInspection', { inspectionId, agencyCode: agencyOf(request.actor, agencyCode), ...inspection }, commandOptions(request));
    return this.current(inspectionId);
  }

  @Mutation(() => OpenGovernmentInspection, { description: 'The responsible department (or the office) records a finding rectified.' })
  async recordRectification(
    @CurrentRequest() request: GatewayContext,
    @Args('inspectionId', { type: () => ID }) inspectionId: string,
    @Args('findingNumber', { type: () => Int }) findingNumber: number,
    @Args('rectifiedOn', { type: () => LocalDateValue }) rectifiedOn: string,
    @Args('note', { type: () => String }) note: string,
  ): Promise<OpenGovernmentInspection> {
    await this.commands.execute(request, CONTEXTS.oversight, 'RecordRectification', { inspectionId, findingNumber, rectifiedOn, note }, commandOptions(request));
    return this.current(inspectionId);
  }

  private async current(inspectionId: string): Promise<OpenGovernmentInspection> {
    const inspection = await this.store.collection<InspectionDocument>(INSPECTIONS).findOne({ _id: inspectionId });
    if (!inspection) throw notFound('INSPECTION_NOT_FOUND', `There is no inspection ${inspectionId}.`);
    return this.toInspection(inspection, localDateOf(this.clock.now()));
  }

  private toInspection(inspection: InspectionDocument, today: string): OpenGovernmentInspection {
    return {
      id: inspection._id,
      agency: agencyRef(inspection.agencyCode),
      kind: inspection.kind,
      inspectedOn: inspection.inspectedOn,
      subject: inspection.subject,
      findings: inspection.findings.map((f) => ({
        number: f.number,
        description: f.description,
        department: departmentRef(f.departmentCode),
        rectificationDueOn: f.rectificationDueOn,
        rectifiedOn: f.rectifiedOn,
        rectificationNote: f.rectificationNote,
        status: findingStatus(f, today),
      })),
    };
  }
}
