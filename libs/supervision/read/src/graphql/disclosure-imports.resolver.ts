import { CONTEXTS } from '@gongkai/contracts';
import { CommandGateway, commandOptions, CurrentActor, CurrentRequest, type GatewayContext, newAggregateId } from '@gongkai/graphql';
import { type Actor, notFound, seesInternals } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { internalAgencies } from '../bureau-readers';
import { SupervisionQueries } from '../supervision-queries';
import { DisclosureImport } from './disclosure-import.types';
import { DisclosureImportStatus } from './supervision-enums';
import { toDisclosureImport } from './to-supervision-types';

/** Bulk imports (批量导入), for the staff who ran them: the file is uploaded over HTTP, followed and submitted here. */
@Resolver(() => DisclosureImport)
export class DisclosureImportsResolver {
  private readonly queries: SupervisionQueries;

  constructor(
    @Inject(READ_STORE) store: ReadStore,
    private readonly commands: CommandGateway,
  ) {
    this.queries = new SupervisionQueries(store);
  }

  @Query(() => DisclosureImport, { nullable: true, description: 'One import; null when it does not exist or is outside your agencies.' })
  async disclosureImport(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<DisclosureImport | null> {
    const document = await this.queries.imports.findOne({ _id: id });
    return document && seesInternals(actor, document.agencyCode) ? toDisclosureImport(document) : null;
  }

  @Query(() => [DisclosureImport], { description: 'Imports of your agencies, newest first.' })
  async disclosureImports(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => DisclosureImportStatus, nullable: true }) status: string | null,
  ): Promise<DisclosureImport[]> {
    const agencies = internalAgencies(actor);
    const filter = { $and: [...(agencies ? [agencies] : []), ...(status ? [{ status }] : [])] };
    return (await this.queries.imports.find(filter, { sort: { startedAt: -1, _id: 1 }, limit: 100 })).map(toDisclosureImport);
  }

  @Mutation(() => DisclosureImport, { description: 'Submits the whole import for one confidentiality review (先审查、后公开); again after a rejection.' })
  async requestDisclosureImportPublication(@CurrentRequest() request: GatewayContext, @Args('id', { type: () => ID }) id: string): Promise<DisclosureImport> {
    const reviewId = newAggregateId(request, `review:${id}`);
    await this.commands.execute(request, CONTEXTS.supervision, 'RequestDisclosureImportPublication', { importId: id, reviewId }, commandOptions(request));
    const document = await this.queries.imports.findOne({ _id: id });
    if (!document) throw notFound('IMPORT_NOT_FOUND', `There is no import ${id}.`);
    return toDisclosureImport(document);
  }
}
