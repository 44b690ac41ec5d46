import { GENESIS_HASH } from '../envelope';
import { computeEventHash, verifyStreamChain } from '../hashing';
import { someEvents, uniqueStreamId, type StoreUnderTest } from './contract-fixtures';

export const describeIntegrityContract = (store: StoreUnderTest): void => {
  describe('hash chain', () => {
    it('links each event to the one before across appends, and the stream verifies', async () => {
      const streamId = uniqueStreamId();
      await store().appendToStream(streamId, someEvents(2), { expectedRevision: 'no_stream' });
      await store().appendToStream(streamId, someEvents(1), { expectedRevision: 1 });
      await store().appendToStream(streamId, someEvents(2), { expectedRevision: 'any' });
      const stored = await store().readStream(streamId);
      expect(stored[0].prevHash).toBe(GENESIS_HASH);
      for (const [index, event] of stored.entries()) {
        expect(event.hash).toBe(computeEventHash(event));
        if (index > 0) expect(event.prevHash).toBe(stored[index - 1].hash);
      }
      expect(verifyStreamChain(stored)).toEqual({ ok: true });
    });

    it('chains each stream on its own', async () => {
      const [first, second] = [uniqueStreamId(), uniqueStreamId()];
      await store().appendToStream(first, someEvents(1), { expectedRevision: 'no_stream' });
      await store().appendToStream(second, someEvents(1), { expectedRevision: 'no_stream' });
      const [[a], [b]] = [await store().readStream(first), await store().readStream(second)];
      expect([a.prevHash, b.prevHash]).toEqual([GENESIS_HASH, GENESIS_HASH]);
    });
  });

  describe('stream metadata', () => {
    it('reads undefined until set; a set replaces the whole of it', async () => {
      const streamId = uniqueStreamId();
      expect(await store().getStreamMetadata(streamId)).toBeUndefined();
      await store().setStreamMetadata(streamId, { confidentiality: 'PUBLIC', retention: { years: 30 } });
      expect(await store().getStreamMetadata(streamId)).toEqual({ confidentiality: 'PUBLIC', retention: { years: 30 } });
      await store().setStreamMetadata(streamId, { confidentiality: 'INTERNAL' });
      expect(await store().getStreamMetadata(streamId)).toEqual({ confidentiality: 'INTERNAL' });
      expect(await store().readStream(streamId)).toEqual([]);
    });
  });
};
