import type { EventStore } from '../event-store';
import { describeAppendContract } from './contract-append';
import { describeIntegrityContract } from './contract-integrity';
import { describeReadContract } from './contract-read';
import { describeSubscribeContract } from './contract-subscribe';

export interface EventStoreUnderTest {
  readonly store: EventStore;
  readonly cleanup: () => Promise<void>;
}

/**
 * The one behavioural suite every EventStore adapter must pass. Each test gets a fresh store from
 * the factory and writes only to streams of its own, so the suite can also run against a shared
 * EventStoreDB server that holds other events.
 */
export const describeEventStoreContract = (name: string, factory: () => Promise<EventStoreUnderTest>): void => {
  describe(`EventStore contract: ${name}`, () => {
    let subject: EventStoreUnderTest | undefined;
    const store = (): EventStore => {
      if (!subject) throw new Error('The store is created in beforeEach.');
      return subject.store;
    };

    beforeEach(async () => {
      subject = await factory();
    });

    afterEach(async () => {
      await subject?.cleanup();
      subject = undefined;
    });

    describeAppendContract(store);
    describeReadContract(store);
    describeSubscribeContract(store);
    describeIntegrityContract(store);
  });
};
