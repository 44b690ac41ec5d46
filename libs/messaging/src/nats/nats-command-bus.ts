import { inSpan, withRequestScope } from '@gongkai/observability';
import { SpanKind } from '@opentelemetry/api';
import { badInput, DomainError } from '@gongkai/kernel';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import type { CommandBus, CommandEnvelope, CommandErrorReply, CommandHandlerFn, CommandReply, CommandResult } from '../command-bus';
import { decodeCommand, decodeReply, encodeCommand, encodeReply } from './command-wire';
import { watchStatus, type StatusWatch } from './connection';
import { requestInboxOf, type RequestInbox, type RequestOutcome } from './request-inbox';
import { commandWildcard, isSubjectToken } from './subjects';

export interface NatsCommandBusOptions {
  /** How long `send` waits for the reply (ms); 5 s by default. */
  readonly timeoutMs?: number;
  /** How long `close` waits for the server while unsubscribing and flushing replies (ms). */
  readonly closeTimeoutMs?: number;
  /** Told what the sender is not: a handler's unexpected error, a command nobody can answer. */
  readonly onError?: (message: string, facts: Record<string, unknown>) => void;
}

/** The W3C trace-context headers (traceparent, tracestate). */
const TRACE_HEADERS = ['traceparent', 'tracestate'];

const unavailable = (rule: string, message: string, context: string): DomainError => new DomainError('SERVICE_UNAVAILABLE', rule, message, { context });

/**
 * Commands over NATS request-reply. Each context's replicas subscribe to `commands.<context>.>` in
 * the queue group `<context>`, so that NATS hands every command to exactly one replica. Errors
 * travel back as data (CommandReply) and are thrown again on the sender's side, so that callers
 * cannot tell this transport from the in-process one.
 */
export class NatsCommandBus implements CommandBus {
  private readonly timeoutMs: number;
  private readonly closeTimeoutMs: number;
  private readonly served = new Map<string, Subscription>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly statusWatch: StatusWatch;
  private readonly inbox: RequestInbox;
  /** Known from the connection's status events: while it is down, waiting out the timeout helps nobody. */
  private connected = true;
  private closed = false;

  constructor(
    private readonly connection: NatsConnection,
    private readonly options: NatsCommandBusOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.closeTimeoutMs = options.closeTimeoutMs ?? 5_000;
    this.inbox = requestInboxOf(connection);
    this.statusWatch = watchStatus(connection, (status) => {
      if (status.type === 'disconnect') this.connected = false;
      if (status.type === 'reconnect') this.connected = true;
    });
  }

  async send(command: CommandEnvelope): Promise<CommandResult> {
    const { context } = command;
    if (!isSubjectToken(context) || !isSubjectToken(command.type)) {
      throw badInput('INVALID_COMMAND_ADDRESS', 'A command needs a context and a type without dots, wildcards or spaces.', { context, type: command.type });
    }
    // Not sending at all beats a request the client would buffer and deliver after the reconnect,
    // long after the caller gave up on it.
    if (!this.connected || this.connection.isClosed()) {
      throw unavailable('NOT_CONNECTED', `${context} cannot be reached: the connection to NATS is down. Try again shortly.`, context);
    }
    const attributes = { 'messaging.system': 'nats', 'gongkai.correlation_id': command.metadata.correlationId };
    return inSpan(`command ${context}.${command.type}`, SpanKind.CLIENT, attributes, async (continueTrace) => {
      const { subject, payload, headers } = encodeCommand(command);
      // W3C trace context rides along, so that the service's span continues this trace.
      for (const [name, value] of Object.entries(continueTrace())) headers.set(name, value);
      const outcome = await this.inbox.request(subject, payload, { timeoutMs: this.timeoutMs, headers });
      if (outcome.kind !== 'answered') throw this.unreachable(context, outcome);
      return decodeReply(outcome.msg.string(), context);
    }, command.trace);
  }

