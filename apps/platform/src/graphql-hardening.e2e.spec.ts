import { generateKeyPairSync } from 'node:crypto';
import { graphql, type PlatformProcess, startPlatformProcess } from '@gongkai/testing';
import request from 'supertest';

/** Production refuses to start without the key that signs integrity checkpoints. */
const INTEGRITY_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

jest.setTimeout(60_000);

describe('GraphQL endpoint hardening', () => {
  describe('in development', () => {
    let platform: PlatformProcess;

    beforeAll(async () => {
      platform = await startPlatformProcess();
    });
    afterAll(async () => {
      await platform?.stop();
      platform?.cleanup();
    });

    it('refuses too many aliases before executing anything', async () => {
      const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: serviceItems { totalCount }`).join(' ');
      const result = await graphql(platform.baseUrl, `{ ${aliases} }`);
      expect(result.status).toBe(400);
      expect(result.data).toBeNull();
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      expect(result.errors?.[0].message).toMatch(/alias/i);
    });

    it('refuses batched queries', async () => {
      const response = await request(platform.baseUrl)
        .post('/graphql')
        .send([{ query: '{ serviceItems { totalCount } }' }, { query: '{ serviceItems { totalCount } }' }]);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).not.toContain('totalCount":');
    });

    it('refuses an oversized request body', async () => {
      const response = await request(platform.baseUrl)
        .post('/graphql')
        .send({ query: `{ serviceItems(search: "${'x'.repeat(300 * 1024)}") { totalCount } }` });
      expect(response.status).toBe(413);
    });

    it('answers a malformed query with a code and no stack trace', async () => {
      const result = await graphql(platform.baseUrl, '{ serviceItems { totalCount ');
      expect(result.status).toBe(400);
      expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(result.errors)).not.toMatch(/at .*\.(js|ts):\d+/);
    });

    it('slows down password guessing per client', async () => {
      const attempt = () => graphql(platform.baseUrl, 'mutation { login(username: "office", password: "wrong") { token } }');
      const codes: string[] = [];
      for (let i = 0; i < 11; i++) codes.push(String((await attempt()).errors?.[0].extensions?.code));
      expect(codes.slice(0, 10)).toEqual(Array(10).fill('UNAUTHENTICATED'));
      expect(codes[10]).toBe('RATE_LIMITED');
      // Without TRUSTED_PROXIES a caller cannot escape the limit by naming another address.
      const spoofed = await request(platform.baseUrl).post('/graphql').set('X-Forwarded-For', '203.0.113.9').send({ query: 'mutation { login(username: "office", password: "wrong") { token } }' });
      expect(spoofed.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    });
  });

  describe('behind a trusted proxy (TRUSTED_PROXIES=1)', () => {
    let platform: PlatformProcess;

    beforeAll(async () => {
      platform = await startPlatformProcess({ env: { TRUSTED_PROXIES: '1' } });
    });
    afterAll(async () => {
      await platform?.stop();
      platform?.cleanup();
    });

    it('counts each caller the proxy names on its own, not the proxy once for all', async () => {
      const attemptFrom = async (client: string): Promise<string> => {
        const response = await request(platform.baseUrl)
          .post('/graphql')
          .set('X-Forwarded-For', client)
          .send({ query: 'mutation { login(username: "office", password: "wrong") { token } }' });
        return String(response.body.errors?.[0].extensions?.code);
      };
      const first: string[] = [];
      for (let i = 0; i < 11; i++) first.push(await attemptFrom('203.0.113.9'));
      expect(first[10]).toBe('RATE_LIMITED');
      expect(await attemptFrom('198.51.100.20')).toBe('UNAUTHENTICATED');
    });
  });

  describe('in production', () => {
    let platform: PlatformProcess;

    beforeAll(async () => {
      platform = await startPlatformProcess({ env: { NODE_ENV: 'production', DEMO_ACCOUNTS: 'false', INTEGRITY_SIGNING_KEY } });
    });
    afterAll(async () => {
      await platform?.stop();
      platform?.cleanup();
    });

    it('turns introspection off', async () => {
      const result = await graphql(platform.baseUrl, '{ __schema { queryType { name } } }');
      expect(result.data).toBeNull();
      expect(result.errors?.[0].message).toMatch(/introspection/i);
    });

    it('suggests no field names to someone probing the schema', async () => {
      const result = await graphql(platform.baseUrl, '{ serviceItems { totalCont } }');
      expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.errors?.[0].message).not.toMatch(/Did you mean/);
    });

    it('still serves the public catalogue', async () => {
      const result = await graphql<{ serviceItems: { totalCount: number } }>(platform.baseUrl, '{ serviceItems { totalCount } }');
      expect(result.data?.serviceItems.totalCount).toBe(0);
    });
  });

  it('refuses to start in production with the demo accounts', async () => {
    await expect(startPlatformProcess({ env: { NODE_ENV: 'production', INTEGRITY_SIGNING_KEY } })).rejects.toThrow(/DEMO_ACCOUNTS=false/);
  });

  it('refuses to start in production without the integrity signing key, naming it', async () => {
    await expect(startPlatformProcess({ env: { NODE_ENV: 'production', DEMO_ACCOUNTS: 'false' } })).rejects.toThrow(/INTEGRITY_SIGNING_KEY is required when NODE_ENV=production/);
  });
});
