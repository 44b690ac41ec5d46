import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentHash } from '@gongkai/kernel';
import { draftServiceGuide, eventually, graphql, loginAs, type PlatformProcess, serviceGuideInput, startPlatformProcess } from '@gongkai/testing';
import Database from 'better-sqlite3';
import request from 'supertest';

jest.setTimeout(120_000);

const TRAIL = `query($filter: AuditFilter!, $first: Int, $after: String) { auditTrail(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id type streamId revision globalPosition occurredAt actor { id username department roles } reason data hash prevHash } } } }`;
const CHECKPOINT_FIELDS = 'origin treeSize rootHash issuedAt keyId publicKey signature note';
const VERIFY_LOG = `{ verifyEventLog { valid eventsChecked checkpointsChecked source problems { kind leafIndex globalPosition streamId revision eventId detail } } }`;

interface AuditEvent {
  id: string;
  type: string;
  streamId: string;
  revision: number;
  globalPosition: number;
  occurredAt: string;
  actor: { id: string; username: string; department: string | null; roles: string[] };
  data: string;
  hash: string;
}
interface Trail {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: AuditEvent }[];
}
interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: string;
  issuedAt: string;
  keyId: string;
  publicKey: string;
  signature: string;
}
const WORKSPACE = resolve(__dirname, '../../..');

/** The standalone verifier, run as an auditor would run it on files taken away from the platform. */
const verifier = (args: string[]): Promise<{ code: number; report: { valid: boolean; problems: unknown[]; eventsChecked?: number } }> =>
  new Promise((done) => {
    execFile(process.execPath, ['-r', join(WORKSPACE, 'tools/register.js'), join(WORKSPACE, 'libs/oversight/read/src/integrity/verifier/main.ts'), ...args], { cwd: WORKSPACE }, (error, stdout) => {
      done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, report: JSON.parse(stdout || '{"valid":false,"problems":["no output"]}') });
    });
  });

type Problem = { kind: string; leafIndex: number | null; streamId: string | null; revision: number | null };

