import { startNatsServer, type NatsServer } from '@gongkai/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { describeCommandBusContract } from '../testing/command-bus-contract';
import { CONTRACT_MAX_ATTEMPTS, describeEventBusContract } from '../testing/event-bus-contract';
import { connectNats } from './connection';
import { JetStreamEventBus } from './jetstream-event-bus';
import { NatsCommandBus } from './nats-command-bus';

// Fault tests stop, kill and restart nats-server; recovery waits out a pull's expiry (5 s) on a busy machine.
jest.setTimeout(30_000);

let server: NatsServer;

beforeAll(async () => {
  server = await startNatsServer();
});

afterAll(async () => {
  await server?.stop();
});

describeCommandBusContract('NATS request-reply', async () => {
  // Two connections, as between the gateway and a service: nothing may pass by shared memory.
  const serving = await connectNats(server.url, 'contract-server');
  const sending = await connectNats(server.url, 'contract-client');
  const serverBus = new NatsCommandBus(serving);
  const clientBus = new NatsCommandBus(sending, { timeoutMs: 2_000 });
  return {
    server: serverBus,
    client: clientBus,
    close: async () => {
      await Promise.all([serverBus.close(), clientBus.close()]);
      await Promise.all([serving.close(), sending.close()]);
    },
  };
});

/** Each test starts from empty streams: deleting them also deletes the durables of the last test. */
const deleteStreams = async (connection: NatsConnection): Promise<void> => {
  const jsm = await jetstreamManager(connection);
  for (const stream of ['EVENTS', 'PARKED']) await jsm.streams.delete(stream).catch(() => false);
};

const jetStreamHarness = (exclusive: boolean) => async () => {
  const connections: NatsConnection[] = [];
  const buses: JetStreamEventBus[] = [];
  const admin = await connectNats(server.url, 'contract-admin');
  await deleteStreams(admin);
  await admin.close();
  return {
    open: async () => {
      // A new connection per bus: a restarted process does not keep its old one.
      const connection = await connectNats(server.url, 'contract-events');
      connections.push(connection);
      const bus = new JetStreamEventBus(connection, { maxDeliveries: CONTRACT_MAX_ATTEMPTS, retryDelaysMs: [20, 50] });
      buses.push(bus);
      return bus;
    },
    close: async () => {
      await Promise.all(buses.map((bus) => bus.close()));
      await Promise.all(connections.map((connection) => connection.close()));
    },
    exclusive,
  };
};

describeEventBusContract('JetStream', jetStreamHarness(false));
// Batched delivery and acks: the same promises, order across retries and restarts included.
describeEventBusContract('JetStream, exclusive consumers', jetStreamHarness(true));
