import type { RecordedEvent } from './envelope';
import { sealEvents } from './sealing';
import { anEvent } from './testing/contract-fixtures';
import { UpcasterRegistry } from './upcasting';

const stored = (type: string, schemaVersion: number, data: unknown): RecordedEvent => ({
  ...sealEvents('comment-1', [anEvent({ type, schemaVersion, data })], undefined)[0],
  globalPosition: 1,
});

/** v1 had `name`; v2 split it into given/family names; v3 added the channel. */
const commentUpcasters = () =>
  new UpcasterRegistry()
    .register('CommentSubmitted', 2, (data) => ({ ...(data as object), channel: 'PORTAL' }))
    .register('CommentSubmitted', 1, (data) => {
      const { name, ...rest } = data as { name: string };
      const [family, given] = [name.slice(0, 1), name.slice(1)];
      return { ...rest, familyName: family, givenName: given };
    });

describe('UpcasterRegistry', () => {
  it('writes a type without upcasters at version 1, and one with them one past the newest', () => {
    const registry = commentUpcasters();
    expect(registry.currentVersion('DraftPublished')).toBe(1);
    expect(registry.currentVersion('CommentSubmitted')).toBe(3);
  });

  it('runs the chain from the stored version to the current one', () => {
    const event = stored('CommentSubmitted', 1, { name: '王小明', text: '同意' });
    const upcast = commentUpcasters().upcast(event);
    expect(upcast).toEqual({ ...event, schemaVersion: 3, data: { familyName: '王', givenName: '小明', text: '同意', channel: 'PORTAL' } });
  });

  it('starts the chain where the stored version is', () => {
    const event = stored('CommentSubmitted', 2, { familyName: '李', givenName: '四', text: '反对' });
    expect(commentUpcasters().upcast(event).data).toEqual({ familyName: '李', givenName: '四', text: '反对', channel: 'PORTAL' });
  });

  it('returns current events, and events of types without upcasters, as they are', () => {
    const current = stored('CommentSubmitted', 3, { channel: 'WINDOW' });
    const other = stored('DraftPublished', 1, { title: 't' });
    const registry = commentUpcasters();
    expect(registry.upcast(current)).toBe(current);
    expect(registry.upcast(other)).toBe(other);
  });

  it('keeps the stored hash and prevHash: they prove the stored version', () => {
    const event = stored('CommentSubmitted', 2, { text: 'x' });
    expect(commentUpcasters().upcast(event)).toMatchObject({ hash: event.hash, prevHash: event.prevHash });
  });

  it('refuses an event written by newer code than this', () => {
    expect(() => commentUpcasters().upcast(stored('CommentSubmitted', 4, {}))).toThrow(/schema version 4; this code knows up to 3/);
  });

  it('refuses a chain with a missing link', () => {
    const registry = new UpcasterRegistry().register('X', 2, (data) => data);
    expect(() => registry.upcast(stored('X', 1, {}))).toThrow('No upcaster for X from version 1');
  });

  it('refuses an upcaster registered twice or from a version that does not exist', () => {
    const registry = new UpcasterRegistry().register('X', 1, (data) => data);
    expect(() => registry.register('X', 1, (data) => data)).toThrow('registered twice');
    expect(() => registry.register('Y', 0, (data) => data)).toThrow(RangeError);
    expect(() => registry.register('Y', 1.5, (data) => data)).toThrow(RangeError);
  });
});
