import { localDateOf } from '@gongkai/calendar';
import { CONTEXTS } from '@gongkai/contracts';
import { CALENDAR, CLOCK, type Clock } from '@gongkai/event-sourcing';
import { CommandGateway, commandOptions, CurrentActor, CurrentRequest, decodeCursor, type GatewayContext, InstantValue, LocalDateValue, newAggregateId, pageSize, toPage } from '@gongkai/graphql';
import { type Actor, badInput, hasRole, notFound, requireInteger, requireRole, requireText, type WorkingDayCalendar } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { requireCountyCode, requireCreditCode } from '@gongkai/supervision/domain';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { disclosureFilterAsOf, viewDisclosureAsOf } from '../supervision-point-in-time';
import { deadlinesFilter, DISCLOSURE_SORT, disclosureFilter } from '../disclosure-search';
import { viewDisclosure } from '../disclosure-visibility';
import { SupervisionQueries } from '../supervision-queries';
import { Disclosure, DisclosureConnection } from './disclosure.types';
import { JsonValue } from './json.scalar';
import { DisclosureCategory } from './supervision-enums';
import { DisclosureInput } from './supervision.inputs';
import { toDisclosure } from './to-supervision-types';

const STAFF = ['staff', 'office', 'admin'] as const;

/** Disclosure records (监管信息): the public search, and staff recording, correcting and revoking them. */
@Resolver(() => Disclosure)
export class DisclosuresResolver {
  private readonly queries: SupervisionQueries;

  constructor(
    @Inject(READ_STORE) store: ReadStore,
    private readonly commands: CommandGateway,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendar: WorkingDayCalendar,
  ) {
    this.queries = new SupervisionQueries(store);
  }

