import { readFileSync, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describePersonalDataVaultContract } from '../personal-data/personal-data-vault-contract';
import { SqlitePersonalDataVault } from './sqlite-personal-data-vault';

const temporaryDir = async (): Promise<{ path: string; remove: () => Promise<void> }> => {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-personal-data-'));
  return { path: join(dir, 'personal-data.db'), remove: () => rm(dir, { recursive: true, force: true }) };
};

describePersonalDataVaultContract('SQLite file', async () => {
  const file = await temporaryDir();
  const vault = SqlitePersonalDataVault.open(file.path);
  return {
    vault,
    cleanup: async () => {
      await vault.close();
      await file.remove();
    },
  };
});

describePersonalDataVaultContract('SQLite, on a connection the caller owns', async () => {
  const db = new Database(':memory:');
  const vault = new SqlitePersonalDataVault(db);
  return {
    vault,
    cleanup: async () => {
      await vault.close();
      expect(db.open).toBe(true);
      db.close();
    },
  };
});

describe('SQLite personal-data vault on disk', () => {
  it('keeps keys across a restart', async () => {
    const file = await temporaryDir();
    const first = SqlitePersonalDataVault.open(file.path);
    await first.createKey('request-1');
    const sealed = await first.encrypt('request-1', '李四');
    await first.close();
    const second = SqlitePersonalDataVault.open(file.path);
    expect(await second.decrypt('request-1', sealed)).toBe('李四');
    await second.close();
    await file.remove();
  });

  it('leaves no copy of an erased key in the database file or its write-ahead log', async () => {
    const file = await temporaryDir();
    const vault = SqlitePersonalDataVault.open(file.path);
    await vault.createKey('request-1');
    await vault.createKey('request-2');
    const peek = new Database(file.path, { readonly: true });
    const key = peek.prepare<[string], { key: Buffer }>('SELECT key FROM personal_data_keys WHERE subject_id = ?').get('request-1')!.key;
    peek.close();
    expect(key).toHaveLength(32);

    await vault.eraseKey('request-1');
    for (const path of [file.path, `${file.path}-wal`]) {
      if (existsSync(path)) expect(readFileSync(path).includes(key)).toBe(false);
    }
    expect(await vault.keyState('request-2')).toBe('ACTIVE');
    await vault.close();
    await file.remove();
  });
});
