import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { verifyStreamChain } from '../hashing';
import { uniqueStreamId } from '../testing/contract-fixtures';
import { SqliteEventStore } from './sqlite-event-store';

const REGISTER = resolve(__dirname, '../../../../tools/register.js');
const WRITER = resolve(__dirname, 'crash-writer.fixture.ts');

/**
 * Starts the writer with `writers` concurrent writers, waits for `acks` acknowledgements in all,
 * kills it with SIGKILL; returns the last revision acknowledged per stream.
 */
const killAfterAcks = (path: string, streamId: string, acks: number, writers = 1): Promise<Map<string, number>> =>
  new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', REGISTER, WRITER, path, streamId, String(writers)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lastAcks = new Map<string, number>();
    let count = 0;
    let buffered = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [, stream, revision] = line.split(' ');
        lastAcks.set(stream, Number(revision));
        count++;
      }
      if (count >= acks) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? done(lastAcks) : fail(new Error(`The writer ended by itself: ${errors}`))));
  });

describe('SqliteEventStore after kill -9', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongkai-crash-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const expectEveryAcknowledgedEvent = async (path: string, lastAcks: Map<string, number>): Promise<void> => {
    const reopened = new SqliteEventStore(path);
    try {
      for (const [streamId, lastAck] of lastAcks) {
        const events = await reopened.readStream(streamId);
        // Every acknowledged append is there; at most the one in flight at the kill went further.
        expect(events.length).toBeGreaterThanOrEqual(lastAck + 1);
        expect(events.length).toBeLessThanOrEqual(lastAck + 2);
        expect(events.slice(0, lastAck + 1).map((event) => (event.data as { revision: number }).revision)).toEqual(Array.from({ length: lastAck + 1 }, (_, i) => i));
        expect(verifyStreamChain(events)).toEqual({ ok: true });
      }
    } finally {
      await reopened.close();
    }
  };

  it('still holds every acknowledged event, and the stream verifies', async () => {
    const path = join(dir, 'events.sqlite');
    const streamId = uniqueStreamId('crash');
    const lastAcks = await killAfterAcks(path, streamId, 25);
    expect([...lastAcks.keys()]).toEqual([streamId]);
    await expectEveryAcknowledgedEvent(path, lastAcks);
  }, 60_000);

  it('still holds every acknowledged event when appends were committed in groups', async () => {
    const path = join(dir, 'events.sqlite');
    const lastAcks = await killAfterAcks(path, uniqueStreamId('crash'), 400, 16);
    expect(lastAcks.size).toBe(16);
    await expectEveryAcknowledgedEvent(path, lastAcks);
  }, 60_000);
});
