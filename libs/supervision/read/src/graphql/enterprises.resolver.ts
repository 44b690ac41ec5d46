import { localDateOf } from '@gongkai/calendar';
import { CONTEXTS } from '@gongkai/contracts';
import { CLOCK, type Clock } from '@gongkai/event-sourcing';
import { CommandGateway, commandOptions, CurrentActor, CurrentRequest, type GatewayContext, InstantValue, LocalDateValue, newAggregateId } from '@gongkai/graphql';
import { ANONYMOUS, type Actor, notFound, requireInteger } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { requireCreditCode } from '@gongkai/supervision/domain';
import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DISCLOSURE_SORT, disclosureFilter } from '../disclosure-search';
import { viewDisclosure } from '../disclosure-visibility';
import { blacklistAsOf, viewEnterprise } from '../enterprise-visibility';
import { disclosureFilterAsOf, enterpriseAsOf, viewDisclosureAsOf } from '../supervision-point-in-time';
import { SupervisionQueries } from '../supervision-queries';
import { Disclosure } from './disclosure.types';
import { BlacklistEntry, Enterprise } from './enterprise.types';
import { DisclosureCategory } from './supervision-enums';
import { EnterpriseInput } from './supervision.inputs';
import { toDisclosure, toEnterprise } from './to-supervision-types';

/** A profile lists an enterprise's records newest first; this many at most in one answer. */
const MAX_PROFILE_RECORDS = 1000;

/** Enterprises (监管企业), their profile, the blacklist (环境违法黑名单) and the key monitored list (重点排污单位名录). */
@Resolver(() => Enterprise)
export class EnterprisesResolver {
  private readonly queries: SupervisionQueries;

  constructor(
    @Inject(READ_STORE) store: ReadStore,
    private readonly commands: CommandGateway,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new SupervisionQueries(store);
  }