  @Query(() => DisclosureConnection, { description: 'Search: the public sees published records; staff also their agencies’ drafts.' })
  async disclosures(
    @CurrentActor() actor: Actor,
    @Args('category', { type: () => DisclosureCategory, nullable: true }) category: string | null,
    @Args('enterpriseCreditCode', { type: () => String, nullable: true }) enterpriseCreditCode: string | null,
    @Args('countyCode', { type: () => String, nullable: true }) countyInput: string | null | undefined,
    @Args('from', { type: () => LocalDateValue, nullable: true, description: 'Formed on or after.' }) from: string | null,
    @Args('to', { type: () => LocalDateValue, nullable: true, description: 'Formed on or before.' }) to: string | null,
    @Args('search', { type: () => String, nullable: true, description: 'Words of the title, the enterprise’s name or code, or the details.' }) searchInput: string | null,
    @Args('exceeded', { type: () => Boolean, nullable: true, description: 'Monitoring results above the standard (or within it).' }) exceeded: boolean | null,
    @Args('includeRevoked', { type: () => Boolean, nullable: true }) includeRevoked: boolean | null,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true, description: 'Point in time: the records the public saw then, each in the version then published.' }) asOfInstant: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<DisclosureConnection> {
    const limit = pageSize(first);
    const offset = decodeCursor(after);
    if (from && to && to < from) throw badInput('INVALID_DATE_RANGE', 'to may not be before from.', { field: 'to' });
    const code = enterpriseCreditCode ? requireCreditCode('enterpriseCreditCode', enterpriseCreditCode) : null;
    const search = requireText('search', searchInput, { max: 100, min: 0, optional: true });
    const countyCode = countyInput === undefined || countyInput === null ? null : requireCountyCode('countyCode', countyInput);
    const query = { category, enterpriseCreditCode: code, countyCode, from, to, search, exceeded, includeRevoked };
    if (asOfInstant) return this.pageAsOf(disclosureFilterAsOf(query, asOfInstant), asOfInstant, offset, limit);
    const filter = disclosureFilter(actor, query, await this.queries.incompleteImports());
    return this.page(filter, actor, offset, limit);
  }

  @Query(() => Disclosure, { nullable: true, description: 'One record with its versions; null when it does not exist or is not visible to you. With asOfInstant: the version the public saw then, or null.' })
  async disclosure(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true }) asOfInstant: string | null,
  ): Promise<Disclosure | null> {
    if (asOfInstant) {
      const document = await this.queries.disclosures.findOne({ _id: id });
      const then = document ? viewDisclosureAsOf(document, asOfInstant) : null;
      return then ? toDisclosure(then) : null;
    }
    const view = await this.queries.disclosure(id, actor, this.today());
    return view ? toDisclosure(view) : null;
  }

  @Query(() => DisclosureConnection, { description: 'Staff: records still to be published, overdue or due within the given working days, soonest first.' })
  async disclosureDeadlines(
    @CurrentActor() actor: Actor,
    @Args('withinWorkingDays', { type: () => Int, nullable: true, defaultValue: 5 }) withinWorkingDays: number,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<DisclosureConnection> {
    requireRole(actor, 'staff', 'office', 'admin', 'leader', 'auditor');
    const days = requireInteger('withinWorkingDays', withinWorkingDays, { min: 0, max: 60 });
    const dueBy = this.calendar.addWorkingDays(this.today(), days);
    const filter = deadlinesFilter(actor, dueBy, await this.queries.incompleteImports());
    return this.page(filter, actor, decodeCursor(after), pageSize(first), { 'current.publicationDueOn': 1, _id: 1 });
  }

  @Mutation(() => Disclosure, { description: 'Records a disclosure record as a draft; it is public only once reviewed and published.' })
  async recordDisclosure(@CurrentRequest() request: GatewayContext, @Args('input', { type: () => DisclosureInput }) input: DisclosureInput): Promise<Disclosure> {
    const { actor } = request;
    if (hasRole(actor, ...STAFF) && input.enterpriseCreditCode) {
      const code = requireCreditCode('enterpriseCreditCode', input.enterpriseCreditCode);
      if (!(await this.queries.isRegistered(code))) throw badInput('UNKNOWN_ENTERPRISE', `No enterprise with credit code ${code} is registered.`, { field: 'enterpriseCreditCode' });
    }
    const disclosureId = newAggregateId(request, 'disclosure');
    const { agencyCode, departmentCode, ...content } = input;
    const data = { disclosureId, agencyCode: agencyCode ?? actor.agencyCode, departmentCode: departmentCode ?? actor.departmentCode, ...content };
    await this.commands.execute(request, CONTEXTS.supervision, 'RecordDisclosure', data, commandOptions(request));
    return this.current(disclosureId, actor);
  }

  @Mutation(() => Disclosure, { description: 'A correction (更正): a new version with its reason. Fails with CONFLICT when expectedVersion is not current.' })
  async correctDisclosure(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('details', { type: () => JsonValue }) details: unknown,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<Disclosure> {
    await this.commands.execute(request, CONTEXTS.supervision, 'CorrectDisclosure', { disclosureId: id, expectedVersion, details, reason }, commandOptions(request, reason));
    return this.current(id, request.actor);
  }

  @Mutation(() => Disclosure, { description: 'Withdraws the record (撤回) at once, publishing the reason; for a penalty, within 3 working days of its revocation (APL Art. 48).' })
  async revokeDisclosure(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
    @Args('decisionRevokedOn', { type: () => LocalDateValue, nullable: true, description: 'When the decision itself was revoked; defaults to today.' }) decisionRevokedOn: string | null,
  ): Promise<Disclosure> {
    await this.commands.execute(request, CONTEXTS.supervision, 'RevokeDisclosure', { disclosureId: id, reason, decisionRevokedOn }, commandOptions(request, reason));
    return this.current(id, request.actor);
  }

  @Mutation(() => Disclosure, { description: 'Submits exactly this version for confidentiality review (先审查、后公开).' })
  async requestDisclosurePublication(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
  ): Promise<Disclosure> {
    const reviewId = newAggregateId(request, `review:${id}:${expectedVersion}`);
    await this.commands.execute(request, CONTEXTS.supervision, 'RequestDisclosurePublication', { disclosureId: id, expectedVersion, reviewId }, commandOptions(request));
    return this.current(id, request.actor);
  }

  private async page(filter: Readonly<Record<string, unknown>>, actor: Actor, offset: number, limit: number, sort = DISCLOSURE_SORT): Promise<DisclosureConnection> {
    const today = this.today();
    const [documents, totalCount] = await Promise.all([this.queries.disclosures.find(filter, { sort, skip: offset, limit }), this.queries.disclosures.count(filter)]);
    return toPage(documents, offset, totalCount, (document) => {
      const view = viewDisclosure(document, actor, today);
      return view ? toDisclosure(view) : null;
    });
  }

  /** A page of the records as the public saw them at `at`, whoever asks. */
  private async pageAsOf(filter: Readonly<Record<string, unknown>>, at: string, offset: number, limit: number): Promise<DisclosureConnection> {
    const [documents, totalCount] = await Promise.all([this.queries.disclosures.find(filter, { sort: DISCLOSURE_SORT, skip: offset, limit }), this.queries.disclosures.count(filter)]);
    return toPage(documents, offset, totalCount, (document) => {
      const then = viewDisclosureAsOf(document, at);
      return then ? toDisclosure(then) : null;
    });
  }

  private today(): string {
    return localDateOf(this.clock.now());
  }

  private async current(id: string, actor: Actor): Promise<Disclosure> {
    const view = await this.queries.disclosure(id, actor, this.today());
    if (!view) throw notFound('DISCLOSURE_NOT_FOUND', `There is no disclosure record ${id}.`);
    return toDisclosure(view);
  }
}
