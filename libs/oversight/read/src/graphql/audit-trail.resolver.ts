import { DEMO_ACCOUNTS } from '@gongkai/auth';
import { CONTEXTS } from '@gongkai/contracts';
import { CLOCK, type Clock } from '@gongkai/event-sourcing';
import { CommandGateway, CurrentRequest, type GatewayContext, pageSize } from '@gongkai/graphql';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { personalDataRead } from '../audit/audit-access';
import type { AuditEventDocument } from '../audit/audit-index';
import { auditShownData } from '../audit/audit-redaction';
import { auditOrderOf, auditPage, auditQueryFilter, decodeAuditCursor, encodeAuditCursor } from '../audit/audit-trail-query';
import { requireAuditReader } from '../oversight-access';
import { AuditEvent, AuditEventConnection, AuditFilter } from './audit.types';

/** Events store the actor's id only; the accounts the platform itself issues also have a username. */
const USERNAMES = new Map(DEMO_ACCOUNTS.map((account) => [account.id, account.username]));

export const toAuditEvent = (document: AuditEventDocument): AuditEvent => ({
  id: document._id,
  type: document.type,
  streamId: document.streamId,
  aggregateType: document.aggregateType,
  revision: document.revision,
  globalPosition: document.globalPosition,
  occurredAt: document.occurredAt,
  actor: {
    id: document.actorId,
    username: USERNAMES.get(document.actorId) ?? document.actorId,
    department: document.departmentCode,
    agencyCode: document.agencyCode,
    roles: [...document.actorRoles],
  },
  reason: document.reason,
  correlationId: document.metadata.correlationId ?? null,
  causationId: document.metadata.causationId ?? null,
  data: JSON.stringify(auditShownData(document.type, document.data)),
  hash: document.hash,
  prevHash: document.prevHash,
});

/** The audit trail (审计): every event of the platform, for auditors and the office; reading personal data through it is itself recorded. */
@Resolver(() => AuditEvent)
export class AuditTrailResolver {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly commands: CommandGateway,
  ) {}

  @Query(() => AuditEventConnection, { description: 'Events filtered by stream, aggregate type, actor, department, type and time, newest or oldest first.' })
  async auditTrail(
    @CurrentRequest() request: GatewayContext,
    @Args('filter', { type: () => AuditFilter }) filter: AuditFilter,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AuditEventConnection> {
    requireAuditReader(request.actor);
    const order = auditOrderOf(filter.order);
    const page = await auditPage(this.store, auditQueryFilter(filter, request.actor), order, pageSize(first), decodeAuditCursor(after));
    const read = personalDataRead(page.documents, 'AUDIT_TRAIL', { ...filter }, this.clock.now());
    // Recorded before the answer leaves: a read that could not be recorded is not answered.
    if (read) await this.commands.execute(request, CONTEXTS.oversight, 'RecordPersonalDataRead', read);
    const edges = page.documents.map((document) => ({ node: toAuditEvent(document), cursor: encodeAuditCursor(document.globalPosition) }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }
}