  @Query(() => Enterprise, {
    nullable: true,
    description: 'One enterprise’s profile; the public knows it once something about it was published. With asOfInstant: what had been disclosed about it by then, whoever asks.',
  })
  async enterprise(
    @CurrentActor() actor: Actor,
    @Args('creditCode', { type: () => String }) creditCode: string,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true, description: 'Point in time: the register changes published by then and the records as then published.' }) asOfInstant: string | null,
  ): Promise<Enterprise | null> {
    const code = requireCreditCode('creditCode', creditCode);
    const view = asOfInstant ? await this.queries.enterpriseAsOf(code, asOfInstant) : await this.queries.enterprise(code, actor);
    return view ? { ...toEnterprise(view), asOfInstant } : null;
  }

  @ResolveField(() => [Disclosure], { description: 'Everything disclosed about the enterprise, current and withdrawn, newest first. In a profile asked asOfInstant: the records then public, each as then published.' })
  async disclosures(
    @Parent() enterprise: Enterprise,
    @CurrentActor() actor: Actor,
    @Args('category', { type: () => DisclosureCategory, nullable: true }) category: string | null,
    @Args('first', { type: () => Int, nullable: true, description: `At most ${MAX_PROFILE_RECORDS}; all up to that by default.` }) first: number | null,
  ): Promise<Disclosure[]> {
    const limit = first === null || first === undefined ? MAX_PROFILE_RECORDS : requireInteger('first', first, { min: 1, max: MAX_PROFILE_RECORDS });
    const at = enterprise.asOfInstant;
    if (at) {
      const then = await this.queries.disclosures.find(disclosureFilterAsOf({ enterpriseCreditCode: enterprise.creditCode, category }, at), { sort: DISCLOSURE_SORT, limit });
      return then.flatMap((document) => viewDisclosureAsOf(document, at) ?? []).map(toDisclosure);
    }
    const filter = disclosureFilter(actor, { enterpriseCreditCode: enterprise.creditCode, category, includeRevoked: true }, await this.queries.incompleteImports());
    const today = this.today();
    const documents = await this.queries.disclosures.find(filter, { sort: DISCLOSURE_SORT, limit });
    return documents.flatMap((document) => {
      const view = viewDisclosure(document, actor, today);
      return view ? [toDisclosure(view)] : [];
    });
  }

  @Query(() => [BlacklistEntry], {
    description:
      'The blacklist on a day (asOf; today by default): enterprises listed then, most recent entries first. With asOfInstant: as the public knew it at that instant (the entries published by then), on asOf or else on that instant’s day.',
  })
  async blacklist(
    @CurrentActor() actor: Actor,
    @Args('asOf', { type: () => LocalDateValue, nullable: true }) asOf: string | null,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true }) asOfInstant: string | null,
  ): Promise<BlacklistEntry[]> {
    const listedEver = await this.queries.enterprises.find({ 'changes.kind': 'BLACKLIST_ENTRY' });
    if (!asOfInstant) return blacklistAsOf(listedEver, actor, asOf ?? this.today());
    return blacklistAsOf(listedEver.map((enterprise) => enterpriseAsOf(enterprise, asOfInstant)), ANONYMOUS, asOf ?? localDateOf(new Date(asOfInstant)));
  }

  @Query(() => [Enterprise], { description: 'The list of key monitored enterprises (重点排污单位名录) of a year. With asOfInstant: the list as the public knew it then.' })
  async keyMonitoredEnterprises(
    @CurrentActor() actor: Actor,
    @Args('year', { type: () => Int }) year: number,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true }) asOfInstant: string | null,
  ): Promise<Enterprise[]> {
    // The list is drawn up for this year or the next (the decider's rule), so no other year can have one.
    requireInteger('year', year, { min: 2000, max: Number(this.today().slice(0, 4)) + 1 });
    const listed = await this.queries.enterprises.find({ changes: { $elemMatch: { kind: 'KEY_MONITORED', year } } }, { sort: { name: 1, _id: 1 } });
    return listed.flatMap((document) => {
      const view = asOfInstant ? viewEnterprise(enterpriseAsOf(document, asOfInstant), ANONYMOUS, false) : viewEnterprise(document, actor, false);
      return view?.keyMonitoredYears.includes(year) ? [{ ...toEnterprise(view), asOfInstant }] : [];
    });
  }

  @Mutation(() => Enterprise, { description: 'Registers an enterprise by its unified social credit code (checked against GB 32100-2015).' })
  async registerEnterprise(@CurrentRequest() request: GatewayContext, @Args('input', { type: () => EnterpriseInput }) input: EnterpriseInput): Promise<Enterprise> {
    const { creditCode, ...enterprise } = input;
    await this.commands.execute(request, CONTEXTS.supervision, 'RegisterEnterprise', { creditCode, enterprise }, commandOptions(request));
    return this.current(creditCode, request.actor);
  }

  @Mutation(() => Enterprise, { description: 'Lists an enterprise on the blacklist from a day, with reason and legal basis; public after review.' })
  async addToBlacklist(
    @CurrentRequest() request: GatewayContext,
    @Args('creditCode', { type: () => String }) creditCode: string,
    @Args('reason', { type: () => String }) reason: string,
    @Args('legalBasis', { type: () => String }) legalBasis: string,
    @Args('on', { type: () => LocalDateValue }) on: string,
  ): Promise<Enterprise> {
    const reviewId = newAggregateId(request, `blacklist-in:${creditCode}`);
    await this.commands.execute(request, CONTEXTS.supervision, 'AddToBlacklist', { creditCode, reason, legalBasis, on, reviewId }, commandOptions(request, reason));
    return this.current(creditCode, request.actor);
  }

  @Mutation(() => Enterprise, { description: 'Takes an enterprise off the blacklist from a day, with the reason; public after review.' })
  async removeFromBlacklist(
    @CurrentRequest() request: GatewayContext,
    @Args('creditCode', { type: () => String }) creditCode: string,
    @Args('reason', { type: () => String }) reason: string,
    @Args('on', { type: () => LocalDateValue }) on: string,
  ): Promise<Enterprise> {
    const reviewId = newAggregateId(request, `blacklist-out:${creditCode}`);
    await this.commands.execute(request, CONTEXTS.supervision, 'RemoveFromBlacklist', { creditCode, reason, on, reviewId }, commandOptions(request, reason));
    return this.current(creditCode, request.actor);
  }

  @Mutation(() => Enterprise, { description: 'Puts an enterprise on the list of key monitored enterprises of a year; public after review.' })
  async listKeyMonitoredEnterprise(
    @CurrentRequest() request: GatewayContext,
    @Args('creditCode', { type: () => String }) creditCode: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<Enterprise> {
    const reviewId = newAggregateId(request, `key-monitored:${creditCode}:${year}`);
    await this.commands.execute(request, CONTEXTS.supervision, 'ListKeyMonitoredEnterprise', { creditCode, year, reviewId }, commandOptions(request));
    return this.current(creditCode, request.actor);
  }

  private today(): string {
    return localDateOf(this.clock.now());
  }

  private async current(creditCode: string, actor: Actor): Promise<Enterprise> {
    const code = requireCreditCode('creditCode', creditCode);
    const view = await this.queries.enterprise(code, actor);
    if (!view) throw notFound('ENTERPRISE_NOT_FOUND', `No enterprise with credit code ${code} is registered.`);
    return toEnterprise(view);
  }
}
