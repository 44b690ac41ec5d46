import { InMemoryPersonalDataVault } from '@gongkai/event-sourcing';
import { SqlitePersonalDataVault } from '@gongkai/event-sourcing/sqlite';
import { migratePersonalDataKeys } from './migrate-personal-data';

describe('moving the personal-data keys out of the SQLite file', () => {
  let source: SqlitePersonalDataVault;
  let target: InMemoryPersonalDataVault;

  beforeEach(() => {
    source = SqlitePersonalDataVault.open(':memory:');
    target = new InMemoryPersonalDataVault();
  });
  afterEach(async () => {
    await source.close();
    await target.close();
  });

  it('keeps every key, so that what the events hold still opens, and every erasure', async () => {
    await source.createKey('request-1');
    await source.createKey('request-2');
    await source.eraseKey('request-3');
    const sealed = await source.encrypt('request-1', '张三');

    const report = await migratePersonalDataKeys(source, target);

    expect(report).toEqual({ subjects: 3, imported: 3, alreadyHere: 0, conflicts: [], unverified: [] });
    expect(await target.decrypt('request-1', sealed)).toBe('张三');
    expect(await target.keyState('request-3')).toBe('ERASED');
    await expect(target.createKey('request-3')).rejects.toThrow(/has been erased/);
  });

  it('can run again, and leaves alone a subject the target holds with another key', async () => {
    await source.createKey('request-1');
    await source.createKey('request-2');
    await target.createKey('request-2');
    const own = await target.encrypt('request-2', '李四');

    const first = await migratePersonalDataKeys(source, target);
    expect(first).toMatchObject({ subjects: 2, imported: 1, conflicts: ['request-2'], unverified: [] });
    expect(await target.decrypt('request-2', own)).toBe('李四');

    const again = await migratePersonalDataKeys(source, target);
    expect(again).toMatchObject({ imported: 0, alreadyHere: 1, conflicts: ['request-2'], unverified: [] });
  });

  it('lets an erasure made in the target meanwhile stand', async () => {
    await source.createKey('request-1');
    await target.eraseKey('request-1');
    const report = await migratePersonalDataKeys(source, target);
    expect(report.conflicts).toEqual(['request-1']);
    expect(await target.keyState('request-1')).toBe('ERASED');
  });
});
