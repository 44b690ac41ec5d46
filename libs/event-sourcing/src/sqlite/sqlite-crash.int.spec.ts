import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { verifyStreamChain } from '../hashing';
import { uniqueStreamId } from '../testing/contract-fixtures';
import { SqliteEventStore } from './sqlite-event-store';

const REGISTER = resolve(__dirname, '../../../../tools/register.js');
const WRITER = resolve(__dirname, 'crash-writer.fixture.ts');

/** Starts the writer, waits for `acks` acknowledgements, kills it with SIGKILL; returns the last revision acknowledged. */
const killAfterAcks = (path: string, streamId: string, acks: number): Promise<number> =>
  new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', REGISTER, WRITER, path, streamId], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastAck = -1;
    let buffered = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) lastAck = Number(line.replace('ack ', ''));
      if (lastAck + 1 >= acks) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? done(lastAck) : fail(new Error(`The writer ended by itself: ${errors}`))));
  });

describe('SqliteEventStore after kill -9', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongkai-crash-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('still holds every acknowledged event, and the stream verifies', async () => {
    const path = join(dir, 'events.sqlite');
    const streamId = uniqueStreamId('crash');
    const lastAck = await killAfterAcks(path, streamId, 25);

    const reopened = new SqliteEventStore(path);
    try {
      const events = await reopened.readStream(streamId);
      // Every acknowledged append is there; at most the one in flight at the kill went further.
      expect(events.length).toBeGreaterThanOrEqual(lastAck + 1);
      expect(events.length).toBeLessThanOrEqual(lastAck + 2);
      expect(events.slice(0, lastAck + 1).map((event) => (event.data as { revision: number }).revision)).toEqual(Array.from({ length: lastAck + 1 }, (_, i) => i));
      expect(verifyStreamChain(events)).toEqual({ ok: true });
    } finally {
      await reopened.close();
    }
  }, 60_000);
});
