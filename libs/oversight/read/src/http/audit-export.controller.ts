import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { type TokenService } from '@gongkai/auth';
import { CONTEXTS } from '@gongkai/contracts';
import { CLOCK, type Clock } from '@gongkai/event-sourcing';
import { answering, TOKEN_SERVICE } from '@gongkai/graphql';
import type { Actor } from '@gongkai/kernel';
import { COMMAND_BUS, type CommandBus } from '@gongkai/messaging';
import { READ_STORE, type ReadStore } from '@gongkai/read-store';
import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { personalDataRead } from '../audit/audit-access';
import { type AuditEventDocument, recordedEventOf } from '../audit/audit-index';
import { auditEvents, type AuditFilterInput, auditOrderOf, auditQueryFilter } from '../audit/audit-trail-query';
import { requireAuditReader } from '../oversight-access';
import { actorOfRequest } from './request-actor';

/** Reads of personal data are recorded in batches of this many events while the export streams. */
const RECORD_EVERY = 500;

/**
 * The audit trail as NDJSON, one stored event envelope per line (the format the offline verifier
 * reads): GET /oversight/audit-trail.ndjson with the audit filter as query parameters. Streamed
 * page by page from the audit index, never held whole in memory; reads of applicants' events are
 * recorded as they go out.
 */
@Controller('oversight')
export class AuditExportController {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(TOKEN_SERVICE) private readonly tokens: TokenService,
    @Inject(COMMAND_BUS) private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('audit-trail.ndjson')
  async export(@Query() query: Record<string, string | undefined>, @Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const input: AuditFilterInput = {
      streamId: query['streamId'],
      aggregateType: query['aggregateType'],
      actorId: query['actorId'],
      departmentCode: query['departmentCode'],
      eventType: query['eventType'],
      from: query['from'],
      to: query['to'],
      order: query['order'] ?? 'OLDEST_FIRST',
    };
    const { actor, filter, order } = await answering(async () => {
      const caller = await actorOfRequest(this.tokens, authorization);
      requireAuditReader(caller);
      return { actor: caller, filter: auditQueryFilter(input, caller), order: auditOrderOf(input.order) };
    });
    const lines = this.lines(auditEvents(this.store, filter, order), input, actor);
    await reply.header('content-type', 'application/x-ndjson; charset=utf-8').header('content-disposition', 'attachment; filename="audit-trail.ndjson"').send(Readable.from(lines));
  }

  private async *lines(events: AsyncGenerator<AuditEventDocument>, filter: AuditFilterInput, actor: Actor): AsyncGenerator<string> {
    let batch: AuditEventDocument[] = [];
    const flush = async function* (this: AuditExportController): AsyncGenerator<string> {
      const read = personalDataRead(batch, 'AUDIT_EXPORT', filter, this.clock.now());
      // Recorded before the batch leaves, as the GraphQL trail records before it answers.
      if (read) await this.commands.send({ context: CONTEXTS.oversight, type: 'RecordPersonalDataRead', data: read, metadata: { actor, correlationId: randomUUID() } });
      for (const document of batch) yield `${JSON.stringify(recordedEventOf(document))}\n`;
      batch = [];
    }.bind(this);
    for await (const document of events) {
      batch.push(document);
      if (batch.length >= RECORD_EVERY) yield* flush();
    }
    yield* flush();
  }
}
