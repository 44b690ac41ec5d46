import { generateKeyPairSync } from 'node:crypto';
import { loadGatewayProcessConfig, loadServiceProcessConfig } from './process-config';

const ED25519_PEM = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const RSA_PEM = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const MONGODB_URI = 'mongodb://m:27017/gongkai?replicaSet=rs0';
const FINGERPRINT_SECRET = Buffer.alloc(48, 7).toString('base64');

/** The message a loader refuses with, or '' when it accepts. */
const refusal = (load: () => unknown): string => {
  try {
    load();
    return '';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

describe('configuration of the distributed processes', () => {
  it('reads a service on SQLite', () => {
    const config = loadServiceProcessConfig('services-catalog', { NATS_URL: 'nats://127.0.0.1:4222', EVENT_STORE_FILE: 'data/events.db', PORT: '9101' }, '/srv');
    expect(config).toMatchObject({
      context: 'services-catalog',
      natsUrl: 'nats://127.0.0.1:4222',
      port: 9101,
      eventStore: { kind: 'sqlite', file: '/srv/data/events.db' },
      personalData: { kind: 'sqlite', file: '/srv/data/personal-data.db' },
      jetStreamReplicas: 1,
      warnings: [],
    });
  });

  it('reads a service on EventStoreDB', () => {
    const config = loadServiceProcessConfig('decisions', { NATS_URL: 'nats://nats:4222', EVENTSTORE_URL: 'esdb://eventstore:2113?tls=false', PERSONAL_DATA_FILE: '/keys/vault.db' });
    expect(config.eventStore).toEqual({ kind: 'eventstoredb', url: 'esdb://eventstore:2113?tls=false' });
    expect(config.personalData).toEqual({ kind: 'sqlite', file: '/keys/vault.db' });
    expect(refusal(() => loadServiceProcessConfig('decisions', { NATS_URL: 'nats://nats:4222', EVENTSTORE_URL: 'esdb://eventstore:2113' }))).toMatch(
      /MONGODB_URI or PERSONAL_DATA_FILE is required with EVENTSTORE_URL/,
    );
  });

  it('keeps the personal-data keys in MongoDB when MONGODB_URI is set, in a database of their own', () => {
    const env = { NATS_URL: 'nats://nats:4222', EVENTSTORE_URL: 'esdb://eventstore:2113', MONGODB_URI };
    expect(loadServiceProcessConfig('requests', env).personalData).toEqual({ kind: 'mongodb', uri: MONGODB_URI, database: 'gongkai-personal-data' });
    expect(loadServiceProcessConfig('requests', { ...env, PERSONAL_DATA_DATABASE: 'bureau-keys' }).personalData).toMatchObject({ database: 'bureau-keys' });
    expect(refusal(() => loadServiceProcessConfig('requests', { ...env, PERSONAL_DATA_DATABASE: 'keys/of.bureau' }))).toMatch(/PERSONAL_DATA_DATABASE must be a MongoDB database name/);
    expect(refusal(() => loadServiceProcessConfig('requests', { ...env, PERSONAL_DATA_FILE: '/keys/vault.db' }))).toMatch(/Set either MONGODB_URI .* or PERSONAL_DATA_FILE .*, not both/);
    expect(refusal(() => loadServiceProcessConfig('requests', { ...env, MONGODB_URI: 'postgres://x' }))).toMatch(/MONGODB_URI must be a mongodb:\/\/ or mongodb\+srv:\/\/ connection string/);
  });

  it('reads the replicas of the JetStream streams, 1 to 5', () => {
    const env = { NATS_URL: 'nats://nats:4222', EVENT_STORE_FILE: '/data/events.db' };
    expect(loadServiceProcessConfig('requests', { ...env, JETSTREAM_REPLICAS: '3' }).jetStreamReplicas).toBe(3);
    expect(loadServiceProcessConfig('requests', { ...env, JETSTREAM_REPLICAS: '' }).jetStreamReplicas).toBe(1);
    for (const bad of ['0', '6', 'three', '2.5']) {
      expect(refusal(() => loadServiceProcessConfig('requests', { ...env, JETSTREAM_REPLICAS: bad }))).toContain(`JETSTREAM_REPLICAS must be 1 to 5, at most the number of NATS servers (got "${bad}")`);
    }
  });

  it('names every problem at once, and only those', () => {
    expect(refusal(() => loadServiceProcessConfig('oversight', { PORT: 'eighty', LOG_LEVEL: 'loud', COMMAND_TIMEOUT_MS: '5', JETSTREAM_REPLICAS: '9', NODE_ENV: 'production' }))).toMatch(
      /NATS_URL is required[\s\S]*PORT must be[\s\S]*LOG_LEVEL must be[\s\S]*COMMAND_TIMEOUT_MS must be[\s\S]*JETSTREAM_REPLICAS must be[\s\S]*EVENT_STORE_FILE \(SQLite\) or EVENTSTORE_URL[\s\S]*INTEGRITY_SIGNING_KEY is required when NODE_ENV=production/,
    );
    expect(refusal(() => loadServiceProcessConfig('oversight', { NATS_URL: 'nats://n:4222' }))).not.toContain('PERSONAL_DATA_FILE');
  });

  it('refuses two event stores at once, and hides credentials in its message', () => {
    expect(refusal(() => loadServiceProcessConfig('oversight', { NATS_URL: 'nats://n:4222', EVENT_STORE_FILE: 'a.db', EVENTSTORE_URL: 'esdb://x' }))).toMatch(/either EVENT_STORE_FILE/);
    expect(refusal(() => loadServiceProcessConfig('oversight', { NATS_URL: 'nats://n:4222', EVENTSTORE_URL: 'http://admin:secret@x' }))).not.toContain('secret');
  });

  describe('the integrity signing key of the processes that sign checkpoints', () => {
    const service = { NATS_URL: 'nats://n:4222', EVENT_STORE_FILE: '/data/events.db' };

    it('accepts an Ed25519 private key in PEM, also with its line breaks written as \\n', () => {
      expect(loadServiceProcessConfig('oversight', { ...service, NODE_ENV: 'production', INTEGRITY_SIGNING_KEY: ED25519_PEM }).warnings).toEqual([]);
      expect(loadServiceProcessConfig('oversight', { ...service, NODE_ENV: 'production', INTEGRITY_SIGNING_KEY: ED25519_PEM.replace(/\n/g, '\\n') }).warnings).toEqual([]);
    });

    it('refuses another kind of key or something that is no key, without repeating it', () => {
      for (const bad of [RSA_PEM, 'not a key', ED25519_PEM.slice(0, 60)]) {
        const message = refusal(() => loadServiceProcessConfig('oversight', { ...service, INTEGRITY_SIGNING_KEY: bad }));
        expect(message).toContain('INTEGRITY_SIGNING_KEY must be an Ed25519 private key in PEM');
        expect(message).not.toContain(bad.trim().split('\n')[1] ?? bad);
      }
    });

    it('requires it in production, and only warns elsewhere', () => {
      expect(refusal(() => loadServiceProcessConfig('oversight', { ...service, NODE_ENV: 'production' }))).toContain('INTEGRITY_SIGNING_KEY is required when NODE_ENV=production');
      expect(loadServiceProcessConfig('oversight', service).warnings).toEqual([expect.stringContaining('INTEGRITY_SIGNING_KEY is not set')]);
    });

    it('is not asked of a service that signs nothing', () => {
      expect(loadServiceProcessConfig('decisions', { ...service, NODE_ENV: 'production' }).warnings).toEqual([]);
    });
  });

  describe('the gateway', () => {
    const base = { NATS_URL: 'nats://n:4222', PERSONAL_DATA_FILE: '/keys/vault.db' };

    it('reads its read models and vault from MongoDB, or from memory and an SQLite file', () => {
      expect(loadGatewayProcessConfig(base)).toMatchObject({ port: 3000, personalData: { kind: 'sqlite', file: '/keys/vault.db' }, jetStreamReplicas: 1 });
      expect(loadGatewayProcessConfig(base)).not.toHaveProperty('mongodbUri');
      const shared = loadGatewayProcessConfig({ NATS_URL: 'nats://n:4222', MONGODB_URI, APPLICANT_FINGERPRINT_SECRET: FINGERPRINT_SECRET, JETSTREAM_REPLICAS: '3' });
      expect(shared).toMatchObject({ mongodbUri: MONGODB_URI, personalData: { kind: 'mongodb', uri: MONGODB_URI }, jetStreamReplicas: 3 });
    });

    it('names each missing or bad variable', () => {
      expect(refusal(() => loadGatewayProcessConfig({ ...base, MONGODB_URI: 'postgres://x' }))).toMatch(/MONGODB_URI must be/);
      expect(refusal(() => loadGatewayProcessConfig({ NATS_URL: 'nats://n:4222' }))).toMatch(/MONGODB_URI or PERSONAL_DATA_FILE is required for the gateway/);
      expect(refusal(() => loadGatewayProcessConfig({ ...base, MONGODB_URI }))).toMatch(/not both/);
      expect(refusal(() => loadGatewayProcessConfig({ NATS_URL: 'nats://n:4222', MONGODB_URI }))).toMatch(/APPLICANT_FINGERPRINT_SECRET is required with the personal-data vault in MongoDB/);
      expect(refusal(() => loadGatewayProcessConfig({ ...base, APPLICANT_FINGERPRINT_SECRET: 'c2hvcnQ=' }))).toMatch(/APPLICANT_FINGERPRINT_SECRET must be base64 of at least 32 bytes/);
      expect(refusal(() => loadGatewayProcessConfig({ ...base, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(48), DEMO_ACCOUNTS: 'false' }))).toMatch(/INTEGRITY_SIGNING_KEY is required when NODE_ENV=production/);
      expect(refusal(() => loadGatewayProcessConfig({ ...base, INTEGRITY_SIGNING_KEY: RSA_PEM }))).toMatch(/INTEGRITY_SIGNING_KEY must be an Ed25519 private key/);
    });
  });
});
