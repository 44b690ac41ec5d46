import type { CheckpointStore } from '../checkpoint-store';

/** What every CheckpointStore must do; run against each adapter with a fresh store per test. */
export const describeCheckpointStoreContract = (name: string, factory: () => Promise<{ store: CheckpointStore; cleanup: () => Promise<void> }>): void => {
  describe(`CheckpointStore contract: ${name}`, () => {
    let subject: { store: CheckpointStore; cleanup: () => Promise<void> };
    beforeEach(async () => {
      subject = await factory();
    });
    afterEach(() => subject.cleanup());

    it('has no position for a name never saved', async () => {
      expect(await subject.store.load('relay:never')).toBeUndefined();
    });

    it('returns the last position saved under each name', async () => {
      await subject.store.save('relay:decisions', 5);
      await subject.store.save('relay:decisions', 9);
      await subject.store.save('consumer:portal', 2);
      expect(await subject.store.load('relay:decisions')).toBe(9);
      expect(await subject.store.load('consumer:portal')).toBe(2);
    });
  });
};
