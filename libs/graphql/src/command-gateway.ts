import { inSpan, withRequestScope } from '@gongkai/observability';
import { SpanKind } from '@opentelemetry/api';
import { COMMAND_BUS, type CommandBus, type CommandEnvelope, type CommandResult } from '@gongkai/messaging';
import { PROJECTION_RUNNER, type ProjectionRunner, ProjectionTimeoutError } from '@gongkai/read-store';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { GatewayContext } from './request-context';

export interface CommandOptions {
  readonly idempotencyKey?: string;
  readonly reason?: string;
}

/** The caller's idempotency key and, where the law or the user says why, the reason kept with the history. */
export const commandOptions = (request: GatewayContext, reason?: string): CommandOptions => ({
  ...(request.idempotencyKey ? { idempotencyKey: request.idempotencyKey } : {}),
  ...(reason ? { reason } : {}),
});

/** How long a mutation waits for its own write to reach the read models before answering anyway. */
const READ_YOUR_WRITES_TIMEOUT_MS = 5000;

/**
 * Sends a command to its context and waits until the read models have applied what it wrote, so
 * that the mutation's answer (read from the read model) shows the caller's own change.
 */
@Injectable()
export class CommandGateway {
  private readonly logger = new Logger(CommandGateway.name);

  constructor(
    @Inject(COMMAND_BUS) private readonly bus: CommandBus,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
  ) {}

  execute(request: GatewayContext, context: string, type: string, data: object, options: CommandOptions = {}): Promise<CommandResult> {
    // One trace per mutation, continuing the client's when it sent one, handed to the command
    // explicitly: the gateway keeps no async context (startTracing). Where a process keeps one, log
    // lines written meanwhile carry the correlation id.
    return withRequestScope({ correlationId: request.correlationId }, () =>
      inSpan(
        `mutation ${context}.${type}`,
        SpanKind.SERVER,
        { 'gongkai.correlation_id': request.correlationId },
        (continueTrace) => this.sendAndWait(request, { context, type, data, metadata: { actor: request.actor, correlationId: request.correlationId, ...options }, trace: continueTrace() }),
        request.traceHeaders,
      ),
    );
  }

  private async sendAndWait(request: GatewayContext, command: CommandEnvelope<object>): Promise<CommandResult> {
    const result = await this.bus.send(command);
    try {
      await this.projections.waitForStreamRevision(result.streamId, result.revision, READ_YOUR_WRITES_TIMEOUT_MS);
    } catch (error) {
      // The write is durable; only the answer may be stale. Say so to operators, not to the caller.
      if (!(error instanceof ProjectionTimeoutError)) throw error;
      this.logger.warn({ msg: 'read models lag behind a command', streamId: result.streamId, revision: result.revision, correlationId: request.correlationId });
    }
    return result;
  }
}
