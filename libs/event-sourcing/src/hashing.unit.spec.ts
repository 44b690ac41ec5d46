import { createHash } from 'node:crypto';
import { GENESIS_HASH, type RecordedEvent } from './envelope';
import { computeEventHash, verifyStreamChain, type HashedEnvelope } from './hashing';
import { sealEvents } from './sealing';
import { anEvent } from './testing/contract-fixtures';

const envelope: HashedEnvelope = {
  id: '7d3c2b1a-0000-4000-8000-000000000001',
  type: 'DraftPublished',
  schemaVersion: 2,
  streamId: 'decision-1',
  revision: 0,
  occurredAt: '2026-03-02T02:00:00.000Z',
  data: { title: '公告', amountFen: 1200, tags: ['a'] },
  metadata: { actor: { id: 'user-1', roles: ['staff'] }, correlationId: 'c-1', causationId: null },
  prevHash: GENESIS_HASH,
};

/** A stream as a store would return it: sealed, with positions. */
const storedStream = (count: number): RecordedEvent[] =>
  sealEvents('stream-1', Array.from({ length: count }, (_, index) => anEvent({ data: { index } })), undefined).map((event, index) => ({
    ...event,
    globalPosition: 10 + index,
  }));

describe('computeEventHash', () => {
  it('is SHA-256 over the canonical JSON of the envelope: keys sorted, no whitespace', () => {
    // Pinned: stored hashes are evidence, so the encoding may never drift.
    const canonical =
      '{"data":{"amountFen":1200,"tags":["a"],"title":"公告"},"id":"7d3c2b1a-0000-4000-8000-000000000001",' +
      '"metadata":{"actor":{"id":"user-1","roles":["staff"]},"causationId":null,"correlationId":"c-1"},' +
      `"occurredAt":"2026-03-02T02:00:00.000Z","prevHash":"${GENESIS_HASH}","revision":0,"schemaVersion":2,"streamId":"decision-1","type":"DraftPublished"}`;
    expect(computeEventHash(envelope)).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
  });

  it('does not depend on key order, undefined fields, the global position or the hash itself', () => {
    const reordered = { ...envelope, data: { tags: ['a'], amountFen: 1200, title: '公告', note: undefined } };
    expect(computeEventHash(reordered)).toBe(computeEventHash(envelope));
    expect(computeEventHash({ ...envelope, globalPosition: 42, hash: 'x' } as HashedEnvelope)).toBe(computeEventHash(envelope));
  });

  it.each<[string, Partial<HashedEnvelope>]>([
    ['id', { id: 'other' }],
    ['type', { type: 'DraftWithdrawn' }],
    ['schemaVersion', { schemaVersion: 3 }],
    ['streamId', { streamId: 'decision-2' }],
    ['revision', { revision: 1 }],
    ['occurredAt', { occurredAt: '2026-03-02T02:00:00.001Z' }],
    ['data', { data: { title: '公告', amountFen: 1201, tags: ['a'] } }],
    ['metadata', { metadata: { ...envelope.metadata, reason: 'why' } }],
    ['prevHash', { prevHash: 'f'.repeat(64) }],
  ])('changes when %s changes', (_field, change) => {
    expect(computeEventHash({ ...envelope, ...change })).not.toBe(computeEventHash(envelope));
  });

  it('refuses numbers JSON cannot represent', () => {
    expect(() => computeEventHash({ ...envelope, data: { amount: Number.POSITIVE_INFINITY } })).toThrow(TypeError);
  });
});

describe('verifyStreamChain', () => {
  it('accepts a sealed stream and an empty one', () => {
    expect(verifyStreamChain(storedStream(4))).toEqual({ ok: true });
    expect(verifyStreamChain([])).toEqual({ ok: true });
  });

  it('finds changed content', () => {
    const events = storedStream(4);
    events[2] = { ...events[2], data: { index: 99 } };
    expect(verifyStreamChain(events)).toEqual({ ok: false, revision: 2, problem: 'HASH_MISMATCH' });
  });

  it('finds an event whose content and hash were both rewritten, by the link from the next one', () => {
    const events = storedStream(4);
    const forged = { ...events[1], data: { index: 99 } };
    events[1] = { ...forged, hash: computeEventHash(forged) };
    expect(verifyStreamChain(events)).toEqual({ ok: false, revision: 2, problem: 'PREV_HASH_MISMATCH' });
  });

  it('requires the first event to start from the genesis hash', () => {
    const [first, ...rest] = storedStream(2);
    const relinked = { ...first, prevHash: 'a'.repeat(64) };
    expect(verifyStreamChain([{ ...relinked, hash: computeEventHash(relinked) }, ...rest])).toEqual({ ok: false, revision: 0, problem: 'PREV_HASH_MISMATCH' });
  });

  it('finds a missing event, or a stream that does not start at revision 0', () => {
    const events = storedStream(4);
    expect(verifyStreamChain([events[0], events[1], events[3]])).toEqual({ ok: false, revision: 3, problem: 'REVISION_GAP' });
    expect(verifyStreamChain(events.slice(1))).toEqual({ ok: false, revision: 1, problem: 'REVISION_GAP' });
  });

  it('reports the first broken event when several are', () => {
    const events = storedStream(4);
    events[1] = { ...events[1], type: 'Changed' };
    events[3] = { ...events[3], type: 'Changed' };
    expect(verifyStreamChain(events)).toMatchObject({ ok: false, revision: 1 });
  });
});
