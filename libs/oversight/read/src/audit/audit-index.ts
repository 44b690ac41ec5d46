import { CONTEXTS } from '@gongkai/contracts';
import type { EventMetadata, RecordedEvent } from '@gongkai/event-sourcing';
import type { EventConsumer } from '@gongkai/messaging';
import type { ReadDocument, ReadStore } from '@gongkai/read-store';

export const AUDIT_EVENTS = 'oversight_audit_events';
const CHECKPOINT = 'oversight.audit-index';

/**
 * The audit index (审计): every event of the platform, whatever its context, with who did it, for
 * which department, when, why, and its hashes — so that the audit trail works in both runtimes
 * (the gateway of the distributed runtime has no event store, only the events the relays publish).
 */
export interface AuditEventDocument extends ReadDocument {
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly context: string;
  readonly aggregateType: string;
  readonly revision: number;
  readonly globalPosition: number;
  readonly occurredAt: string;
  readonly actorId: string;
  readonly actorRoles: readonly string[];
  readonly agencyCode: string | null;
  readonly departmentCode: string | null;
  readonly reason: string | null;
  readonly metadata: EventMetadata;
  readonly data: unknown;
  readonly hash: string;
  readonly prevHash: string;
  /** Events of the requests context concern applicants (even sealed, their data is personal): reading them is audited. */
  readonly personalData: boolean;
}

/** `<context>.<Aggregate>-<id>` → context and aggregate type. */
export const streamParts = (streamId: string): { context: string; aggregateType: string } => {
  const dot = streamId.indexOf('.');
  const rest = streamId.slice(dot + 1);
  const dash = rest.indexOf('-');
  return { context: streamId.slice(0, dot), aggregateType: dash < 0 ? rest : rest.slice(0, dash) };
};

export const auditDocumentOf = (event: RecordedEvent): AuditEventDocument => {
  const { context, aggregateType } = streamParts(event.streamId);
  const { actor } = event.metadata;
  return {
    _id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    context,
    aggregateType,
    revision: event.revision,
    globalPosition: event.globalPosition,
    occurredAt: event.occurredAt,
    actorId: actor.id,
    actorRoles: actor.roles,
    agencyCode: actor.agencyCode ?? null,
    departmentCode: actor.departmentCode ?? null,
    reason: event.metadata.reason ?? null,
    metadata: event.metadata,
    data: event.data,
    hash: event.hash,
    prevHash: event.prevHash,
    personalData: context === CONTEXTS.requests,
  };
};

/** The stored event as it was, for verifying hashes and exporting the log. */
export const recordedEventOf = (document: AuditEventDocument): RecordedEvent => ({
  id: document._id,
  type: document.type,
  schemaVersion: document.schemaVersion,
  streamId: document.streamId,
  revision: document.revision,
  globalPosition: document.globalPosition,
  occurredAt: document.occurredAt,
  data: document.data,
  metadata: document.metadata,
  prevHash: document.prevHash,
  hash: document.hash,
});

export const AUDIT_INDEXES = [
  { keys: { globalPosition: 1 } },
  { keys: { streamId: 1, revision: 1 } },
  { keys: { actorId: 1, globalPosition: 1 } },
  { keys: { type: 1, globalPosition: 1 } },
  { keys: { aggregateType: 1, globalPosition: 1 } },
  { keys: { departmentCode: 1, globalPosition: 1 } },
] as const;

/**
 * Fed by the event bus rather than the projection runner, because it takes every event of every
 * type, including types it has never heard of. Writing by event id makes a redelivery harmless; the
 * checkpoint lives beside the documents, as a read model's does.
 */
export const auditIndexConsumer = (store: ReadStore, durableName: string): EventConsumer => ({
  durableName,
  checkpoint: { load: () => store.loadCheckpoint(CHECKPOINT), save: (position) => store.saveCheckpoint(CHECKPOINT, position) },
  async handle(event: RecordedEvent) {
    const document = auditDocumentOf(event);
    await store.collection<AuditEventDocument>(AUDIT_EVENTS).replaceOne({ _id: document._id }, document, { upsert: true });
  },
});

export const declareAuditIndexes = async (store: ReadStore): Promise<void> => {
  for (const index of AUDIT_INDEXES) await store.collection(AUDIT_EVENTS).createIndex(index);
};
