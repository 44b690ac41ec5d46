import { localDateOf } from '@gongkai/calendar';
import { CLOCK, type Clock } from '@gongkai/event-sourcing';
import { CurrentActor } from '@gongkai/graphql';
import type { ObligationStatus as ObligationStatusValue } from '@gongkai/interpretations/domain';
import { type Actor, requireBureauReader } from '@gongkai/kernel';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { POLICY_DOCUMENTS, type PolicyDocumentDocument } from '../interpretation-documents';
import { obligationsFilter, viewObligation } from '../obligation-queries';
import { ObligationStatus } from './interpretation-enums';
import { InterpretationObligation } from './interpretation.types';
import { toObligation } from './to-interpretation-types';

/** More published policy documents than a bureau issues in years; a longer list is narrowed by status. */
const MAX_OBLIGATIONS = 500;

/** The three-working-day rule (最迟不超过3个工作日) as staff and oversight follow it: missing and late interpretations. */
@Resolver(() => InterpretationObligation)
export class InterpretationObligationsResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => [InterpretationObligation], { description: 'Staff and oversight: published policy documents with their interpretation due day, earliest due first.' })
  async interpretationObligations(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => ObligationStatus, nullable: true }) status: ObligationStatusValue | null,
  ): Promise<InterpretationObligation[]> {
    requireBureauReader(actor);
    const today = localDateOf(this.clock.now());
    const documents = await this.store
      .collection<PolicyDocumentDocument>(POLICY_DOCUMENTS)
      .find(obligationsFilter(actor, status, today), { sort: { interpretationDueOn: 1, _id: 1 }, limit: MAX_OBLIGATIONS });
    return documents.flatMap((document) => {
      const view = viewObligation(document, today);
      return view ? [toObligation(view)] : [];
    });
  }
}
