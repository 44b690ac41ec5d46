/** A real SQLite event log, written as the platform writes it, for the tampering specifications. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCalendar } from '@gongkai/calendar';
import { type EventToAppend, handleCommand } from '@gongkai/event-sourcing';
import { SqliteEventStore } from '@gongkai/event-sourcing/sqlite';
import { systemActor } from '@gongkai/kernel';
import { CHECKPOINT_ORIGIN, eventLeafHash, integrityLogDecider, rootHash, signCheckpoint, signingKeyFrom } from '@gongkai/oversight/domain';
import Database from 'better-sqlite3';

export const INTEGRITY_STREAM = 'oversight.IntegrityLog-event-log';

const anEvent = (type: string, data: object, actorId = 'demo-window'): EventToAppend => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  occurredAt: '2026-03-02T02:00:00.000Z',
  data,
  metadata: { actor: { id: actorId, roles: ['staff'], agencyCode: '445300', departmentCode: 'SERVICE_WINDOW' }, correlationId: randomUUID(), causationId: null },
});

export interface TamperingLog {
  readonly path: string;
  readonly store: SqliteEventStore;
  /** Streams written, in the order of their first event. */
  readonly guide: string;
  readonly request: string;
  readonly decision: string;
  /** Opens the file as an attacker would, without the store and without its triggers. */
  attacker(): Database.Database;
  close(): Promise<void>;
}

/** Three streams whose events interleave in the log: a service guide, a request and a normative document. */
export const writeLog = async (): Promise<TamperingLog> => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-tampering-'));
  const path = join(dir, 'events.db');
  const store = new SqliteEventStore(path);
  const guide = `services-catalog.ServiceItem-${randomUUID()}`;
  const request = `requests.InformationRequest-${randomUUID()}`;
  const decision = `decisions.NormativeRegister-445300`;
  await store.appendToStream(guide, [anEvent('ServiceItemDrafted', { itemId: 'g', version: 1, guide: { name: '排污许可证核发' } })], { expectedRevision: 'no_stream' });
  await store.appendToStream(request, [anEvent('InformationRequestReceived', { requestId: 'r', receivedOn: '2026-03-02', applicantType: 'NATURAL_PERSON' })], { expectedRevision: 'no_stream' });
  await store.appendToStream(guide, [anEvent('ServiceItemRevised', { itemId: 'g', version: 2, guide: { name: '排污许可证核发（修订）' } })], { expectedRevision: 0 });
  await store.appendToStream(decision, [anEvent('NormativeDocumentRegistered', { documentId: 'd', document: { number: '云环办〔2026〕1号' } }, 'demo-regulations')], { expectedRevision: 'no_stream' });
  await store.appendToStream(request, [anEvent('InformationRequestAnswered', { requestId: 'r', outcome: 'DISCLOSED', answeredOn: '2026-03-20' })], { expectedRevision: 0 });
  await store.appendToStream(guide, [anEvent('ServiceItemPublicationRequested', { itemId: 'g', version: 2 })], { expectedRevision: 1 });
  return {
    path,
    store,
    guide,
    request,
    decision,
    attacker() {
      const db = new Database(path);
      db.exec('DROP TRIGGER IF EXISTS events_are_immutable; DROP TRIGGER IF EXISTS events_are_never_deleted;');
      return db;
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** Records a signed checkpoint of the whole log through the integrity log's decider, as the oversight service does. */
export const recordCheckpoint = async (store: SqliteEventStore): Promise<{ treeSize: number; keyId: string }> => {
  const [previous] = await store.readStream(INTEGRITY_STREAM, { direction: 'backwards', maxCount: 1 });
  const state = previous ? (previous.data as { checkpoint: { treeSize: number }; coveredThroughPosition: number }) : undefined;
  const events = await store.readAll(state ? { fromPosition: state.coveredThroughPosition } : {});
  const all = await store.readAll();
  const leafHashes = events.map((event) => eventLeafHash(event.hash).toString('hex'));
  const checkpoint = signCheckpoint(
    { origin: CHECKPOINT_ORIGIN, treeSize: all.length, rootHash: rootHash(all.map((event) => eventLeafHash(event.hash))).toString('hex'), issuedAt: new Date().toISOString() },
    signingKeyFrom({}).key,
  );
  await handleCommand(
    store,
    integrityLogDecider,
    INTEGRITY_STREAM,
    { type: 'RecordIntegrityCheckpoint', data: { kind: 'DAILY', checkpoint, leafHashes, coveredThroughPosition: all[all.length - 1].globalPosition } },
    { now: new Date(), actor: systemActor('oversight.integrity'), calendar: defaultCalendar(), correlationId: 'checkpoint' },
  );
  return { treeSize: checkpoint.treeSize, keyId: checkpoint.keyId };
};
