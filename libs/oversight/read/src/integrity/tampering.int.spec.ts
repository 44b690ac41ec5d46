import { computeEventHash, verifyStreamChain } from '@gongkai/event-sourcing';
import { verifyLog } from './log-verification';
import { recordCheckpoint, type TamperingLog, writeLog } from './tampering.fixtures';

/**
 * An attacker with write access to the SQLite file drops the triggers that refuse UPDATE and
 * DELETE, then changes one byte, removes an event, or swaps two. Each is detected, and located.
 */
describe('Tampering with a stored event log', () => {
  let log: TamperingLog;
  const positionOf = async (streamId: string, revision: number) => (await log.store.readStream(streamId, { fromRevision: revision, maxCount: 1 }))[0].globalPosition;
  const verify = async () => verifyLog(await log.store.readAll());

  beforeEach(async () => {
    log = await writeLog();
  });

  afterEach(async () => {
    await log.close();
  });

  it('finds nothing wrong with a log nobody touched, before and after checkpoints', async () => {
    expect(await verify()).toMatchObject({ valid: true, eventsChecked: 6, checkpointsChecked: 0 });
    await recordCheckpoint(log.store);
    await recordCheckpoint(log.store);
    expect(await verify()).toMatchObject({ valid: true, checkpointsChecked: 2, problems: [] });
  });

  it('locates one byte changed in an event', async () => {
    await recordCheckpoint(log.store);
    const position = await positionOf(log.guide, 1);
    const attacker = log.attacker();
    const { data } = attacker.prepare<[number], { data: string }>('SELECT data FROM events WHERE global_position = ?').get(position)!;
    const edited = data.replace('"version":2', '"version":3');
    expect(Buffer.compare(Buffer.from(edited), Buffer.from(data))).not.toBe(0);
    expect([...Buffer.from(edited)].filter((byte, i) => byte !== Buffer.from(data)[i])).toHaveLength(1);
    attacker.prepare('UPDATE events SET data = ? WHERE global_position = ?').run(edited, position);
    attacker.close();

    expect(verifyStreamChain(await log.store.readStream(log.guide))).toEqual({ ok: false, revision: 1, problem: 'HASH_MISMATCH' });
    const result = await verify();
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'EVENT_ALTERED', streamId: log.guide, revision: 1, globalPosition: position, leafIndex: 2 })]);
  });

  it('locates an event removed from the middle of a stream', async () => {
    await recordCheckpoint(log.store);
    const position = await positionOf(log.guide, 1);
    const attacker = log.attacker();
    attacker.prepare('DELETE FROM events WHERE global_position = ?').run(position);
    attacker.close();

    expect(verifyStreamChain(await log.store.readStream(log.guide))).toEqual({ ok: false, revision: 2, problem: 'REVISION_GAP' });
    const { problems } = await verify();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'EVENT_MISSING', streamId: log.guide, revision: 1 }),
        expect.objectContaining({ kind: 'CHECKPOINT_MISMATCH' }),
        expect.objectContaining({ kind: 'EVENT_REMOVED', leafIndex: 2 }),
      ]),
    );
    expect(problems.filter((p) => p.kind === 'EVENT_MOVED')).toEqual([]);
  });

  it('locates the last event of a stream removed, which no hash chain can see, by the checkpoint', async () => {
    await recordCheckpoint(log.store);
    const position = await positionOf(log.request, 1);
    const attacker = log.attacker();
    attacker.prepare('DELETE FROM events WHERE global_position = ?').run(position);
    attacker.close();

    expect(verifyStreamChain(await log.store.readStream(log.request))).toEqual({ ok: true });
    const { problems } = await verify();
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'CHECKPOINT_MISMATCH' }),
      expect.objectContaining({ kind: 'EVENT_REMOVED', leafIndex: 4, detail: expect.stringContaining(`followed global position ${position - 1}`) }),
    ]);
  });

  it('locates two events of different streams swapped in the log, which no hash chain can see', async () => {
    await recordCheckpoint(log.store);
    const [first, second] = [await positionOf(log.request, 0), await positionOf(log.guide, 1)];
    const attacker = log.attacker();
    const move = attacker.prepare('UPDATE events SET global_position = ? WHERE global_position = ?');
    attacker.transaction(() => {
      move.run(-1, first);
      move.run(first, second);
      move.run(second, -1);
    })();
    attacker.close();

    expect(verifyStreamChain(await log.store.readStream(log.request))).toEqual({ ok: true });
    expect(verifyStreamChain(await log.store.readStream(log.guide))).toEqual({ ok: true });
    const { problems } = await verify();
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'CHECKPOINT_MISMATCH' }),
      expect.objectContaining({ kind: 'EVENT_MOVED', leafIndex: 1, streamId: log.guide, revision: 1, globalPosition: first }),
      expect.objectContaining({ kind: 'EVENT_MOVED', leafIndex: 2, streamId: log.request, revision: 0, globalPosition: second }),
    ]);
  });

  it('locates two events of one stream swapped, even before any checkpoint', async () => {
    const [first, second] = [await positionOf(log.guide, 0), await positionOf(log.guide, 1)];
    const attacker = log.attacker();
    const move = attacker.prepare('UPDATE events SET global_position = ? WHERE global_position = ?');
    attacker.transaction(() => {
      move.run(-1, first);
      move.run(first, second);
      move.run(second, -1);
    })();
    attacker.close();

    const { problems } = await verify();
    expect(problems).toEqual([expect.objectContaining({ kind: 'REORDERED', streamId: log.guide, revision: 1, globalPosition: first })]);
  });

  it('locates an event rewritten with a new hash and a relinked chain, by the checkpoint’s recorded leaves', async () => {
    await recordCheckpoint(log.store);
    const position = await positionOf(log.decision, 0);
    const attacker = log.attacker();
    // A careful attacker recomputes the hash, and this event is the stream's only one: the chain holds.
    const [event] = await log.store.readStream(log.decision);
    const forged = { ...event, data: { ...(event.data as object), documentId: 'forged' } };
    attacker.prepare('UPDATE events SET data = ?, hash = ? WHERE global_position = ?').run(JSON.stringify(forged.data), computeEventHash(forged), position);
    attacker.close();

    expect(verifyStreamChain(await log.store.readStream(log.decision))).toEqual({ ok: true });
    const { problems } = await verify();
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'CHECKPOINT_MISMATCH' }),
      expect.objectContaining({ kind: 'EVENT_REPLACED', leafIndex: 3, streamId: log.decision, revision: 0, globalPosition: position }),
    ]);
  });

  it('refuses checkpoints whose key the verifier does not trust', async () => {
    const { keyId } = await recordCheckpoint(log.store);
    expect(verifyLog(await log.store.readAll(), { trustedKeyIds: [keyId] }).valid).toBe(true);
    expect(verifyLog(await log.store.readAll(), { trustedKeyIds: ['0000000000000000'] }).problems).toEqual([expect.objectContaining({ kind: 'CHECKPOINT_SIGNATURE_INVALID' })]);
  });
});
