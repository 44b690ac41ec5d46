import { InMemoryCheckpointStore } from '@gongkai/event-sourcing';
import { describeCommandBusContract } from '../testing/command-bus-contract';
import { CONTRACT_MAX_ATTEMPTS, describeEventBusContract } from '../testing/event-bus-contract';
import { InProcessCommandBus } from './in-process-command-bus';
import { InProcessEventBus } from './in-process-event-bus';

describeCommandBusContract('in-process', async () => {
  const bus = new InProcessCommandBus();
  return { server: bus, client: bus, close: () => bus.close() };
});

describeEventBusContract('in-process', async (history) => {
  // Positions outlive a bus, as the SQLite checkpoint table does in the embedded runtime.
  const checkpoints = new InMemoryCheckpointStore();
  const opened: InProcessEventBus[] = [];
  return {
    open: async () => {
      const bus = new InProcessEventBus({ history, checkpoints, maxAttempts: CONTRACT_MAX_ATTEMPTS });
      opened.push(bus);
      return bus;
    },
    close: async () => {
      await Promise.all(opened.map((bus) => bus.close()));
    },
  };
});
