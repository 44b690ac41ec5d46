import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  let dir: string;
  let db: Database.Database;
  let observer: Database.Database;
  const committed: number[][] = [];

  const rows = (connection: Database.Database): number[] =>
    connection
      .prepare<[], { n: number }>('SELECT n FROM rows ORDER BY n')
      .all()
      .map((row) => row.n);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongkai-group-commit-'));
    db = new Database(join(dir, 'group.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE rows (n INTEGER PRIMARY KEY)');
    // A second connection sees only what is committed, as another process would.
    observer = new Database(join(dir, 'group.sqlite'));
    committed.length = 0;
  });

  afterEach(async () => {
    observer.close();
    db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const group = (): GroupCommit<number> => new GroupCommit<number>(db, (results) => committed.push([...results]));
  const insert = (n: number) => (): number => {
    db.prepare('INSERT INTO rows (n) VALUES (?)').run(n);
    return n;
  };

  it('commits work asked for together in one transaction, in the order asked, and resolves only after the commit', async () => {
    const commits = group();
    const seenByOthers: number[][] = [];
    const seenInside: number[][] = [];
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        commits.run(() => {
          seenByOthers.push(rows(observer));
          seenInside.push(rows(db));
          return insert(n)();
        }),
      ),
    );
    expect(results).toEqual([1, 2, 3]);
    // Each piece sees the ones before it; nobody else sees anything until the one commit.
    expect(seenInside).toEqual([[], [1], [1, 2]]);
    expect(seenByOthers).toEqual([[], [], []]);
    expect(committed).toEqual([[1, 2, 3]]);
    expect(rows(observer)).toEqual([1, 2, 3]);
  });

  it('rolls back a failing piece alone; the others commit', async () => {
    const commits = group();
    const outcomes = await Promise.allSettled([
      commits.run(insert(1)),
      commits.run(() => {
        insert(2)();
        throw new Error('refused');
      }),
      commits.run(insert(1)), // the primary key is taken by the first piece
      commits.run(insert(3)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(rows(observer)).toEqual([1, 3]);
    expect(committed).toEqual([[1, 3]]);
  });

  it('fails every piece, and stores none, when the transaction cannot be had', async () => {
    const commits = group();
    db.pragma('busy_timeout = 0');
    observer.exec('BEGIN IMMEDIATE'); // another writer holds the lock
    const outcomes = await Promise.allSettled([commits.run(insert(1)), commits.run(insert(2))]);
    observer.exec('ROLLBACK');
    expect(outcomes).toEqual([
      { status: 'rejected', reason: expect.objectContaining({ code: 'SQLITE_BUSY' }) },
      { status: 'rejected', reason: expect.objectContaining({ code: 'SQLITE_BUSY' }) },
    ]);
    expect(rows(observer)).toEqual([]);
    expect(committed).toEqual([]);
  });

  it('fails every piece when one of them ends the whole transaction', async () => {
    const commits = group();
    const outcomes = await Promise.allSettled([
      commits.run(insert(1)),
      commits.run(() => {
        // What SQLite does itself after some I/O errors: the whole transaction is gone.
        db.exec('ROLLBACK');
        throw new Error('disk I/O error');
      }),
      commits.run(insert(3)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(rows(observer)).toEqual([]);
  });

  it('commits what is queued when flushed, without waiting for the next turn of the event loop', async () => {
    const commits = group();
    const pending = commits.run(insert(7));
    commits.flush();
    expect(rows(observer)).toEqual([7]);
    await expect(pending).resolves.toBe(7);
  });
});
