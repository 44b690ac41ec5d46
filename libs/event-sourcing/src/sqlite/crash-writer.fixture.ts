/**
 * Child process of the crash test: appends to the store file given as argument, one event per
 * append, and prints `ack <revision>` only after each append has returned — the moment a service
 * would answer its caller. It never stops by itself; the test kills it with SIGKILL.
 */
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from './sqlite-event-store';

const [path, streamId] = process.argv.slice(2);
const store = new SqliteEventStore(path);

const appendForever = async (): Promise<never> => {
  for (let revision = 0; ; revision++) {
    await store.appendToStream(
      streamId,
      [
        {
          id: randomUUID(),
          type: 'CrashTestWritten',
          schemaVersion: 1,
          occurredAt: new Date().toISOString(),
          data: { revision },
          metadata: { actor: { id: 'system:crash-test', roles: ['system'] }, correlationId: 'crash-test', causationId: null },
        },
      ],
      { expectedRevision: revision === 0 ? 'no_stream' : revision - 1 },
    );
    process.stdout.write(`ack ${revision}\n`);
  }
};

appendForever().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
