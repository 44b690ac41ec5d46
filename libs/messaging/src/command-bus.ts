import type { Actor, ErrorCode } from '@gongkai/kernel';
import type { TraceHeaders } from '@gongkai/observability';

/**
 * A command on its way to the context that owns it. The same envelope travels in-process or over
 * NATS (request-reply on the context's queue group), so nothing above the port changes between runtimes.
 */
export interface CommandEnvelope<Data = unknown> {
  /** The owning context, e.g. `services-catalog`: the subject is `commands.<context>.<type>`. */
  readonly context: string;
  readonly type: string;
  readonly data: Data;
  readonly metadata: CommandMetadata;
  /**
   * The sender's trace, where the sender hands it on explicitly (the gateway keeps no async
   * context); without it the command continues the active trace.
   */
  readonly trace?: TraceHeaders;
}

export interface CommandMetadata {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string;
  /** Makes a retried command (a redelivery, a double click) take effect once. */
  readonly idempotencyKey?: string;
  readonly reason?: string;
}

/** What the owning context wrote. */
export interface CommandResult {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
}

export interface CommandErrorReply {
  readonly code: ErrorCode;
  readonly rule: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** A transport's reply: errors travel as data and are thrown again on the sender's side. */
export type CommandReply = { readonly ok: true; readonly result: CommandResult } | { readonly ok: false; readonly error: CommandErrorReply };

export type CommandHandlerFn = (command: CommandEnvelope) => Promise<CommandResult>;

export interface CommandBus {
  /** Sends and awaits the reply; throws the context's DomainError, or SERVICE_UNAVAILABLE on timeout. */
  send(command: CommandEnvelope): Promise<CommandResult>;
  /** Serves every command of a context; one handler per context per process. */
  serve(context: string, handler: CommandHandlerFn): Promise<void>;
  close(): Promise<void>;
}
