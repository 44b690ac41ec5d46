import { WrongExpectedRevisionError } from '../errors';
import type { ExpectedRevision } from '../event-store';
import { verifyStreamChain } from '../hashing';
import { anEvent, idsOf, someEvents, uniqueStreamId, type StoreUnderTest } from './contract-fixtures';

const conflictOf = (streamId: string, expected: ExpectedRevision, actual: number | 'no_stream') =>
  expect.objectContaining({ name: 'WrongExpectedRevisionError', streamId, expected, actual });

export const describeAppendContract = (store: StoreUnderTest): void => {
  describe('appending with an expected revision', () => {
    it("'no_stream' creates the stream with revisions from 0 and reports its last event", async () => {
      const streamId = uniqueStreamId();
      const result = await store().appendToStream(streamId, someEvents(2), { expectedRevision: 'no_stream' });
      const stored = await store().readStream(streamId);
      expect(stored.map((event) => event.revision)).toEqual([0, 1]);
      expect(result).toEqual({ streamId, nextExpectedRevision: 1, position: stored[1].globalPosition, written: true });
    });

    it("'no_stream' fails when the stream has events", async () => {
      const streamId = uniqueStreamId();
      await store().appendToStream(streamId, someEvents(1), { expectedRevision: 'no_stream' });
      const attempt = store().appendToStream(streamId, someEvents(1), { expectedRevision: 'no_stream' });
      await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(attempt).rejects.toEqual(conflictOf(streamId, 'no_stream', 0));
      expect(await store().readStream(streamId)).toHaveLength(1);
    });

    it("'stream_exists' fails on a missing stream and appends to an existing one", async () => {
      const streamId = uniqueStreamId();
      await expect(store().appendToStream(streamId, someEvents(1), { expectedRevision: 'stream_exists' })).rejects.toEqual(
        conflictOf(streamId, 'stream_exists', 'no_stream'),
      );
      expect(await store().readStream(streamId)).toEqual([]);
      await store().appendToStream(streamId, someEvents(1), { expectedRevision: 'no_stream' });
      const result = await store().appendToStream(streamId, someEvents(2), { expectedRevision: 'stream_exists' });
      expect(result).toMatchObject({ nextExpectedRevision: 2, written: true });
    });

    it("an exact revision appends only when it is the revision of the stream's last event", async () => {
      const streamId = uniqueStreamId();
      await expect(store().appendToStream(streamId, someEvents(1), { expectedRevision: 0 })).rejects.toEqual(conflictOf(streamId, 0, 'no_stream'));
      await store().appendToStream(streamId, someEvents(2), { expectedRevision: 'no_stream' });
      await expect(store().appendToStream(streamId, someEvents(1), { expectedRevision: 0 })).rejects.toEqual(conflictOf(streamId, 0, 1));
      await expect(store().appendToStream(streamId, someEvents(1), { expectedRevision: 2 })).rejects.toEqual(conflictOf(streamId, 2, 1));
      const result = await store().appendToStream(streamId, someEvents(1), { expectedRevision: 1 });
      expect(result).toMatchObject({ nextExpectedRevision: 2, written: true });
      expect(await store().readStream(streamId)).toHaveLength(3);
    });

    it("'any' appends to a missing stream and to an existing one", async () => {
      const streamId = uniqueStreamId();
      expect(await store().appendToStream(streamId, someEvents(1), { expectedRevision: 'any' })).toMatchObject({ nextExpectedRevision: 0, written: true });
      expect(await store().appendToStream(streamId, someEvents(2), { expectedRevision: 'any' })).toMatchObject({ nextExpectedRevision: 2, written: true });
    });

    it('appending nothing checks the expectation and writes nothing', async () => {
      const streamId = uniqueStreamId();
      expect(await store().appendToStream(streamId, [], { expectedRevision: 'no_stream' })).toEqual({ streamId, nextExpectedRevision: -1, position: -1, written: false });
      await expect(store().appendToStream(streamId, [], { expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      const written = await store().appendToStream(streamId, someEvents(1), { expectedRevision: 'no_stream' });
      expect(await store().appendToStream(streamId, [], { expectedRevision: 0 })).toEqual({ ...written, written: false });
      expect(await store().appendToStream(streamId, [], { expectedRevision: 'any' })).toEqual({ ...written, written: false });
      await expect(store().appendToStream(streamId, [], { expectedRevision: 'no_stream' })).rejects.toEqual(conflictOf(streamId, 'no_stream', 0));
      await expect(store().appendToStream(streamId, [], { expectedRevision: 3 })).rejects.toEqual(conflictOf(streamId, 3, 0));
      expect(await store().readStream(streamId)).toHaveLength(1);
    });
  });

  describe('retries, recognised by event id as EventStoreDB does', () => {
    it('the same events with the same exact revision succeed without writing', async () => {
      const streamId = uniqueStreamId();
      await store().appendToStream(streamId, someEvents(1), { expectedRevision: 'no_stream' });
      const batch = someEvents(2);
      const first = await store().appendToStream(streamId, batch, { expectedRevision: 0 });
      const retry = await store().appendToStream(streamId, batch, { expectedRevision: 0 });
      expect(retry).toEqual({ ...first, written: false });
      expect(await store().readStream(streamId)).toHaveLength(3);
    });

    it("the same events with 'no_stream' succeed without writing", async () => {
      const streamId = uniqueStreamId();
      const batch = someEvents(2);
      const first = await store().appendToStream(streamId, batch, { expectedRevision: 'no_stream' });
      await store().appendToStream(streamId, someEvents(1), { expectedRevision: 1 });
      expect(await store().appendToStream(streamId, batch, { expectedRevision: 'no_stream' })).toEqual({ ...first, written: false });
      expect(await store().readStream(streamId)).toHaveLength(3);
    });

    it("the same events with 'any' or 'stream_exists' succeed without writing, also after later appends", async () => {
      const streamId = uniqueStreamId();
      await store().appendToStream(streamId, someEvents(1), { expectedRevision: 'any' });
      const batch = someEvents(2);
      const first = await store().appendToStream(streamId, batch, { expectedRevision: 'any' });
      expect(await store().appendToStream(streamId, batch, { expectedRevision: 'any' })).toEqual({ ...first, written: false });
      await store().appendToStream(streamId, someEvents(2), { expectedRevision: 'any' });
      expect(await store().appendToStream(streamId, batch, { expectedRevision: 'any' })).toEqual({ ...first, written: false });
      expect(await store().appendToStream(streamId, batch, { expectedRevision: 'stream_exists' })).toEqual({ ...first, written: false });
      expect(await store().readStream(streamId)).toHaveLength(5);
    });

    it('an expected revision behind the stream succeeds without writing when the events after it match by id', async () => {
      const streamId = uniqueStreamId();
      const [a, b, c] = someEvents(3);
      await store().appendToStream(streamId, [a], { expectedRevision: 'no_stream' });
      await store().appendToStream(streamId, [b, c], { expectedRevision: 0 });
      const stored = await store().readStream(streamId);
      expect(await store().appendToStream(streamId, [b, c], { expectedRevision: 0 })).toEqual({
        streamId,
        nextExpectedRevision: 2,
        position: stored[2].globalPosition,
        written: false,
      });
      expect(await store().appendToStream(streamId, [b], { expectedRevision: 0 })).toEqual({
        streamId,
        nextExpectedRevision: 1,
        position: stored[1].globalPosition,
        written: false,
      });
      expect(await store().appendToStream(streamId, [a, b], { expectedRevision: 'no_stream' })).toMatchObject({ nextExpectedRevision: 1, written: false });
      expect(idsOf(await store().readStream(streamId))).toEqual(idsOf([a, b, c]));
    });

    it('a partial match (the first event stored, a later one not) is a conflict in every mode', async () => {
      const streamId = uniqueStreamId();
      const [a, b, c] = someEvents(3);
      await store().appendToStream(streamId, [a, b, c], { expectedRevision: 'no_stream' });
      const strangerAfter = (first: typeof a) => [first, anEvent()];
      await expect(store().appendToStream(streamId, strangerAfter(b), { expectedRevision: 0 })).rejects.toEqual(conflictOf(streamId, 0, 2));
      await expect(store().appendToStream(streamId, strangerAfter(a), { expectedRevision: 'no_stream' })).rejects.toEqual(conflictOf(streamId, 'no_stream', 2));
      await expect(store().appendToStream(streamId, strangerAfter(b), { expectedRevision: 'any' })).rejects.toEqual(conflictOf(streamId, 'any', 2));
      await expect(store().appendToStream(streamId, [c, anEvent()], { expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(idsOf(await store().readStream(streamId))).toEqual(idsOf([a, b, c]));
    });

    it('an expected revision behind the stream with other events is a conflict', async () => {
      const streamId = uniqueStreamId();
      await store().appendToStream(streamId, someEvents(3), { expectedRevision: 'no_stream' });
      await expect(store().appendToStream(streamId, someEvents(2), { expectedRevision: 0 })).rejects.toEqual(conflictOf(streamId, 0, 2));
      expect(await store().readStream(streamId)).toHaveLength(3);
    });
  });

  describe('concurrent writers', () => {
    it('appends racing with the same expected revision have exactly one winner', async () => {
      const streamId = uniqueStreamId();
      await store().appendToStream(streamId, someEvents(1), { expectedRevision: 'no_stream' });
      const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => store().appendToStream(streamId, someEvents(2), { expectedRevision: 0 })));
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      for (const outcome of outcomes.filter((each) => each.status === 'rejected')) {
        expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
      }
      expect(await store().readStream(streamId)).toHaveLength(3);
    });

    it("racing 'any' appends all land, and the hash chain stays unbroken", async () => {
      const streamId = uniqueStreamId();
      await store().appendToStream(streamId, someEvents(1), { expectedRevision: 'no_stream' });
      await Promise.all(Array.from({ length: 5 }, () => store().appendToStream(streamId, someEvents(1), { expectedRevision: 'any' })));
      const stored = await store().readStream(streamId);
      expect(stored).toHaveLength(6);
      expect(verifyStreamChain(stored)).toEqual({ ok: true });
    });

    it('racing appends to several streams each stand alone: a conflict or bad data fails only its own append', async () => {
      const [taken, fresh, other, bad] = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId(), uniqueStreamId()];
      await store().appendToStream(taken, someEvents(1), { expectedRevision: 'no_stream' });
      const [conflict, first, second, unstorable] = await Promise.allSettled([
        store().appendToStream(taken, someEvents(1), { expectedRevision: 'no_stream' }),
        store().appendToStream(fresh, someEvents(2), { expectedRevision: 'no_stream' }),
        store().appendToStream(other, someEvents(1), { expectedRevision: 'any' }),
        store().appendToStream(bad, [anEvent(), anEvent({ data: { fen: Number.NaN } })], { expectedRevision: 'no_stream' }),
      ]);
      expect(conflict).toEqual({ status: 'rejected', reason: conflictOf(taken, 'no_stream', 0) });
      expect(first).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1, written: true } });
      expect(second).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0, written: true } });
      expect(unstorable).toMatchObject({ status: 'rejected', reason: expect.any(TypeError) });
      expect(await store().readStream(taken)).toHaveLength(1);
      expect(await store().readStream(fresh)).toHaveLength(2);
      expect(await store().readStream(other)).toHaveLength(1);
      expect(await store().readStream(bad)).toEqual([]);
    });

    it('a retry racing its own first attempt is stored once and acknowledged twice', async () => {
      const streamId = uniqueStreamId();
      await store().appendToStream(streamId, someEvents(1), { expectedRevision: 'no_stream' });
      const batch = someEvents(2);
      const outcomes = await Promise.all([0, 0].map((expectedRevision) => store().appendToStream(streamId, batch, { expectedRevision })));
      expect(outcomes.map((outcome) => outcome.written).sort()).toEqual([false, true]);
      expect(outcomes[0].position).toBe(outcomes[1].position);
      expect(idsOf(await store().readStream(streamId, { fromRevision: 1 }))).toEqual(idsOf(batch));
    });
  });

  describe('what is stored', () => {
    it('keeps the envelope as given', async () => {
      const streamId = uniqueStreamId();
      const event = anEvent({
        type: 'CommentSubmitted',
        schemaVersion: 3,
        occurredAt: '2026-02-13T07:59:59.123Z',
        data: { title: '关于环境影响评价的意见', amountFen: 120_000, ratio: 0.25, tags: ['水', 'air'], nested: { empty: [], none: null, yes: true } },
        metadata: {
          actor: { id: 'user-7', roles: ['staff', 'reviewer'], agencyCode: '445302', departmentCode: 'REGULATIONS' },
          correlationId: 'correlation-7',
          causationId: 'event-6',
          reason: '依法补正',
          idempotencyKey: 'key-7',
        },
      });
      await store().appendToStream(streamId, [event], { expectedRevision: 'no_stream' });
      const [stored] = await store().readStream(streamId);
      expect(stored).toEqual({ ...event, streamId, revision: 0, globalPosition: expect.any(Number), prevHash: expect.any(String), hash: expect.any(String) });
    });

    it('refuses data that JSON cannot hold, and writes nothing', async () => {
      const streamId = uniqueStreamId();
      await expect(store().appendToStream(streamId, [anEvent(), anEvent({ data: { fen: Number.NaN } })], { expectedRevision: 'no_stream' })).rejects.toThrow(TypeError);
      expect(await store().readStream(streamId)).toEqual([]);
    });
  });
};
