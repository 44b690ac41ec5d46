import { loadGatewayProcessConfig, loadServiceProcessConfig } from './process-config';

describe('configuration of the distributed processes', () => {
  it('reads a service on SQLite', () => {
    const config = loadServiceProcessConfig('services-catalog', { NATS_URL: 'nats://127.0.0.1:4222', EVENT_STORE_FILE: 'data/events.db', PORT: '9101' }, '/srv');
    expect(config).toMatchObject({
      context: 'services-catalog',
      natsUrl: 'nats://127.0.0.1:4222',
      port: 9101,
      eventStore: { kind: 'sqlite', file: '/srv/data/events.db' },
      personalDataFile: '/srv/data/personal-data.db',
    });
  });

  it('reads a service on EventStoreDB', () => {
    const config = loadServiceProcessConfig('oversight', { NATS_URL: 'nats://nats:4222', EVENTSTORE_URL: 'esdb://eventstore:2113?tls=false', PERSONAL_DATA_FILE: '/keys/vault.db' });
    expect(config.eventStore).toEqual({ kind: 'eventstoredb', url: 'esdb://eventstore:2113?tls=false' });
    expect(() => loadServiceProcessConfig('oversight', { NATS_URL: 'nats://nats:4222', EVENTSTORE_URL: 'esdb://eventstore:2113' })).toThrow(/PERSONAL_DATA_FILE is required with EVENTSTORE_URL/);
  });

  it('names every problem at once', () => {
    expect(() => loadServiceProcessConfig('oversight', { PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(
      /NATS_URL is required[\s\S]*PORT must be[\s\S]*LOG_LEVEL must be[\s\S]*EVENT_STORE_FILE \(SQLite\) or EVENTSTORE_URL/,
    );
  });

  it('refuses two event stores at once, and hides credentials in its message', () => {
    expect(() => loadServiceProcessConfig('oversight', { NATS_URL: 'nats://n:4222', EVENT_STORE_FILE: 'a.db', EVENTSTORE_URL: 'esdb://x' })).toThrow(/either EVENT_STORE_FILE/);
    expect(() => loadServiceProcessConfig('oversight', { NATS_URL: 'nats://n:4222', EVENTSTORE_URL: 'http://admin:secret@x' })).toThrow(/^(?![\s\S]*secret)/);
  });

  it('reads the gateway with MongoDB or in-memory read models', () => {
    const base = { NATS_URL: 'nats://n:4222', PERSONAL_DATA_FILE: '/keys/vault.db' };
    expect(loadGatewayProcessConfig(base)).toMatchObject({ port: 3000, personalDataFile: '/keys/vault.db' });
    expect(loadGatewayProcessConfig(base)).not.toHaveProperty('mongodbUri');
    expect(loadGatewayProcessConfig({ ...base, MONGODB_URI: 'mongodb://m:27017/gongkai?replicaSet=rs0' }).mongodbUri).toContain('replicaSet');
    expect(() => loadGatewayProcessConfig({ ...base, MONGODB_URI: 'postgres://x' })).toThrow(/MONGODB_URI must be/);
    expect(() => loadGatewayProcessConfig({ NATS_URL: 'nats://n:4222' })).toThrow(/PERSONAL_DATA_FILE is required/);
  });
});
