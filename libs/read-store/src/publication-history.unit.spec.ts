import { InMemoryReadStore } from './memory/in-memory-read-store';
import { type PublicationHistory, publicAtFilter, versionInForce, withPublication, withPublicationEnded } from './publication-history';

const V1_AT = '2026-03-02T02:00:00.000Z';
const V2_AT = '2026-03-05T02:00:00.000Z';
const RETIRED_AT = '2026-03-09T02:00:00.000Z';

/** Publish v1, publish v2, retire: the life of one item as its projection records it. */
const lifeOfOneItem = (): PublicationHistory<{ title: string }> => withPublicationEnded(withPublication(withPublication([], { title: 'v1' }, V1_AT), { title: 'v2' }, V2_AT), RETIRED_AT);

describe('publication history', () => {
  it('closes the version it replaces at the instant the next is published, and the last at its retirement', () => {
    expect(lifeOfOneItem()).toEqual([
      { publishedAt: V1_AT, endedAt: V2_AT, content: { title: 'v1' } },
      { publishedAt: V2_AT, endedAt: RETIRED_AT, content: { title: 'v2' } },
    ]);
  });

  it.each([
    ['before the first publication', '2026-03-01T00:00:00.000Z', undefined],
    ['at the first publication', V1_AT, 'v1'],
    ['between the two versions', '2026-03-03T00:00:00.000Z', 'v1'],
    ['at the second publication', V2_AT, 'v2'],
    ['after the second version', '2026-03-06T00:00:00.000Z', 'v2'],
    ['at the retirement', RETIRED_AT, undefined],
    ['after the retirement', '2026-04-01T00:00:00.000Z', undefined],
  ])('gives the version in force %s', (_when, at, title) => {
    expect(versionInForce(lifeOfOneItem(), at)?.content.title).toBe(title);
  });

  it('has nothing in force for an item never published, and ending it changes nothing', () => {
    expect(versionInForce(undefined, V1_AT)).toBeUndefined();
    expect(withPublicationEnded(null, RETIRED_AT)).toEqual([]);
  });

  it('filters a collection as versionInForce picks, with conditions on the content of that same period', async () => {
    const store = new InMemoryReadStore();
    const items = store.collection<{ _id: string; history: PublicationHistory<{ title: string }> }>('items');
    await items.replaceOne({ _id: 'retired' }, { _id: 'retired', history: lifeOfOneItem() }, { upsert: true });
    await items.replaceOne({ _id: 'current' }, { _id: 'current', history: withPublication([], { title: 'v1' }, V2_AT) }, { upsert: true });
    await items.replaceOne({ _id: 'never' }, { _id: 'never', history: [] }, { upsert: true });
    const idsAt = async (at: string, content = {}) => (await items.find(publicAtFilter('history', at, content), { sort: { _id: 1 } })).map((item) => item._id);
    expect(await idsAt('2026-03-01T00:00:00.000Z')).toEqual([]);
    expect(await idsAt('2026-03-03T00:00:00.000Z')).toEqual(['retired']);
    expect(await idsAt('2026-03-06T00:00:00.000Z')).toEqual(['current', 'retired']);
    expect(await idsAt('2026-04-01T00:00:00.000Z')).toEqual(['current']);
    expect(await idsAt('2026-03-06T00:00:00.000Z', { title: 'v2' })).toEqual(['retired']);
    expect(await idsAt('2026-03-03T00:00:00.000Z', { $or: [{ title: 'v2' }, { title: 'v9' }] })).toEqual([]);
  });
});
