import { localDateOf } from '@gongkai/calendar';
import { CONTEXTS } from '@gongkai/contracts';
import { CLOCK, type Clock } from '@gongkai/event-sourcing';
import { CommandGateway, commandOptions, CurrentRequest, decodeCursor, type GatewayContext, InstantValue, LocalDateValue, newAggregateId, pageSize, toPage } from '@gongkai/graphql';
import { notFound, optionalAgency, requireInteger, requireRole } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { DocumentStatus as DomainDocumentStatus } from '@gongkai/decisions/domain';
import { normativeDocumentAsOf, statusDayOf } from '../decisions-point-in-time';
import { NORMATIVE_DOCUMENTS, type NormativeDocumentDocument } from '../normative-register-documents';
import { annualFigureFilters, registerFilter, viewNormativeDocument } from '../normative-register-queries';
import { DocumentStatus } from './decision-enums';
import { NormativeDocument, NormativeDocumentAnnualFigures, NormativeDocumentConnection, NormativeDocumentInput } from './normative-document.types';
import { toNormativeDocument } from './to-register-types';

/** The public register of normative documents (规范性文件目录), kept by the regulations department. */
@Resolver(() => NormativeDocument)
export class NormativeDocumentsResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => NormativeDocumentConnection, {
    description:
      'Public. Statuses are those on asOf (today, Asia/Shanghai, by default); a document expires by its dates alone. asOfInstant: the register as it was shown at that instant (amendments and repeals recorded by then), with statuses on asOf or else on that instant’s day.',
  })
  async normativeDocuments(
    @Args('status', { type: () => DocumentStatus, nullable: true }) status: DomainDocumentStatus | null,
    @Args('asOf', { type: () => LocalDateValue, nullable: true }) asOf: string | null,
    @Args('search', { type: () => String, nullable: true }) search: string | null,
    @Args('agencyCode', { type: () => String, nullable: true }) agencyInput: string | null | undefined,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true }) asOfInstant: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<NormativeDocumentConnection> {
    const agencyCode = optionalAgency('agencyCode', agencyInput);
    const limit = pageSize(first);
    const offset = decodeCursor(after);
    if (asOfInstant) return this.registerAsOf({ status, search, agencyCode }, asOfInstant, statusDayOf(asOfInstant, asOf), offset, limit);
    const day = asOf ?? this.today();
    const filter = registerFilter({ status, asOf: day, search, agencyCode });
    const documents = this.store.collection<NormativeDocumentDocument>(NORMATIVE_DOCUMENTS);
    const [found, totalCount] = await Promise.all([documents.find(filter, { sort: { issuedOn: -1, number: 1 }, skip: offset, limit }), documents.count(filter)]);
    return toPage(found, offset, totalCount, (document) => {
      const view = viewNormativeDocument(document, day);
      return view ? toNormativeDocument(view) : null;
    });
  }

  @Query(() => NormativeDocument, { nullable: true, description: 'One document with its status on asOf; null if it did not exist by then. asOfInstant: as the register showed it at that instant (see normativeDocuments).' })
  async normativeDocument(
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', { type: () => LocalDateValue, nullable: true }) asOf: string | null,
    @Args('asOfInstant', { type: () => InstantValue, nullable: true }) asOfInstant: string | null,
  ): Promise<NormativeDocument | null> {
    const stored = await this.store.collection<NormativeDocumentDocument>(NORMATIVE_DOCUMENTS).findOne({ _id: id });
    const document = stored && asOfInstant ? normativeDocumentAsOf(stored, asOfInstant) : stored;
    const view = document ? viewNormativeDocument(document, asOfInstant ? statusDayOf(asOfInstant, asOf) : (asOf ?? this.today())) : null;
    return view ? toNormativeDocument(view) : null;
  }

  /** The register as shown at `at`: statuses depend on what was recorded by then, so they are judged after reading (the register is hundreds of entries). */
  private async registerAsOf(query: { status: DomainDocumentStatus | null; search: string | null; agencyCode: string | null }, at: string, day: string, offset: number, limit: number): Promise<NormativeDocumentConnection> {
    const filter = { $and: [registerFilter({ search: query.search, agencyCode: query.agencyCode, asOf: day }), { registeredAt: { $lte: at } }] };
    const found = await this.store.collection<NormativeDocumentDocument>(NORMATIVE_DOCUMENTS).find(filter, { sort: { issuedOn: -1, number: 1 } });
    const views = found.flatMap((stored) => {
      const document = normativeDocumentAsOf(stored, at);
      const view = document ? viewNormativeDocument(document, day) : null;
      return view && (!query.status || view.status === query.status) ? [view] : [];
    });
    return toPage(views.slice(offset, offset + limit), offset, views.length, toNormativeDocument);
  }

  @Query(() => NormativeDocumentAnnualFigures, { description: 'Issued, repealed and in force, for the annual report.' })
  async normativeDocumentAnnualFigures(
    @Args('year', { type: () => Int }) year: number,
    @Args('agencyCode', { type: () => String, nullable: true }) agencyCode: string | null | undefined,
  ): Promise<NormativeDocumentAnnualFigures> {
    const filters = annualFigureFilters(requireInteger('year', year, { min: 1, max: 9998 }), optionalAgency('agencyCode', agencyCode));
    const documents = this.store.collection<NormativeDocumentDocument>(NORMATIVE_DOCUMENTS);
    const [issued, repealed, inForce] = await Promise.all([documents.count(filters.issued), documents.count(filters.repealed), documents.count(filters.inForce)]);
    return { year, issued, repealed, inForce };
  }

  @Mutation(() => NormativeDocument, { description: 'Registers a document; validity defaults to 5 years, 2 for interim or trial documents.' })
  async registerNormativeDocument(@CurrentRequest() request: GatewayContext, @Args('input', { type: () => NormativeDocumentInput }) input: NormativeDocumentInput): Promise<NormativeDocument> {
    requireRole(request.actor, 'staff', 'office', 'admin');
    const documentId = newAggregateId(request, 'normative-document');
    const { agencyCode, summary, ...document } = input;
    await this.commands.execute(
      request,
      CONTEXTS.decisions,
      'RegisterNormativeDocument',
      { agencyCode: agencyCode ?? request.actor.agencyCode, documentId, document, summary },
      commandOptions(request),
    );
    return this.current(documentId);
  }

  @Mutation(() => NormativeDocument, { description: 'Records an amendment from its date; the document stays in force as amended.' })
  async amendNormativeDocument(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('amendedOn', { type: () => LocalDateValue }) amendedOn: string,
    @Args('summary', { type: () => String }) summary: string,
  ): Promise<NormativeDocument> {
    const agencyCode = await this.agencyOf(request, id);
    await this.commands.execute(request, CONTEXTS.decisions, 'AmendNormativeDocument', { agencyCode, documentId: id, amendedOn, summary }, commandOptions(request, summary));
    return this.current(id);
  }

  @Mutation(() => NormativeDocument, { description: 'Repeals a document from a date, with the reason shown in the register.' })
  async repealNormativeDocument(
    @CurrentRequest() request: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('repealedOn', { type: () => LocalDateValue }) repealedOn: string,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<NormativeDocument> {
    const agencyCode = await this.agencyOf(request, id);
    await this.commands.execute(request, CONTEXTS.decisions, 'RepealNormativeDocument', { agencyCode, documentId: id, repealedOn, reason }, commandOptions(request, reason));
    return this.current(id);
  }

  /** Today in Asia/Shanghai: the day a status is given for unless the caller names another. */
  private today(): string {
    return localDateOf(this.clock.now());
  }

  /** The register a document is kept in; staff only, so that the public learns nothing by trying. */
  private async agencyOf(request: GatewayContext, id: string): Promise<string> {
    requireRole(request.actor, 'staff', 'office', 'admin');
    const document = await this.store.collection<NormativeDocumentDocument>(NORMATIVE_DOCUMENTS).findOne({ _id: id });
    if (!document) throw notFound('DOCUMENT_NOT_FOUND', `There is no normative document ${id}.`);
    return document.agencyCode;
  }

  private async current(id: string): Promise<NormativeDocument> {
    const document = await this.store.collection<NormativeDocumentDocument>(NORMATIVE_DOCUMENTS).findOne({ _id: id });
    // Today's status; a document registered with a later issue date cannot exist, so this is never null.
    const view = document ? viewNormativeDocument(document, this.today()) : null;
    if (!view) throw notFound('DOCUMENT_NOT_FOUND', `There is no normative document ${id}.`);
    return toNormativeDocument(view);
  }
}
