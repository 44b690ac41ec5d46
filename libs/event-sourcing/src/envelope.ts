import type { Role } from '@gongkai/kernel';

/** Who did it, and why: stored with every event and shown to auditors. */
export interface EventMetadata {
  readonly actor: {
    readonly id: string;
    readonly roles: readonly Role[];
    readonly agencyCode?: string;
    readonly departmentCode?: string;
  };
  readonly correlationId: string;
  /** The id of the event or command that caused this one; null for a user's own act. */
  readonly causationId: string | null;
  /** Free text where the law or the user asks why (a rejection, a retirement, a correction). */
  readonly reason?: string;
  /** The key a caller sent to make a command safe to retry. */
  readonly idempotencyKey?: string;
  /** W3C trace context of the command that wrote the event, so that its consumers continue the trace. */
  readonly traceparent?: string;
}

/** An event as handed to `appendToStream`: the store adds the stream position and the hash chain. */
export interface EventToAppend<Data = unknown> {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  /** UTC ISO-8601 instant. */
  readonly occurredAt: string;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/** The stored event envelope of ARCHITECTURE.md. */
export interface RecordedEvent<Data = unknown> extends EventToAppend<Data> {
  readonly streamId: string;
  /** Position in its stream, counted from 0 as in EventStoreDB. */
  readonly revision: number;
  /** Position in the store's global log; strictly increasing, not necessarily contiguous. */
  readonly globalPosition: number;
  /** The `hash` of the previous event of the same stream; GENESIS_HASH for revision 0. */
  readonly prevHash: string;
  /** SHA-256 (hex) over the canonical envelope and `prevHash`. */
  readonly hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
