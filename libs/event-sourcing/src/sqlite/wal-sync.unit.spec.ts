import { WalSync } from './wal-sync';

/** A datasync the test finishes by hand, recording when each one began. */
const controlledDatasync = () => {
  const started: { finish: () => void; fail: (error: Error) => void }[] = [];
  const datasync = (): Promise<void> =>
    new Promise((resolve, reject) => {
      started.push({ finish: resolve, fail: reject });
    });
  let blocking = 0;
  const datasyncNow = (): void => {
    blocking++;
  };
  return { started, datasync, datasyncNow, blockingCalls: () => blocking };
};

const settledOf = (promise: Promise<void>) => {
  const state = { settled: false, error: undefined as unknown };
  promise.then(
    () => void (state.settled = true),
    (error: unknown) => {
      state.settled = true;
      state.error = error;
    },
  );
  return state;
};

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('WalSync', () => {
  it('given no sync running, when a commit asks for one, then a datasync begins at once and resolves it', async () => {
    const { started, datasync, datasyncNow } = controlledDatasync();
    const sync = new WalSync(datasync, datasyncNow);

    const first = settledOf(sync.sync());
    expect(started).toHaveLength(1);
    started[0]?.finish();
    await turn();

    expect(first).toEqual({ settled: true, error: undefined });
  });

  it('given a datasync running, when more commits ask, then they all wait for one datasync that begins after it', async () => {
    const { started, datasync, datasyncNow } = controlledDatasync();
    const sync = new WalSync(datasync, datasyncNow);
    const first = settledOf(sync.sync());
    const later = [settledOf(sync.sync()), settledOf(sync.sync()), settledOf(sync.sync())];
    expect(started).toHaveLength(1); // the running one may have begun before their commits

    started[0]?.finish();
    await turn();
    expect(first.settled).toBe(true);
    expect(later.every((state) => !state.settled)).toBe(true);
    expect(started).toHaveLength(2);

    started[1]?.finish();
    await turn();
    expect(later.every((state) => state.settled && state.error === undefined)).toBe(true);
    expect(started).toHaveLength(2);
  });

  it('given a datasync that fails, then the commits waiting on it fail with its error, and the next ask begins a new one', async () => {
    const { started, datasync, datasyncNow } = controlledDatasync();
    const sync = new WalSync(datasync, datasyncNow);
    const first = settledOf(sync.sync());
    const queued = settledOf(sync.sync());
    started[0]?.fail(new Error('EIO: i/o error, fdatasync'));
    await turn();
    started[1]?.fail(new Error('EIO again'));
    await turn();

    expect(first.error).toEqual(new Error('EIO: i/o error, fdatasync'));
    expect(queued.error).toEqual(new Error('EIO again'));
    const retried = settledOf(sync.sync());
    expect(started).toHaveLength(3);
    started[2]?.finish();
    await turn();
    expect(retried).toEqual({ settled: true, error: undefined });
  });

  it('syncs a lone commit on the calling thread only when no sync is running or waiting', async () => {
    const { started, datasync, datasyncNow, blockingCalls } = controlledDatasync();
    const sync = new WalSync(datasync, datasyncNow);

    expect(sync.syncNowIfIdle()).toBe(true);
    expect(blockingCalls()).toBe(1);
    const running = settledOf(sync.sync());
    expect(sync.syncNowIfIdle()).toBe(false); // it would not cover commits waiting for the running one
    expect(blockingCalls()).toBe(1);
    started[0]?.finish();
    await turn();
    expect(running.settled).toBe(true);
    expect(sync.syncNowIfIdle()).toBe(true);
  });
});
