import { canonicalJson } from '@gongkai/kernel';
import { GENESIS_HASH } from './envelope';
import { computeEventHash } from './hashing';
import { canonicalStoredJson, sealEvents, sealEventsAsText, toStoredJson } from './sealing';
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

describe('canonicalStoredJson', () => {
  class Money {
    constructor(readonly fen: number) {}
    toJSON(key: string) {
      return { fen: this.fen, key };
    }
  }
  const withGetter = Object.defineProperty({ b: 1 }, 'a', { enumerable: true, get: () => 'got' });
  const hidden = Object.defineProperty({ shown: 1 }, 'hidden', { enumerable: false, value: 2 });
  const values: [string, unknown][] = [
    ['a service guide', { name: '排污许可', materials: [{ name: '表', originals: 1, copies: 2 }], steps: ['受理', '决定'], feeFen: 0, faq: [] }],
    ['keys out of order, nested', { z: 1, a: { y: [3, { d: 1, c: 2 }], b: null }, m: 'x' }],
    ['keys that sort by code unit', { b: 1, B: 2, '10': 3, '2': 4, 'é': 5, e: 6, '': 7, '\ud83d\ude00': 8, 'a"b': 9 }],
    ['undefined fields and items, functions, symbols', { gone: undefined, f: () => 1, s: Symbol('s'), list: [undefined, () => 1, Symbol('t'), 1] }],
    ['dates and toJSON with its key', { at: new Date('2026-03-02T02:00:00Z'), bad: new Date(Number.NaN), money: new Money(120), list: [new Money(1)] }],
    ['boxed primitives', { n: Object(1.5) as unknown, s: Object('文') as unknown, b: Object(false) as unknown, nan: Object(Number.NaN) as unknown }],
    ['numbers', { zero: -0, small: 1e-7, big: 1e21, frac: 0.1 + 0.2, max: Number.MAX_SAFE_INTEGER, min: Number.MIN_VALUE }],
    ['strings needing escapes', { text: 'line\nbreak "quoted" \\ \u0000 \u001f \u2028 \ud800 lone', emoji: '😀' }],
    ['getters, non-enumerable and inherited fields', { withGetter, hidden, inherited: Object.create({ inherited: 1 }) as unknown }],
    ['maps, sets and class instances', { map: new Map([['a', 1]]), set: new Set([1]), instance: new Money(5) }],
    ['sparse arrays', { list: [1, , 3] }], // eslint-disable-line no-sparse-arrays
    ['scalars at the root', 'text'],
    ['null at the root', null],
    ['an array at the root', [{ b: 1, a: 2 }]],
    ['a shared (not circular) object', (() => { const shared = { x: 1 }; return { a: shared, b: [shared, shared] }; })()],
  ];

  it.each(values)('is canonicalJson of the stored form: %s', (_name, value) => {
    const text = canonicalStoredJson(value);
    expect(text).toBe(canonicalJson(toStoredJson(value)));
    expect(JSON.parse(text)).toEqual(toStoredJson(value));
  });

  it.each<[string, unknown]>([
    ['NaN', { nested: { value: Number.NaN } }],
    ['Infinity in an array', [Number.POSITIVE_INFINITY]],
    ['-Infinity from toJSON', { at: { toJSON: () => Number.NEGATIVE_INFINITY } }],
    ['a BigInt', { big: BigInt(1) }],
    ['a boxed BigInt', { big: Object(BigInt(1)) as unknown }],
    ['undefined', undefined],
    ['a function', () => 1],
    ['a circular structure', (() => { const node: Record<string, unknown> = {}; node['self'] = { node }; return node; })()],
  ])('refuses what toStoredJson refuses: %s', (_name, value) => {
    expect(() => toStoredJson(value)).toThrow(TypeError);
    expect(() => canonicalStoredJson(value)).toThrow(TypeError);
  });
});

describe('sealEventsAsText', () => {
  it('stores the canonical text it hashed, with the hash computeEventHash gives the read-back event', () => {
    const events = [
      anEvent({ data: { z: [1, { b: 2, a: undefined }], at: new Date('2026-03-02T02:00:00Z') } }),
      anEvent({ data: '公告', metadata: { ...anEvent().metadata, reason: 'why', idempotencyKey: undefined } }),
    ];
    const asText = sealEventsAsText('s', events, { revision: 2, hash: 'c'.repeat(64), position: 9 });
    const asValues = sealEvents('s', events, { revision: 2, hash: 'c'.repeat(64), position: 9 });
    expect(asText.map((event) => event.hash)).toEqual(asValues.map((event) => event.hash));
    asText.forEach((event, index) => {
      expect(event.data).toBe(canonicalJson(toStoredJson(events[index].data)));
      expect(event.metadata).toBe(canonicalJson(toStoredJson(events[index].metadata)));
      const readBack = { ...event, data: JSON.parse(event.data) as unknown, metadata: JSON.parse(event.metadata) as typeof events[number]['metadata'] };
      expect(computeEventHash(readBack)).toBe(event.hash);
    });
    expect(asText[1].prevHash).toBe(asText[0].hash);
  });
});
