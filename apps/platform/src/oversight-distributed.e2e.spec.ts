import { type DistributedPlatform, draftServiceGuide, eventually, graphql, loginAs, serviceGuideInput, startDistributedPlatform } from '@gongkai/testing';

jest.setTimeout(120_000);

/**
 * The audit trail and the integrity checks in the distributed runtime: the gateway has no event
 * store there, so they read the audit index it builds from JetStream, and say so.
 */
describe('The audit trail in the distributed runtime', () => {
  let platform: DistributedPlatform;
  let auditor: Record<string, string>;

  beforeAll(async () => {
    platform = await startDistributedPlatform({ contexts: ['services-catalog', 'oversight'] });
    auditor = await loginAs(platform.baseUrl, 'auditor');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('indexes events published by other processes, checks their chains and signs checkpoints of them', async () => {
    const window = await loginAs(platform.baseUrl, 'window');
    const streamId = `services-catalog.ServiceItem-${await draftServiceGuide(platform.baseUrl, window, serviceGuideInput('分布式审计事项'))}`;
    const trail = await eventually(async () => {
      const result = await graphql<{ auditTrail: { edges: { node: { type: string; actor: { username: string } } }[] } }>(
        platform.baseUrl,
        'query($s: String!) { auditTrail(filter: { streamId: $s }) { edges { node { type actor { username } } } } }',
        { s: streamId },
        auditor,
      );
      return result.data?.auditTrail.edges.length ? result.data.auditTrail.edges : undefined;
    }, 30_000);
    expect(trail.map((e) => [e.node.type, e.node.actor.username])).toEqual([['ServiceItemDrafted', 'window']]);

    const verified = await graphql<{ verifyStream: { valid: boolean; source: string } }>(platform.baseUrl, 'query($s: String!) { verifyStream(streamId: $s) { valid source } }', { s: streamId }, auditor);
    expect(verified.data?.verifyStream).toEqual({ valid: true, source: 'AUDIT_INDEX' });
    const checkpoint = await graphql<{ integrityCheckpoint: { treeSize: number; signature: string } }>(platform.baseUrl, '{ integrityCheckpoint { treeSize signature } }', {}, auditor);
    expect(checkpoint.data?.integrityCheckpoint.treeSize).toBeGreaterThan(0);
    // The daily checkpoint is issued by the oversight service, which reads the shared log itself.
    const recorded = await eventually(async () => (await graphql<{ integrityCheckpoints: { sequence: number }[] }>(platform.baseUrl, '{ integrityCheckpoints { sequence } }', {}, auditor)).data?.integrityCheckpoints[0], 30_000);
    expect(recorded.sequence).toBe(1);
  });
});
