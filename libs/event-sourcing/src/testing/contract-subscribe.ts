import type { RecordedEvent } from '../envelope';
import { envelopeText } from '../envelope-text';
import type { EventHandler } from '../event-store';
import { anEvent, idsOf, markPosition, someEvents, uniqueStreamId, waitFor, type StoreUnderTest } from './contract-fixtures';

/** Collects the events of the given streams only: a shared server carries other tests' events too. */
const collectorFor = (...streamIds: string[]) => {
  const received: RecordedEvent[] = [];
  const handler: EventHandler = async (event) => {
    if (streamIds.includes(event.streamId)) received.push(event);
  };
  return { received, handler };
};

export const describeSubscribeContract = (store: StoreUnderTest): void => {
  describe('subscribing to the global log', () => {
    it('catches up from an exclusive position, then delivers new events live, in global order', async () => {
      const [streamId, otherId] = [uniqueStreamId(), uniqueStreamId()];
      await store().appendToStream(streamId, someEvents(3), { expectedRevision: 'no_stream' });
      const [first] = await store().readStream(streamId);
      const { received, handler } = collectorFor(streamId, otherId);
      const subscription = store().subscribeToAll({ fromPosition: first.globalPosition }, handler);

      await waitFor(() => received.length === 2, 'the catch-up');
      await store().appendToStream(otherId, someEvents(1), { expectedRevision: 'no_stream' });
      await store().appendToStream(streamId, someEvents(2), { expectedRevision: 2 });
      await waitFor(() => received.length === 5, 'the live events');
      await subscription.close();

      const expected = (await store().readAll({ fromPosition: first.globalPosition })).filter((event) => [streamId, otherId].includes(event.streamId));
      expect(received).toEqual(expected);
      expect(idsOf(received)).not.toContain(first.id);
      await expect(subscription.done).resolves.toBeUndefined();
    });

    it('gives each delivered event an envelope text (what the relay publishes) that reads back as the event', async () => {
      const before = await markPosition(store());
      const streamId = uniqueStreamId();
      const awkward = { title: '排污许可证 "核发"\n\u2028', nested: { list: [1, -0.5, null, true, { 'key with space': '\\' }] }, empty: {} };
      await store().appendToStream(streamId, [anEvent({ data: awkward }), ...someEvents(1)], { expectedRevision: 'no_stream' });
      const { received, handler } = collectorFor(streamId);
      const subscription = store().subscribeToAll({ fromPosition: before }, handler);
      await waitFor(() => received.length === 2, 'both events');
      await subscription.close();

      for (const event of received) expect(JSON.parse(envelopeText(event))).toEqual(JSON.parse(JSON.stringify(event)));
      expect(JSON.parse(envelopeText(received[0])).data).toEqual(awkward);
    });

    it('awaits the handler before delivering the next event', async () => {
      const before = await markPosition(store());
      const streamId = uniqueStreamId();
      await store().appendToStream(streamId, someEvents(4), { expectedRevision: 'no_stream' });
      let inFlight = 0;
      let mostInFlight = 0;
      const handled: string[] = [];
      const subscription = store().subscribeToAll({ fromPosition: before }, async (event) => {
        if (event.streamId !== streamId) return;
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 15));
        handled.push(event.id);
        inFlight--;
      });
      await waitFor(() => handled.length === 4, 'four handled events');
      await subscription.close();
      expect(mostInFlight).toBe(1);
      expect(handled).toEqual(idsOf(await store().readStream(streamId)));
    });

    it('close() resolves only after the handler in flight has finished, and nothing is delivered after it', async () => {
      const before = await markPosition(store());
      const streamId = uniqueStreamId();
      await store().appendToStream(streamId, someEvents(3), { expectedRevision: 'no_stream' });
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const started: string[] = [];
      const finished: string[] = [];
      const subscription = store().subscribeToAll({ fromPosition: before }, async (event) => {
        if (event.streamId !== streamId) return;
        started.push(event.id);
        await gate;
        finished.push(event.id);
      });
      await waitFor(() => started.length === 1, 'the first delivery');

      let closed = false;
      const closing = subscription.close().then(() => (closed = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(closed).toBe(false);
      release();
      await closing;
      expect(finished).toEqual(started);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(started).toHaveLength(1);
      await expect(subscription.done).resolves.toBeUndefined();
    });

    it('rejects done when the handler throws, and delivers nothing more', async () => {
      const before = await markPosition(store());
      const streamId = uniqueStreamId();
      await store().appendToStream(streamId, someEvents(2), { expectedRevision: 'no_stream' });
      let calls = 0;
      const subscription = store().subscribeToAll({ fromPosition: before }, async (event) => {
        if (event.streamId !== streamId) return;
        calls++;
        throw new Error('the read model refused the event');
      });
      await expect(subscription.done).rejects.toThrow('the read model refused the event');
      expect(calls).toBe(1);
      await expect(subscription.close()).resolves.toBeUndefined();
    });

    it("the store's close() ends its subscriptions", async () => {
      const before = await markPosition(store());
      const subscription = store().subscribeToAll({ fromPosition: before }, async () => undefined);
      await store().close();
      await expect(subscription.done).resolves.toBeUndefined();
    });
  });
};