describe('The audit trail and the integrity of the history, end to end', () => {
  let platform: PlatformProcess;
  let window: Record<string, string>;
  let reviewer: Record<string, string>;
  let auditor: Record<string, string>;
  let office: Record<string, string>;
  let itemId: string;
  const url = () => platform.baseUrl;
  const ok = async <T>(query: string, variables: Record<string, unknown>, as: Record<string, string>): Promise<T> => {
    const result = await graphql<T>(url(), query, variables, as);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const trail = async (filter: Record<string, unknown>, first = 50, after?: string) => (await ok<{ auditTrail: Trail }>(TRAIL, { filter, first, after }, auditor)).auditTrail;
  const login = async () => ([window, reviewer, auditor, office] = await Promise.all(['window', 'reviewer', 'auditor', 'office'].map((name) => loginAs(platform.baseUrl, name))));

  beforeAll(async () => {
    platform = await startPlatformProcess();
    await login();
    itemId = await draftServiceGuide(platform.baseUrl, window, serviceGuideInput('建设项目环境影响报告表审批'));
    await ok('mutation($id: ID!) { requestServiceItemPublication(id: $id, expectedVersion: 1) { id } }', { id: itemId }, window);
    const review = await eventually(async () => (await graphql<{ publicationReviews: { id: string; itemId: string }[] }>(url(), '{ publicationReviews(status: PENDING) { id itemId } }', {}, reviewer)).data?.publicationReviews.find((r) => r.itemId === itemId));
    await ok('mutation($id: ID!) { approvePublicationReview(id: $id, comment: "不涉密，同意公开") { id } }', { id: review.id }, reviewer);
    await eventually(async () => (await graphql<{ serviceItem: { publicationStatus: string } | null }>(url(), 'query($id: ID!) { serviceItem(id: $id) { publicationStatus } }', { id: itemId })).data?.serviceItem?.publicationStatus === 'PUBLISHED');
    const receipt = await ok<{ registerInformationRequest: { id: string } }>(
      'mutation($input: InformationRequestInput!) { registerInformationRequest(input: $input, channel: LETTER, receivedOn: "2026-11-02") { id } }',
      { input: { applicantType: 'NATURAL_PERSON', applicantName: '欧阳明远', idNumber: '445302198807156611', contact: '13926600000', description: '监测数据', preferredForm: 'ELECTRONIC' } },
      window,
    );
    expect(receipt.registerInformationRequest.id).toBeTruthy();
  });

  afterAll(async () => {
    await platform?.stop();
    platform?.cleanup();
  });

  it('lets an auditor find who drafted a published guide, who reviewed it, when it was published, and the exact content approved', async () => {
    const itemStream = `services-catalog.ServiceItem-${itemId}`;
    const history = await eventually(async () => {
      const t = await trail({ streamId: itemStream, order: 'OLDEST_FIRST' });
      return t.edges.length === 3 ? t.edges.map((e) => e.node) : undefined;
    });
    expect(history.map((e) => [e.type, e.actor.username])).toEqual([
      ['ServiceItemDrafted', 'window'],
      ['ServiceItemPublicationRequested', 'window'],
      ['ServiceItemPublished', 'system:services-catalog.publication'],
    ]);
    expect(history[0].actor).toMatchObject({ id: 'demo-window', department: 'SERVICE_WINDOW', roles: ['staff'] });
    const requested = JSON.parse(history[1].data) as { contentHash: string; publicationRequest: { reviewId: string } };
    const published = JSON.parse(history[2].data) as { publishedAt: string };

    const reviewTrail = await eventually(async () => {
      const t = await trail({ streamId: `oversight.PublicationReview-${requested.publicationRequest.reviewId}`, order: 'OLDEST_FIRST' });
      return t.edges.length === 3 ? t.edges.map((e) => e.node) : undefined;
    });
    expect(reviewTrail.map((e) => [e.type, e.actor.username])).toEqual([
      ['PublicationReviewOpened', 'system:oversight.review-gate'],
      ['PublicationReviewApproved', 'reviewer'],
      ['ReviewedVersionPublished', 'system:services-catalog.publication'],
    ]);
    const approval = JSON.parse(reviewTrail[1].data) as { subject: { contentHash: string; itemVersion: number }; comment: string };
    expect(approval).toMatchObject({ comment: '不涉密，同意公开', subject: { itemVersion: 1, contentHash: requested.contentHash } });
    // The content the reviewer approved is the drafted guide: its hash is the one approved.
    const drafted = JSON.parse(history[0].data) as { guide: unknown };
    expect(contentHash({ itemId, version: 1, guide: drafted.guide })).toBe(approval.subject.contentHash);
    expect(published.publishedAt > reviewTrail[1].occurredAt).toBe(true);

    // Point in time: what the public could see just before and just after publication.
    const asOf = (at: string) =>
      graphql<{ publishedVersionAsOf: { version: number; contentHash: string } | null }>(url(), 'query($id: ID!, $at: DateTime!) { publishedVersionAsOf(itemType: "SERVICE_GUIDE", itemId: $id, at: $at) { version contentHash } }', { id: itemId, at });
    expect((await asOf(history[0].occurredAt)).data?.publishedVersionAsOf).toBeNull();
    expect((await asOf(new Date().toISOString())).data?.publishedVersionAsOf).toEqual({ version: 1, contentHash: approval.subject.contentHash });
    // A time without its offset names no instant: the server's own zone would decide which.
    expect((await asOf('2026-03-02T10:00:00')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'INVALID_INSTANT' });
  });

  it('filters, orders and pages the trail, and refuses everyone but auditors and the office', async () => {
    const newest = await trail({ actorId: 'demo-window' }, 2);
    const after = await trail({ actorId: 'demo-window' }, 2, newest.pageInfo.endCursor!);
    expect(newest.pageInfo.hasNextPage).toBe(true);
    expect(after.edges[0].node.globalPosition).toBeLessThan(newest.edges[1].node.globalPosition);
    expect((await trail({ eventType: 'ServiceItemDrafted', departmentCode: 'SERVICE_WINDOW', aggregateType: 'ServiceItem' })).totalCount).toBe(1);
    expect((await trail({ from: '2999-01-01T00:00:00Z' })).totalCount).toBe(0);
    expect((await graphql(url(), TRAIL, { filter: {} }, office)).errors).toBeUndefined();
    for (const query of [TRAIL, `{ verifyStream(streamId: "x") { valid } }`, `{ integrityCheckpoint { treeSize } }`, `{ consistencyProof(fromSize: 1, toSize: 2) { path } }`, `{ inclusionProof(eventId: "x") { path } }`, VERIFY_LOG]) {
      expect((await graphql(url(), query, { filter: {} }, window)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'ROLE_REQUIRED' });
      expect((await graphql(url(), query, { filter: {} }, reviewer)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await graphql(url(), TRAIL, { filter: { from: 'yesterday' } }, auditor)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'INVALID_INSTANT' });
  });

  it('records a read of applicants’ events through the trail', async () => {
    const read = await eventually(async () => {
      const t = await trail({ aggregateType: 'InformationRequest' });
      return t.totalCount > 0 ? t : undefined;
    });
    const readIds = read.edges.map((e) => e.node.id);
    const recorded = await eventually(async () => (await trail({ eventType: 'PersonalDataReadThroughAudit' })).edges.find((e) => e.node.actor.username === 'auditor'));
    expect(JSON.parse(recorded.node.data)).toMatchObject({ readerId: 'demo-auditor', operation: 'AUDIT_TRAIL', eventIds: readIds, filter: { aggregateType: 'InformationRequest' } });
  });

  it('exports the whole trail as NDJSON that the offline verifier accepts', async () => {
    const exported = await request(url()).get('/oversight/audit-trail.ndjson').set(auditor);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toContain('application/x-ndjson');
    const lines = exported.text.trim().split('\n');
    expect(lines.length).toBeGreaterThan(20);
    const file = join(platform.dataDir, 'audit-trail.ndjson');
    writeFileSync(file, exported.text);
    expect(await verifier(['log', file])).toMatchObject({ code: 0, report: { valid: true, eventsChecked: lines.length, problems: [] } });
    expect((await request(url()).get('/oversight/audit-trail.ndjson').set(window)).status).toBe(403);
    expect((await request(url()).get('/oversight/audit-trail.ndjson')).status).toBe(401);
  });

  it('proves an event in the log, and the log consistent with the daily checkpoint, by RFC 9162 proofs checked offline', async () => {
    const [daily] = await eventually(async () => {
      const recorded = (await ok<{ integrityCheckpoints: { sequence: number; checkpoint: Checkpoint }[] }>(`{ integrityCheckpoints { sequence checkpoint { ${CHECKPOINT_FIELDS} } } }`, {}, auditor)).integrityCheckpoints;
      return recorded.length ? recorded : undefined;
    });
    const now = (await ok<{ integrityCheckpoint: Checkpoint & { note: string } }>(`{ integrityCheckpoint { ${CHECKPOINT_FIELDS} } }`, {}, auditor)).integrityCheckpoint;
    expect(now.note).toBe(`gongkai.yunfu-epb/event-log\n${now.treeSize}\n${Buffer.from(now.rootHash, 'hex').toString('base64')}\n${now.issuedAt}\n`);
    const { note: _note, ...signed } = now;
    const proofFile = (name: string, document: unknown): string => {
      const path = join(platform.dataDir, `${name}.json`);
      writeFileSync(path, JSON.stringify(document));
      return path;
    };
    expect(await verifier(['proof', proofFile('checkpoint', { kind: 'checkpoint', checkpoint: signed }), '--trust', daily.checkpoint.keyId])).toMatchObject({ code: 0, report: { valid: true } });

    const [drafted] = (await trail({ streamId: `services-catalog.ServiceItem-${itemId}`, order: 'OLDEST_FIRST' })).edges;
    const inclusion = (await ok<{ inclusionProof: { eventHash: string; leafIndex: number; treeSize: number; rootHash: string; path: string[] } }>(
      'query($id: ID!, $size: Int) { inclusionProof(eventId: $id, treeSize: $size) { eventHash leafIndex treeSize rootHash path } }',
      { id: drafted.node.id, size: now.treeSize },
      auditor,
    )).inclusionProof;
    expect(inclusion.eventHash).toBe(drafted.node.hash);
    expect(await verifier(['proof', proofFile('inclusion', { kind: 'inclusion', proof: inclusion, checkpoint: signed })])).toMatchObject({ code: 0, report: { valid: true, problems: [] } });
    const forged = { kind: 'inclusion', proof: { ...inclusion, eventHash: 'f'.repeat(64) }, checkpoint: signed };
    expect(await verifier(['proof', proofFile('forged', forged)])).toMatchObject({ code: 1, report: { valid: false } });

    const consistency = (await ok<{ consistencyProof: { fromSize: number; toSize: number; fromRoot: string; toRoot: string; path: string[] } }>(
      'query($from: Int!, $to: Int!) { consistencyProof(fromSize: $from, toSize: $to) { fromSize toSize fromRoot toRoot path } }',
      { from: daily.checkpoint.treeSize, to: now.treeSize },
      auditor,
    )).consistencyProof;
    expect(await verifier(['proof', proofFile('consistency', { kind: 'consistency', proof: consistency, from: daily.checkpoint, to: signed })])).toMatchObject({ code: 0, report: { valid: true } });
    expect((await graphql(url(), '{ consistencyProof(fromSize: 5, toSize: 4) { path } }', {}, auditor)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'TREE_SIZE_OUT_OF_RANGE' });

    const stream = (await ok<{ verifyStream: { valid: boolean; eventsChecked: number; source: string } }>(`query($s: String!) { verifyStream(streamId: $s) { valid eventsChecked firstBrokenRevision source } }`, { s: `services-catalog.ServiceItem-${itemId}` }, auditor)).verifyStream;
    expect(stream).toEqual({ valid: true, eventsChecked: 3, firstBrokenRevision: null, source: 'EVENT_STORE' });
    expect((await ok<{ verifyEventLog: { valid: boolean; source: string } }>(VERIFY_LOG, {}, auditor)).verifyEventLog).toMatchObject({ valid: true, source: 'EVENT_STORE', problems: [] });
  });

  it('detects and locates events tampered with in the SQLite file while the platform was down', async () => {
    const itemStream = `services-catalog.ServiceItem-${itemId}`;
    await platform.stop();
    const db = new Database(join(platform.dataDir, 'gongkai.db'));
    db.exec('DROP TRIGGER events_are_immutable; DROP TRIGGER events_are_never_deleted;');
    // A checkpointed event that is the only one of its stream: no hash chain can miss it.
    const seeded = db.prepare<[], { global_position: number; stream_id: string }>(`SELECT global_position, stream_id FROM events WHERE type = 'WorkPlanTaskCreated' AND stream_id LIKE '%wp-2017-11-10' `).get()!;
    db.prepare('DELETE FROM events WHERE global_position = ?').run(seeded.global_position);
    const revision1 = db.prepare<[string], { global_position: number; data: string }>('SELECT global_position, data FROM events WHERE stream_id = ? AND revision = 1').get(itemStream)!;
    db.prepare('UPDATE events SET data = ? WHERE global_position = ?').run(revision1.data.replace('"version":1', '"version":7'), revision1.global_position);
    db.close();

    platform = await startPlatformProcess({ dataDir: platform.dataDir });
    await login();
    const stream = (await ok<{ verifyStream: { valid: boolean; firstBrokenRevision: number; problem: string } }>(`query($s: String!) { verifyStream(streamId: $s) { valid firstBrokenRevision problem } }`, { s: itemStream }, auditor)).verifyStream;
    expect(stream).toEqual({ valid: false, firstBrokenRevision: 1, problem: 'HASH_MISMATCH' });
    const { problems } = (await ok<{ verifyEventLog: { valid: boolean; problems: Problem[] } }>(VERIFY_LOG, {}, auditor)).verifyEventLog;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'EVENT_ALTERED', streamId: itemStream, revision: 1 }),
        expect.objectContaining({ kind: 'CHECKPOINT_MISMATCH' }),
        expect.objectContaining({ kind: 'EVENT_REMOVED', leafIndex: expect.any(Number) }),
      ]),
    );
  });
});
