import type { RecordedEvent } from '../envelope';
import { idsOf, markPosition, someEvents, uniqueStreamId, type StoreUnderTest } from './contract-fixtures';

const revisionsOf = (events: readonly RecordedEvent[]): number[] => events.map((event) => event.revision);

export const describeReadContract = (store: StoreUnderTest): void => {
  describe('reading a stream', () => {
    it('reads a missing stream as empty, in both directions', async () => {
      const streamId = uniqueStreamId();
      expect(await store().readStream(streamId)).toEqual([]);
      expect(await store().readStream(streamId, { direction: 'backwards' })).toEqual([]);
    });

    it('reads forwards from a revision, up to a count', async () => {
      const streamId = uniqueStreamId();
      await store().appendToStream(streamId, someEvents(5), { expectedRevision: 'no_stream' });
      expect(revisionsOf(await store().readStream(streamId))).toEqual([0, 1, 2, 3, 4]);
      expect(revisionsOf(await store().readStream(streamId, { fromRevision: 1, maxCount: 2 }))).toEqual([1, 2]);
      expect(revisionsOf(await store().readStream(streamId, { fromRevision: 3 }))).toEqual([3, 4]);
      expect(await store().readStream(streamId, { fromRevision: 10 })).toEqual([]);
      expect(await store().readStream(streamId, { maxCount: 0 })).toEqual([]);
    });

    it('reads backwards from the end or from a revision, up to a count', async () => {
      const streamId = uniqueStreamId();
      await store().appendToStream(streamId, someEvents(5), { expectedRevision: 'no_stream' });
      expect(revisionsOf(await store().readStream(streamId, { direction: 'backwards' }))).toEqual([4, 3, 2, 1, 0]);
      expect(revisionsOf(await store().readStream(streamId, { direction: 'backwards', maxCount: 2 }))).toEqual([4, 3]);
      expect(revisionsOf(await store().readStream(streamId, { direction: 'backwards', fromRevision: 2 }))).toEqual([2, 1, 0]);
      expect(revisionsOf(await store().readStream(streamId, { direction: 'backwards', fromRevision: 2, maxCount: 1 }))).toEqual([2]);
    });
  });

  describe('reading the global log', () => {
    it('returns the events after a position, in the order they were appended, with the positions stream reads show', async () => {
      const before = await markPosition(store());
      const [first, second] = [uniqueStreamId(), uniqueStreamId()];
      await store().appendToStream(first, someEvents(2), { expectedRevision: 'no_stream' });
      await store().appendToStream(second, someEvents(1), { expectedRevision: 'no_stream' });
      await store().appendToStream(first, someEvents(1), { expectedRevision: 1 });
      const expected = [...(await store().readStream(first)).slice(0, 2), ...(await store().readStream(second)), ...(await store().readStream(first)).slice(2)];

      const log = await store().readAll({ fromPosition: before });
      const ours = log.filter((event) => event.streamId === first || event.streamId === second);
      expect(ours).toEqual(expected);
      expect(log.every((event) => event.globalPosition > before)).toBe(true);
      const positions = log.map((event) => event.globalPosition);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(positions).size).toBe(positions.length);
    });

    it('excludes the event at the position it starts from', async () => {
      const streamId = uniqueStreamId();
      await store().appendToStream(streamId, someEvents(2), { expectedRevision: 'no_stream' });
      const [first, second] = await store().readStream(streamId);
      const [next] = await store().readAll({ fromPosition: first.globalPosition, maxCount: 1 });
      expect(next).toEqual(second);
    });

    it('pages with maxCount: page after page, nothing twice and nothing skipped', async () => {
      const before = await markPosition(store());
      const streamId = uniqueStreamId();
      await store().appendToStream(streamId, someEvents(3), { expectedRevision: 'no_stream' });
      await store().appendToStream(streamId, someEvents(2), { expectedRevision: 2 });
      const seen: RecordedEvent[] = [];
      let position = before;
      for (let page = 0; page < 50 && seen.filter((event) => event.streamId === streamId).length < 5; page++) {
        const events = await store().readAll({ fromPosition: position, maxCount: 2 });
        expect(events.length).toBeLessThanOrEqual(2);
        expect(events.length).toBeGreaterThan(0);
        expect(events[0].globalPosition).toBeGreaterThan(position);
        seen.push(...events);
        position = events[events.length - 1].globalPosition;
      }
      expect(idsOf(seen.filter((event) => event.streamId === streamId))).toEqual(idsOf(await store().readStream(streamId)));
      expect(new Set(idsOf(seen)).size).toBe(seen.length);
    });
  });
};
