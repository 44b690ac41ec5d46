/**
 * Child process of the crash test: appends to the store file given as argument, one event per
 * append, and prints `ack <stream> <revision>` only after each append has returned — the moment a
 * service would answer its caller. With a writer count above 1, that many writers append at once,
 * each to a stream of its own (`<stream>-<n>`), so that their appends are committed in groups. It
 * never stops by itself; the test kills it with SIGKILL.
 */
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from './sqlite-event-store';

const [path, streamId, writerCount = '1'] = process.argv.slice(2);
const store = new SqliteEventStore(path);
const writers = Number(writerCount);

const appendForever = async (stream: string): Promise<never> => {
  for (let revision = 0; ; revision++) {
    await store.appendToStream(
      stream,
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
    process.stdout.write(`ack ${stream} ${revision}\n`);
  }
};

const streams = writers === 1 ? [streamId] : Array.from({ length: writers }, (_, n) => `${streamId}-${n}`);
Promise.all(streams.map(appendForever)).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