  async serve(context: string, handler: CommandHandlerFn): Promise<void> {
    if (this.closed) throw new Error('This command bus is closed.');
    if (!isSubjectToken(context)) throw new Error(`${context} cannot be a subject token.`);
    if (this.served.has(context)) throw new Error(`A handler for ${context} is already registered.`);
    const subscription = this.connection.subscribe(commandWildcard(context), {
      queue: context,
      // A callback, not an iterator: each command runs as soon as it arrives, so that one slow
      // command does not hold up the ones behind it.
      callback: (error, msg) => {
        if (error) {
          this.report('command subscription failed', { context, error: String(error) });
          return;
        }
        this.track(this.answer(context, handler, msg));
      },
    });
    this.served.set(context, subscription);
    // The server knows the subscription once the flush returns: a send right after serve finds it.
    await this.connection.flush();
  }

  /**
   * Stops taking commands, lets the ones in flight reply, then resolves. The connection stays open
   * (it belongs to the caller), and `send` keeps working: a handler finishing during the drain may
   * still need to send.
   */
  async close(): Promise<void> {
    this.closed = true;
    const subscriptions = [...this.served.values()];
    this.served.clear();
    // drain() unsubscribes and still runs the callback for commands already received.
    await Promise.all(subscriptions.map((subscription) => this.bounded(subscription.drain())));
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
    if (!this.connection.isClosed()) await this.bounded(this.connection.flush());
    this.statusWatch.stop();
  }

  private async answer(context: string, handler: CommandHandlerFn, msg: Msg): Promise<void> {
    if (!msg.reply) {
      this.report('command without a reply subject ignored', { context, subject: msg.subject });
      return;
    }
    let reply: CommandReply;
    try {
      const command = decodeCommand(msg, context);
      const incoming = Object.fromEntries(TRACE_HEADERS.filter((name) => msg.headers?.has(name)).map((name) => [name, msg.headers?.get(name) ?? '']));
      const result = await withRequestScope({ correlationId: command.metadata.correlationId }, () =>
        inSpan(`handle ${context}.${command.type}`, SpanKind.SERVER, { 'messaging.system': 'nats', 'gongkai.correlation_id': command.metadata.correlationId }, () => handler(command), incoming),
      );
      reply = { ok: true, result };
    } catch (error) {
      reply = { ok: false, error: this.errorReply(context, msg.subject, error) };
    }
    try {
      msg.respond(encodeReply(reply));
    } catch (error) {
      // The connection closed under us: the sender times out and may retry with its idempotency key.
      this.report('command reply could not be sent', { context, subject: msg.subject, error: String(error) });
    }
  }

  private errorReply(context: string, subject: string, error: unknown): CommandErrorReply {
    if (error instanceof DomainError) return { code: error.code, rule: error.rule, message: error.message, details: error.details };
    // Anything else is a bug or an outage on this side: the sender learns that, not our internals.
    this.report('command handler failed', { context, subject, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return { code: 'SERVICE_UNAVAILABLE', rule: 'COMMAND_FAILED', message: `${context} could not complete the command. Try again later.` };
  }

  private unreachable(context: string, outcome: Exclude<RequestOutcome, { kind: 'answered' }>): DomainError {
    switch (outcome.kind) {
      case 'timed-out':
        return unavailable('COMMAND_TIMEOUT', `${context} did not answer within ${this.timeoutMs} ms. The command may still take effect; retry with the same idempotency key.`, context);
      case 'no-responders':
        return unavailable('NO_RESPONDERS', `${context} is not running: no instance of it answers commands.`, context);
      case 'failed':
        return unavailable('NOT_CONNECTED', `${context} cannot be reached: ${outcome.reason}.`, context);
    }
  }

  private track(work: Promise<void>): void {
    const settled = work.catch((error: unknown) => this.report('command answer failed', { error: String(error) }));
    this.inFlight.add(settled);
    void settled.finally(() => this.inFlight.delete(settled));
  }

  /** A failing log hook must not turn into an unanswered command. */
  private report(message: string, facts: Record<string, unknown>): void {
    try {
      this.options.onError?.(message, facts);
    } catch {
      // nothing better to do with it
    }
  }

  /** A disconnected server must not hold up shutdown: unsubscribing and flushing get a deadline. */
  private async bounded(work: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.closeTimeoutMs);
    });
    try {
      await Promise.race([work.catch(() => undefined), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
