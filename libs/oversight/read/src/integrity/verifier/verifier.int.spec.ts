import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { signingKeyFrom } from '@gongkai/oversight/domain';
import { eventStoreReader } from '../event-log-reader';
import { currentCheckpoint, eventInclusionProof, logConsistencyProof } from '../integrity-queries';
import { LogTree } from '../log-tree';
import { recordCheckpoint, type TamperingLog, writeLog } from '../tampering.fixtures';
import { runVerifier } from './main';
import { verifyProofDocument } from './proof-verification';

const WORKSPACE = resolve(__dirname, '../../../../../..');

describe('The standalone verifier', () => {
  let log: TamperingLog;
  const files: Record<string, string> = {};
  const read = (path: string): string => files[path];
  const exported = async (): Promise<string> => (await log.store.readAll()).map((event) => JSON.stringify(event)).join('\n');

  beforeEach(async () => {
    log = await writeLog();
  });

  afterEach(async () => {
    await log.close();
  });

  it('accepts an exported log with its checkpoints, and refuses it edited, naming the event', async () => {
    const { keyId } = await recordCheckpoint(log.store);
    files['log.ndjson'] = await exported();
    expect(runVerifier(['log', 'log.ndjson', '--trust', keyId], read).code).toBe(0);

    files['edited.ndjson'] = files['log.ndjson'].replace('"version":2', '"version":3');
    const { code, output } = runVerifier(['log', 'edited.ndjson'], read);
    expect(code).toBe(1);
    expect(JSON.parse(output).problems).toEqual([expect.objectContaining({ kind: 'EVENT_ALTERED', streamId: log.guide, revision: 1 })]);
  });

  it('checks inclusion and consistency proofs against the signed checkpoints they name', async () => {
    const tree = new LogTree(eventStoreReader(log.store));
    const key = signingKeyFrom({}).key;
    const earlier = await currentCheckpoint(tree, key, new Date());
    await recordCheckpoint(log.store);
    const later = await currentCheckpoint(tree, key, new Date());
    const [event] = await log.store.readStream(log.request);

    const inclusion = await eventInclusionProof(tree, event.id);
    expect(verifyProofDocument({ kind: 'inclusion', proof: inclusion, checkpoint: later })).toEqual({ valid: true, problems: [] });
    expect(verifyProofDocument({ kind: 'inclusion', proof: { ...inclusion, leafIndex: inclusion.leafIndex + 1 }, checkpoint: later }).valid).toBe(false);
    expect(verifyProofDocument({ kind: 'inclusion', proof: inclusion, checkpoint: earlier }).problems).toEqual([expect.stringContaining('not about the given checkpoint')]);

    const consistency = await logConsistencyProof(tree, earlier.treeSize, later.treeSize);
    expect(verifyProofDocument({ kind: 'consistency', proof: consistency, from: earlier, to: later }, [later.keyId])).toEqual({ valid: true, problems: [] });
    const forgedRoot = { ...consistency, fromRoot: later.rootHash };
    expect(verifyProofDocument({ kind: 'consistency', proof: forgedRoot }).problems).toEqual([expect.stringContaining('history was changed')]);
    expect(verifyProofDocument({ kind: 'checkpoint', checkpoint: { ...later, treeSize: later.treeSize + 1 } }).valid).toBe(false);
  });

  it('runs as a command of its own, exit code and all', async () => {
    await recordCheckpoint(log.store);
    const path = join(log.path, '..', 'export.ndjson');
    writeFileSync(path, await exported());
    const run = (args: string[]): { status: number; stdout: string } => {
      try {
        return { status: 0, stdout: execFileSync(process.execPath, ['-r', join(WORKSPACE, 'tools/register.js'), join(__dirname, 'main.ts'), ...args], { cwd: WORKSPACE, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }) };
      } catch (error) {
        const failed = error as { status: number; stdout: string };
        return { status: failed.status, stdout: failed.stdout };
      }
    };
    expect(run(['log', path])).toMatchObject({ status: 0, stdout: expect.stringContaining('"valid": true') });
    expect(run(['nonsense']).status).toBe(2);
  });
});
