import { GENESIS_HASH } from './envelope';
import { computeEventHash } from './hashing';
import { sealEvents, toStoredJson } from './sealing';
import { anEvent } from './testing/contract-fixtures';

describe('toStoredJson', () => {
  it('gives the value as it reads back from JSON storage', () => {
    expect(toStoredJson({ at: new Date('2026-03-02T02:00:00Z'), gone: undefined, list: [undefined, 1] })).toEqual({
      at: '2026-03-02T02:00:00.000Z',
      list: [null, 1],
    });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('refuses %p, which JSON would turn into null', (value) => {
    expect(() => toStoredJson({ nested: { value } })).toThrow(TypeError);
  });

  it('refuses what JSON cannot hold at all', () => {
    expect(() => toStoredJson(undefined)).toThrow(TypeError);
    expect(() => toStoredJson({ big: BigInt(1) })).toThrow(TypeError);
  });
});

describe('sealEvents', () => {
  it('numbers a new stream from 0 and chains from the genesis hash', () => {
    const sealed = sealEvents('s', [anEvent(), anEvent()], undefined);
    expect(sealed.map((event) => [event.revision, event.streamId])).toEqual([
      [0, 's'],
      [1, 's'],
    ]);
    expect(sealed[0].prevHash).toBe(GENESIS_HASH);
    expect(sealed[1].prevHash).toBe(sealed[0].hash);
    expect(sealed.every((event) => event.hash === computeEventHash(event))).toBe(true);
  });

  it('continues after the head of an existing stream', () => {
    const [sealed] = sealEvents('s', [anEvent()], { revision: 6, hash: 'b'.repeat(64), position: 40 });
    expect(sealed).toMatchObject({ revision: 7, prevHash: 'b'.repeat(64) });
  });

  it('hashes the stored form, so the hash verifies after a round trip through JSON', () => {
    const [sealed] = sealEvents('s', [anEvent({ data: { at: new Date('2026-03-02T02:00:00Z') } })], undefined);
    const readBack = JSON.parse(JSON.stringify(sealed)) as typeof sealed;
    expect(computeEventHash(readBack)).toBe(sealed.hash);
  });
});
